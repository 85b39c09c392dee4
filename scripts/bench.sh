#!/usr/bin/env bash
# One command for KeyDeck's performance figures, each measured beside its floor in the same run
# (issue 22): the rounds interleave the variants (A, B, A, B, ...) so load drifts hit both alike, and
# every run records the 1-minute load average. Writes target/bench/results.json (every run and the
# medians) and target/bench/results.md (medians and ratios).
#
#   scripts/bench.sh                     # ROUNDS=5 SIZES="100000 1000000"
#   ROUNDS=3 SIZES=100000 scripts/bench.sh
#
# Benchmarks and their floors:
#   keys-list-json-N   `keydeck keys list --json` of N keys, stdout to /dev/null, against a local paging
#                      gateway (io.keydeck.bench.ManyKeysGateway, its own JVM) -- floor: one keep-alive
#                      HTTP client downloading every page of the same listing and discarding it
#                      (io.keydeck.bench.KeyPagesFloor): wall time, CPU (user+sys), peak RSS.
#   keys-list-table-N  the same as a table, for the largest N.
#   report-json-N      `keydeck report --json --out -` of REPORT_KEYS keys (default 100000; streamed: keys as
#                      the pages arrive, findings in sorted runs on disk) -- the same floor.
#   cli-first-output   `keydeck keys list` of a 10-key gateway: start to its first byte of output ("wall"),
#                      CPU and RSS to exit -- floor: `java -version` with the same options and archive (its
#                      one output comes at its end).
#   cli-first-output-image  the same through an app image's own command (IMAGE, default target/dist/KeyDeck
#                      when it exists: bin/keydeck-start, i.e. what the .deb's /usr/bin/keydeck runs, with the
#                      image's runtime, options and CDS archive) -- floor: that runtime's `java -version` with
#                      the same options and archive.
#   idle-tail          the window on the Auth log of a sandbox with its simulated traffic, live tail on:
#                      CPU over IDLE_SECONDS (default 30) after a warm-up of IDLE_WARMUP (default 15)
#                      (io.keydeck.bench.IdleTail, under xvfb-run) -- floor: the same with live tail off.
#                      IDLE_SECONDS=0 leaves it out.
# SOAK_SECONDS=N (default 0: none) adds a soak after the rounds: the window on the Auth log with live tail on
# for N seconds against the sandbox's traffic, its resident set every SOAK_EVERY seconds (default 60) into
# target/bench/soak.tsv and the summary.
# Every JVM on both sides runs the system java with the app image's options (jpackage.cfg), a 256 MB
# heap cap, and the same AppCDS archive (made here from a CLI run; the floor's class path extends the
# archive's, so it is used on both sides).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${ROUNDS:-5}"
idle_seconds="${IDLE_SECONDS:-30}"
idle_warmup="${IDLE_WARMUP:-15}"
soak_seconds="${SOAK_SECONDS:-0}"
soak_every="${SOAK_EVERY:-60}"
image="${IMAGE:-$PWD/target/dist/KeyDeck}"
[ -x "$image/bin/keydeck-start" ] || image=""
sizes="${SIZES:-100000 1000000}"
out="$PWD/target/bench"
java="${JAVA:-java}"
jar="$PWD/target/keydeck.jar"
tests="$PWD/target/test-classes"

if [ ! -f "$jar" ] || [ ! -f "$tests/io/keydeck/bench/KeyPagesFloor.class" ] \
    || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  echo "building target/keydeck.jar and the test classes ..." >&2
  mvn -o -q -B package -DskipTests -Djacoco.skip=true >&2
fi
for tool in /usr/bin/time python3 $([ "$idle_seconds$soak_seconds" = 00 ] || [ -n "${DISPLAY:-}" ] || echo xvfb-run); do
  command -v "$tool" >/dev/null || { echo "scripts/bench.sh needs $tool" >&2; exit 1; }
done

mkdir -p "$out"
work="$(mktemp -d)"
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# KeyDeck never touches the real home: settings, data and logs go to the scratch directory.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
       XDG_RUNTIME_DIR="$work/runtime" XDG_CACHE_HOME="$work/cache"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export KD_TOKEN="mrk_admin_bench_token"

# The image's JVM options (jpackage.cfg, with its heap bound) minus its archive path.
image_options="$(sed -n 's/^--java-options "\(.*\)"$/\1/p' jpackage.cfg | grep -v SharedArchiveFile | tr '\n' ' ')"
jvm=($image_options -Duser.home="$work/home" -Dkeydeck.vault=session)

declare -A url
start_gateway() { # N: serves N keys in its own JVM; sets url[N]
  "$java" -Xmx512m -XX:+UseSerialGC -cp "$tests" io.keydeck.bench.ManyKeysGateway "$1" >"$work/gw-$1" &
  servers+=($!)
  for _ in $(seq 100); do
    [ -s "$work/gw-$1" ] && { url[$1]="$(head -1 "$work/gw-$1")"; return; }
    sleep 0.1
  done
  echo "the $1-key gateway did not start" >&2
  exit 1
}
report_keys="${REPORT_KEYS:-100000}"
for n in 10 $report_keys $sizes; do [ -n "${url[$n]:-}" ] || start_gateway "$n"; done
if [ "$idle_seconds" != 0 ] || [ "$soak_seconds" != 0 ]; then # the sandbox, with its traffic simulator, for the idle window
  "$java" -Xmx512m -XX:+UseSerialGC -Duser.home="$work/home" -jar "$jar" sandbox --port 0 --keys 200 \
      >"$work/sandbox" 2>&1 &
  servers+=($!)
  for _ in $(seq 150); do grep -q 'Admin token:' "$work/sandbox" 2>/dev/null && break; sleep 0.1; done
  sandbox_url="$(sed -n 's/^ *Base URL: *//p' "$work/sandbox")"
  sandbox_token="$(sed -n 's/^ *Admin token: *//p' "$work/sandbox")"
  [ -n "$sandbox_token" ] || { echo "the sandbox did not start: $(cat "$work/sandbox")" >&2; exit 1; }
fi

# Both sides as commands /usr/bin/time can start (each execs its JVM, so the figures are the JVM's).
cat >"$work/keydeck" <<SH
#!/usr/bin/env bash
base="\$1"; shift
exec "$java" ${jvm[*]} -XX:SharedArchiveFile="$out/cli.jsa" -cp "$jar" io.keydeck.Launcher "\$@" \\
    --driver multiroute --base-url "\$base" --token-env KD_TOKEN
SH
cat >"$work/cli" <<SH
#!/usr/bin/env bash
base="\$1"; shift
exec "$work/keydeck" "\$base" keys list "\$@"
SH
cat >"$work/floor" <<SH
#!/usr/bin/env bash
exec "$java" ${jvm[*]} -XX:SharedArchiveFile="$out/cli.jsa" -cp "$jar:$tests" io.keydeck.bench.KeyPagesFloor "\$1"
SH
chmod +x "$work/keydeck" "$work/cli" "$work/floor"
cli() { "$work/cli" "$@"; }
floor() { "$work/floor" "$@"; }

# The AppCDS archive both sides use: the classes a CLI listing loads (the floor's are a subset, plus its own).
rm -f "$out/cli.jsa"
"$java" "${jvm[@]}" -XX:ArchiveClassesAtExit="$out/cli.jsa" -cp "$jar" io.keydeck.Launcher keys list --json \
    --driver multiroute --base-url "${url[10]}" --token-env KD_TOKEN >/dev/null 2>"$work/dump.log" \
  || { cat "$work/dump.log" >&2; exit 1; }

# Start to first byte of output (stdout or stderr), and CPU, peak RSS and exit code of the whole run.
cat >"$work/first_output.py" <<'PY'
import os, subprocess, sys, time
t0 = time.monotonic()
p = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
first = p.stdout.read(1)
if first == b"N":  # the launcher's "NOTE: Picked up JDK_JAVA_OPTIONS" line is not the command's output
    first += p.stdout.readline()
    if first.startswith(b"NOTE: Picked up"):
        first += p.stdout.read(1)
t1 = time.monotonic()
rest = p.stdout.read()
_, status, ru = os.wait4(p.pid, 0)
code = os.waitstatus_to_exitcode(status)
open(sys.argv[1], "wb").write(first + rest)
print("%.3f %.3f %.3f %d %d" % (t1 - t0, ru.ru_utime, ru.ru_stime, ru.ru_maxrss, code))
PY

runs="$out/runs.tsv"
printf 'benchmark\tvariant\tround\twall_s\tcpu_s\tpeak_rss_kb\tload1\texit\tcheck\n' >"$runs"

measure() { # benchmark variant round expected-stderr-text command...
  local bench="$1" variant="$2" round="$3" expect="$4"; shift 4
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  local code=0
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || code=$?
  read -r wall user sys rss < <(tail -1 "$work/time")
  local cpu; cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  local check=ok
  if [ "$code" != 0 ] || { [ -n "$expect" ] && ! grep -q "$expect" "$work/err"; }; then
    check="FAILED: $(head -c 300 "$work/err" | tr '\n\t' '  ')"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$bench" "$variant" "$round" "$wall" \
      "$cpu" "$rss" "$load" "$code" "$check" >>"$runs"
  printf '%-22s %-8s round %s: %6ss wall %6ss cpu %7s KB rss (load %s) %s\n' "$bench" "$variant" "$round" \
      "$wall" "$cpu" "$rss" "$load" "$check" >&2
}

first_output() { # benchmark variant round expected-output-text command...
  local bench="$1" variant="$2" round="$3" expect="$4"; shift 4
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  local first user sys rss code
  read -r first user sys rss code < <(python3 "$work/first_output.py" "$work/err" "$@")
  local cpu; cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  local check=ok
  if [ "$code" != 0 ] || ! grep -q "$expect" "$work/err"; then
    check="FAILED: $(head -c 300 "$work/err" | tr '\n\t' '  ')"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$bench" "$variant" "$round" "$first" \
      "$cpu" "$rss" "$load" "$code" "$check" >>"$runs"
  printf '%-22s %-8s round %s: %6ss to first output %6ss cpu %7s KB rss (load %s) %s\n' "$bench" "$variant" \
      "$round" "$first" "$cpu" "$rss" "$load" "$check" >&2
}

# An app image's own command and its runtime's floor, with the options its launcher config gives.
if [ -n "$image" ]; then
  image_java="$image/lib/runtime/bin/java"
  mapfile -t image_jvm < <(sed -n 's/^java-options=//p' "$image/lib/app/KeyDeck.cfg" \
      | sed "s|\\\$APPDIR|$image/lib/app|g")
  cat >"$work/image-cli" <<SH
#!/usr/bin/env bash
base="\$1"; shift
exec "$image/bin/keydeck-start" keys list "\$@" --driver multiroute --base-url "\$base" --token-env KD_TOKEN
SH
  chmod +x "$work/image-cli"
fi

idle() { # round on|off: one IdleTail run; its CPU over the measured span
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  local display=(); [ -n "${DISPLAY:-}" ] || display=(xvfb-run -a -s "-screen 0 1280x800x24")
  local code=0
  KD_TOKEN="$sandbox_token" "${display[@]}" "$java" "${jvm[@]}" -Dprism.lcdtext=false \
      -XX:SharedArchiveFile="$out/cli.jsa" -cp "$jar:$tests" io.keydeck.bench.IdleTail "$sandbox_url" "$2" \
      "$idle_warmup" "$idle_seconds" >"$work/idle" 2>"$work/idle-err" || code=$?
  local line; line="$(grep '^idle-tail' "$work/idle" || true)"
  local cpu_ms over rss
  read -r cpu_ms over rss < <(sed -n 's/.*cpu \([0-9]*\) ms over \([0-9.]*\) s, rss \([0-9]*\) KB.*/\1 \2 \3/p' <<<"$line")
  local check=ok
  [ "$code" = 0 ] && [ -n "$line" ] || { check="FAILED: $(tail -c 300 "$work/idle-err" | tr '\n\t' '  ')"; cpu_ms=0 over=0 rss=0; }
  local variant=keydeck; [ "$2" = on ] || variant=floor
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' idle-tail "$variant" "$1" "$over" \
      "$(awk -v m="$cpu_ms" 'BEGIN { printf "%.3f", m / 1000 }')" "$rss" "$load" "$code" "$check" >>"$runs"
  printf '%-22s %-8s round %s: %s (load %s) %s\n' idle-tail "$variant" "$1" "$line" "$load" "$check" >&2
}

largest="$(tr ' ' '\n' <<<"$sizes" | sort -n | tail -1)"
# Untimed: warms the gateways' JIT and the file cache, and checks every command works.
for n in $sizes; do floor "${url[$n]}" >/dev/null 2>&1; cli "${url[$n]}" --json >/dev/null 2>&1; done
cli "${url[10]}" >/dev/null 2>&1

load_before="$(cat /proc/loadavg)"
for round in $(seq "$rounds"); do
  for n in $sizes; do
    measure "keys-list-json-$n" keydeck "$round" "$n keys." "$work/cli" "${url[$n]}" --json
    measure "keys-list-json-$n" floor "$round" "$n keys." "$work/floor" "${url[$n]}"
  done
  measure "keys-list-table-$largest" keydeck "$round" "$largest keys." "$work/cli" "${url[$largest]}"
  measure "keys-list-table-$largest" floor "$round" "$largest keys." "$work/floor" "${url[$largest]}"
  measure "report-json-$report_keys" keydeck "$round" "Reviewed $report_keys keys" "$work/keydeck" \
      "${url[$report_keys]}" report --json --out -
  measure "report-json-$report_keys" floor "$round" "$report_keys keys." "$work/floor" "${url[$report_keys]}"
  first_output cli-first-output keydeck "$round" "10 keys." "$work/cli" "${url[10]}"
  first_output cli-first-output floor "$round" "version" "$java" "${jvm[@]}" -XX:SharedArchiveFile="$out/cli.jsa" \
      -cp "$jar" -version
  if [ -n "$image" ]; then # the image's command gets the scratch home through the environment, as a user's options
    JDK_JAVA_OPTIONS="-Duser.home=$work/home -Dkeydeck.vault=session" first_output cli-first-output-image keydeck \
        "$round" "10 keys." "$work/image-cli" "${url[10]}"
    JDK_JAVA_OPTIONS="-Duser.home=$work/home -Dkeydeck.vault=session" first_output cli-first-output-image floor \
        "$round" "version" \
        "$image_java" "${image_jvm[@]}" -version
  fi
  if [ "$idle_seconds" != 0 ]; then
    idle "$round" on
    idle "$round" off
  fi
done
load_after="$(cat /proc/loadavg)"

if [ "$soak_seconds" != 0 ]; then # one long run, tail on, its RSS every soak_every seconds
  display=(); [ -n "${DISPLAY:-}" ] || display=(xvfb-run -a -s "-screen 0 1280x800x24")
  echo "soak: $soak_seconds s with live tail on, RSS every $soak_every s (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  KD_TOKEN="$sandbox_token" "${display[@]}" "$java" "${jvm[@]}" -Dprism.lcdtext=false -DidleTail.rssEvery="$soak_every" \
      -XX:SharedArchiveFile="$out/cli.jsa" -cp "$jar:$tests" io.keydeck.bench.IdleTail "$sandbox_url" on \
      "$idle_warmup" "$soak_seconds" >"$work/soak" 2>"$work/soak-err" \
    || echo "the soak failed: $(tail -c 300 "$work/soak-err")" >&2
  { printf 'seconds\trss_kb\tcpu_ms\n'
    sed -n 's/^rss-sample \([0-9]*\) s: rss \([0-9]*\) KB, cpu \([0-9]*\) ms$/\1\t\2\t\3/p' "$work/soak"; } >"$out/soak.tsv"
  cat "$out/soak.tsv" >&2
fi

python3 - "$runs" "$out" "$rounds" "$load_before" "$load_after" "$("$java" -version 2>&1 | head -1)" \
    "$(nproc)" <<'PY'
import csv, json, statistics, sys, datetime
runs_file, out, rounds, load_before, load_after, java, cpus = sys.argv[1:8]
rows = list(csv.DictReader(open(runs_file), delimiter="\t"))
for r in rows:
    for k in ("wall_s", "cpu_s", "load1"):
        r[k] = float(r[k])
    r["peak_rss_kb"] = int(r["peak_rss_kb"])
benches = list(dict.fromkeys(r["benchmark"] for r in rows))
floor_names = {"cli-first-output": "java -version, same options and archive",
               "cli-first-output-image": "the image runtime's java -version, same options and archive",
               "idle-tail": "the same window, live tail off"}
results = []
for b in benches:
    med = {}
    for v in ("keydeck", "floor"):
        rs = [r for r in rows if r["benchmark"] == b and r["variant"] == v]
        med[v] = {k: statistics.median(r[k] for r in rs) for k in ("wall_s", "cpu_s", "peak_rss_kb", "load1")}
        med[v]["failed_runs"] = sum(1 for r in rs if r["check"] != "ok")
    ratio = {k: round(med["keydeck"][k] / med["floor"][k], 2) if med["floor"][k] else None
             for k in ("wall_s", "cpu_s", "peak_rss_kb")}
    results.append({"benchmark": b, "floor": floor_names.get(b, "keep-alive page download (KeyPagesFloor)"),
                    "keydeck": med["keydeck"], "floor_median": med["floor"], "ratio": ratio})
doc = {"when": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), "rounds": int(rounds),
       "cpus": int(cpus), "java": java, "loadavg_before": load_before, "loadavg_after": load_after,
       "results": results, "runs": rows}
json.dump(doc, open(out + "/results.json", "w"), indent=2)
lines = [f"KeyDeck benchmarks, {doc['when']}, {rounds} interleaved rounds, {cpus} CPUs, {java}",
         f"load average before: {load_before}; after: {load_after}", "",
         "| benchmark | floor | keydeck wall | floor wall | ratio | keydeck CPU | floor CPU | ratio "
         "| keydeck peak RSS | floor peak RSS | ratio | median load | failed runs |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
def x(ratio):
    return "-" if ratio is None else f"{ratio:.2f}x"
for r in results:
    k, f, q = r["keydeck"], r["floor_median"], r["ratio"]
    lines.append(f"| {r['benchmark']} | {r['floor']} | {k['wall_s']:.2f} s | {f['wall_s']:.2f} s | {x(q['wall_s'])} "
                 f"| {k['cpu_s']:.2f} s | {f['cpu_s']:.2f} s | {x(q['cpu_s'])} "
                 f"| {k['peak_rss_kb'] / 1024:.0f} MB | {f['peak_rss_kb'] / 1024:.0f} MB | {x(q['peak_rss_kb'])} "
                 f"| {k['load1']:.2f} | {k['failed_runs'] + f['failed_runs']} |")
if any(r["benchmark"].startswith("cli-first-output") for r in results):
    lines += ["", "cli-first-output: wall is the time from start to the first byte of output; CPU and RSS are the whole run's."]
import os
soak = os.path.join(out, "soak.tsv")
if os.path.exists(soak) and os.path.getmtime(soak) >= os.path.getmtime(runs_file):
    samples = [l.split("\t") for l in open(soak).read().splitlines()[1:]]
    if samples:
        doc["soak"] = [{"seconds": int(a), "rss_kb": int(b), "cpu_ms": int(c)} for a, b, c in samples]
        json.dump(doc, open(out + "/results.json", "w"), indent=2)
        lines += ["", "soak, live tail on: RSS " + ", ".join(f"{int(a) // 60} min {int(b) / 1024:.0f} MB" for a, b, c in samples)
                  + f"; CPU {int(samples[-1][2]) / 1000:.1f} s in {int(samples[-1][0])} s"]
if any(r["benchmark"] == "idle-tail" for r in results):
    lines += ["", "idle-tail: wall is the measured span, CPU the process's CPU time within it, RSS the resident set at its end."]
open(out + "/results.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
