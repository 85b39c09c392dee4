#!/usr/bin/env bash
# Start-up benchmark (issues 9 and 22): time to the first frame (the window's outline), to the main
# window (sidebar lists and status bar drawn) and to a populated Keys table, measured from process start
# by --smoke-test, and the CPU used until the process ends, against a bare one-label JavaFX window
# (io.keydeck.bench.BareWindow) as the floor.
#
# Like for like: the floor (bare-window-cds) and the app (app-cds) run on the image's own runtime, with
# the image's Java options from lib/app/KeyDeck.cfg, the image's CDS archive, the same class-path jar
# first and -Xshare:on (a run whose archive is not mapped fails instead of being timed without it). The
# ratios are to that floor. Also timed: the bare window on the runtime's default CDS only; the bare
# window with an archive of its own, dumped from its own class list (bare-window-own-cds); the app image
# through the menu entry's bin/keydeck-start and through jpackage's launcher bin/KeyDeck.
# Prints the median of RUNS runs (default 7) per variant, interleaved so load drifts hit all alike, and
# the load average before and after. Every start gets a throw-away home and XDG folders.
#
#   mvn -o -Ppackage package -DskipTests && scripts/startup-benchmark.sh
#   VARIANTS="bare-window-cds app-cds" RUNS=11 scripts/startup-benchmark.sh
#
# Runs itself under xvfb-run when there is no DISPLAY.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

runs="${RUNS:-7}"
image="$PWD/target/dist/KeyDeck"
app="$image/lib/app"
java_of_image="$image/lib/runtime/bin/java"
for needed in "$app/keydeck.jar" "$app/keydeck.jsa" target/test-classes/io/keydeck/bench/BareWindow.class; do
  [ -e "$needed" ] || { echo "missing $needed: build first (see the comment at the top)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
export JAVA_TOOL_OPTIONS="-Duser.home=$work/home"
export XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" \
  XDG_STATE_HOME="$work/home/state" XDG_CACHE_HOME="$work/home/cache"

# The bare window in a jar of its own: CDS archives classes from jars only.
(cd target/test-classes && jar cf "$work/bare.jar" io/keydeck/bench/BareWindow*.class)

# The launcher's own Java options (jpackage.cfg), so every variant run directly runs exactly like the image.
image_options="$(grep '^java-options=' "$app/KeyDeck.cfg" | cut -d= -f2- | grep -v SharedArchiveFile | tr '\n' ' ')"

# The bare window's own archive, from the classes it loads itself, dumped like the image's (jpackage.xml).
"$java_of_image" $image_options -XX:DumpLoadedClassList="$work/bare.classlist" \
  -cp "$app/keydeck.jar:$work/bare.jar" io.keydeck.bench.BareWindow >/dev/null 2>&1
"$java_of_image" -Xshare:dump -Xlog:disable -Xlog:all=error:stderr -XX:SharedClassListFile="$work/bare.classlist" \
  -XX:SharedArchiveFile="$work/bare.jsa" -cp "$app/keydeck.jar:$work/bare.jar" >/dev/null

variant_names=(${VARIANTS:-bare-window bare-window-cds bare-window-own-cds app-cds image-cds-start image-cds})
run_variant() {
  # the clock starts here: Linux's own process start time is only accurate to the second
  export KEYDECK_LAUNCHED_AT_MS="$(date +%s%3N)"
  case "$1" in
    bare-window) exec "$java_of_image" $image_options -cp "$app/keydeck.jar:$work/bare.jar" \
        io.keydeck.bench.BareWindow ;;
    bare-window-cds) exec "$java_of_image" $image_options -Xshare:on -XX:SharedArchiveFile="$app/keydeck.jsa" \
        -cp "$app/keydeck.jar:$work/bare.jar" io.keydeck.bench.BareWindow ;;
    bare-window-own-cds) exec "$java_of_image" $image_options -Xshare:on -XX:SharedArchiveFile="$work/bare.jsa" \
        -cp "$app/keydeck.jar:$work/bare.jar" io.keydeck.bench.BareWindow ;;
    app-cds) exec "$java_of_image" $image_options -Xshare:on -XX:SharedArchiveFile="$app/keydeck.jsa" \
        -cp "$app/keydeck.jar" io.keydeck.Launcher --smoke-test ;;
    image-cds-start) exec "$image/bin/keydeck-start" --smoke-test ;;
    image-cds) exec "$image/bin/KeyDeck" --smoke-test ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
}

export -f run_variant
export app work image java_of_image image_options

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# One untimed start each: fills the OS file cache, JavaFX's native-library cache and the app's settings.
for name in "${variant_names[@]}"; do bash -c "run_variant $name" >/dev/null 2>&1 || true; done

declare -A frames windows populated cpu
for ((run = 1; run <= runs; run++)); do
  for name in "${variant_names[@]}"; do
    out="$(/usr/bin/time -f "cpu %U %S" bash -c "run_variant $name" 2>&1)"
    line="$(grep -E '^(smoke-test|bare-window) ok' <<<"$out")" || { echo "$name failed:"$'\n'"$out" >&2; exit 1; }
    frames[$name]+="$(sed -E 's/.*first frame ([0-9]+) ms.*/\1/' <<<"$line") "
    windows[$name]+="$(grep -oE 'main window [0-9]+' <<<"$line" | grep -oE '[0-9]+' || echo -) "
    populated[$name]+="$(grep -oE 'table populated [0-9]+' <<<"$line" | grep -oE '[0-9]+' || echo -) "
    cpu[$name]+="$(awk '/^cpu /{printf "%d", ($2 + $3) * 1000}' <<<"$out") "
  done
done

median() { tr ' ' '\n' | grep -E '^[0-9]+$' | sort -n | awk '{v[NR]=$1} END {if (NR == 0) print "-"; else print v[int((NR + 1) / 2)]}'; }
printf '%-20s %12s %12s %16s %8s   (medians of %d runs, ms from process start; cpu: user+sys to exit)\n' \
  variant "first frame" "main window" "table populated" "cpu" "$runs"
for name in "${variant_names[@]}"; do
  printf '%-20s %12s %12s %16s %8s\n' "$name" "$(median <<<"${frames[$name]}")" \
    "$(median <<<"${windows[$name]}")" "$(median <<<"${populated[$name]}")" "$(median <<<"${cpu[$name]}")"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-") print "-"; else printf "%.2f", a / b}'; }
floor=bare-window-cds
if [[ " ${variant_names[*]} " == *" $floor "* ]]; then
  bare="$(median <<<"${frames[$floor]}")"
  bare_cpu="$(median <<<"${cpu[$floor]}")"
  for name in app-cds image-cds-start image-cds; do
    [[ " ${variant_names[*]} " == *" $name "* ]] || continue
    echo "$name / $floor: first frame $(ratio "$(median <<<"${frames[$name]}")" "$bare")x," \
      "main window $(ratio "$(median <<<"${windows[$name]}")" "$bare")x," \
      "table populated $(ratio "$(median <<<"${populated[$name]}")" "$bare")x," \
      "cpu $(ratio "$(median <<<"${cpu[$name]}")" "$bare_cpu")x"
  done
fi
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
