#!/usr/bin/env bash
# Re-measures issue 16's table: the standalone jar against each HostileGateway mode, with the real
# default limits (60 s deadline, 64 MB cap). Prints one row per case: exit code, wall time, peak RSS,
# raw control bytes found on stdout+stderr. Needs target/keydeck.jar and target/test-classes
# (mvn -o -q package -DskipTests; mvn -o -q test-compile).
set -u
cd "$(dirname "$0")/.."
JAR=target/keydeck.jar
work=$(mktemp -d)
# KEEP=1 keeps each run's stdout/stderr/time files and prints where; MODES="A B" runs only those list modes,
# CREATES=0 skips the create and report rows
if [ "${KEEP:-}" = 1 ]; then echo "outputs kept in $work"; else trap 'rm -rf "$work"' EXIT; fi
printf '%-20s %-12s %4s %8s %10s %5s  %s\n' MODE COMMAND EXIT WALL_S PEAK_RSS_MB RAW first-stderr-line
run() { # mode command...
  local mode=$1; shift
  runs=$((${runs:-0} + 1))
  local home="$work/$runs-$mode-$1"; mkdir -p "$home"  # one folder per run: a second run of a mode must not read the first one's url
  java -cp target/test-classes io.keydeck.hostile.HostileGateway "$mode" > "$home/url" &
  local gw=$!
  for _ in $(seq 50); do [ -s "$home/url" ] && break; sleep 0.1; done
  local url; url=$(head -1 "$home/url")
  local start end
  start=$(date +%s.%N)
  KD_TOKEN=mrk_admin_hostile XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    /usr/bin/time -v -o "$home/time" java -Duser.home="$home" -Dkeydeck.vault=session -jar "$JAR" "$@" \
    --driver multiroute --base-url "$url" --token-env KD_TOKEN > "$home/out" 2> "$home/err"
  local exit=$?
  end=$(date +%s.%N)
  kill "$gw" 2>/dev/null; wait "$gw" 2>/dev/null
  local rss; rss=$(awk -F: '/Maximum resident/ {printf "%.0f", $2/1024}' "$home/time")
  local raw; raw=$(cat "$home/out" "$home/err" | LC_ALL=C grep -caP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]')
  printf '%-20s %-12s %4s %8.1f %10s %5s  %s\n' "$mode" "$1 $2" "$exit" "$(echo "$end - $start" | bc)" "$rss" "$raw" \
    "$(head -c 300 "$home/err" | head -1)"
  if [ "${VERBOSE:-}" = 1 ]; then sed 's/^/    err: /' "$home/err" | head -5; fi
}
for mode in ${MODES:-STALLED_BODY HUGE_PAGE ENDLESS_BODY EMPTY_PAGES RETRY_AFTER SLOW_HEADERS CONTROL_TEXT CONTROL_ERROR LONG_NAME C1_BIDI}; do
  run "$mode" keys list
done
[ "${CREATES:-1}" = 1 ] || exit 0
run LONG_NAME keys list --json
run EMPTY_PAGES report --out - --format json
run HUGE_PAGE report --out - --format json
run DROP_AFTER_CREATE keys create --name ci-bot
run CREATE_BAD_FIELD keys create --name ci-bot
