#!/usr/bin/env bash
# Start-up benchmark (issue 9): time to the first frame (the window's outline), to the main window
# (sidebar lists and status bar drawn) and to a populated Keys table, measured from process start by
# --smoke-test, for the plain jar, the app image without and with its AppCDS
# archive (through jpackage's native launcher bin/KeyDeck, and through bin/keydeck-start, which the
# Linux menu entry runs), and a bare one-label JavaFX window on the image's runtime
# (io.keydeck.bench.BareWindow).
# Prints the median of RUNS runs (default 5) per variant, interleaved so load drifts hit all alike.
#
#   mvn -o -Ppackage package -DskipTests && mvn -o -q test-compile && scripts/startup-benchmark.sh
#
# Runs itself under xvfb-run when there is no DISPLAY.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

runs="${RUNS:-5}"
image="$PWD/target/dist/KeyDeck"
app="$image/lib/app"
java_of_image="$image/lib/runtime/bin/java"
for needed in target/keydeck.jar "$app/keydeck.jsa" target/test-classes/io/keydeck/bench/BareWindow.class; do
  [ -e "$needed" ] || { echo "missing $needed: build first (see the comment at the top)" >&2; exit 1; }
done

# The same image minus its archive: the launcher then falls back to the runtime's default CDS.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -a "$image" "$work/KeyDeck"
rm "$work/KeyDeck/lib/app/keydeck.jsa"

# The launcher's own Java options (jpackage.cfg), so the bare window runs exactly like the image.
image_options="$(grep '^java-options=' "$app/KeyDeck.cfg" | cut -d= -f2- | grep -v SharedArchiveFile | tr '\n' ' ')"

variant_names=(bare-window bare-window-cds jar image image-cds image-cds-start)
run_variant() {
  # the clock starts here: Linux's own process start time is only accurate to the second
  export KEYDECK_LAUNCHED_AT_MS="$(date +%s%3N)"
  case "$1" in
    # one label, on the image's runtime and options; -cds adds the image's archive (its class path
    # is a prefix of this one, so the JVM uses it)
    bare-window) "$java_of_image" $image_options -cp "$app/keydeck.jar:target/test-classes" \
        io.keydeck.bench.BareWindow ;;
    bare-window-cds) "$java_of_image" $image_options -XX:SharedArchiveFile="$app/keydeck.jsa" \
        -cp "$app/keydeck.jar:target/test-classes" io.keydeck.bench.BareWindow ;;
    jar) java -jar target/keydeck.jar --smoke-test ;;
    image) "$work/KeyDeck/bin/KeyDeck" --smoke-test ;;
    image-cds) "$image/bin/KeyDeck" --smoke-test ;;
    image-cds-start) "$image/bin/keydeck-start" --smoke-test ;;
  esac
}

export -f run_variant
export app work image java_of_image image_options

# One untimed start each: fills the OS file cache and JavaFX's native-library cache in $HOME.
for name in "${variant_names[@]}"; do run_variant "$name" >/dev/null 2>&1; done

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
printf '%-16s %12s %12s %16s %8s   (medians of %d runs, ms from process start)\n' \
  variant "first frame" "main window" "table populated" "cpu" "$runs"
for name in "${variant_names[@]}"; do
  printf '%-16s %12s %12s %16s %8s\n' "$name" "$(median <<<"${frames[$name]}")" \
    "$(median <<<"${windows[$name]}")" "$(median <<<"${populated[$name]}")" "$(median <<<"${cpu[$name]}")"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
bare="$(median <<<"${frames[bare-window]}")"
for name in image-cds image-cds-start; do
  echo "$name / bare-window first frame: first frame $(ratio "$(median <<<"${frames[$name]}")" "$bare")x," \
    "main window $(ratio "$(median <<<"${windows[$name]}")" "$bare")x," \
    "table populated $(ratio "$(median <<<"${populated[$name]}")" "$bare")x"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
