#!/bin/sh
# Adds the classes the command line loads to the app image's class list (packaging/jpackage.xml, step 3),
# so the CDS archive made from that list serves `keydeck keys list`, `report` and `--json` too, not
# only the window: the image's own launcher runs them once against the image's sandbox.
#   train-cli.sh IMAGE CLASSLIST     (IMAGE: target/dist/KeyDeck; CLASSLIST: the window's list, extended)
set -eu
image=$1
list=$2
work=$(mktemp -d)
sandbox=
cleanup() {
    [ -z "$sandbox" ] || kill "$sandbox" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
# Never the real home: settings, journal and logs of these runs go to the scratch folder.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
       XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
JAVA_TOOL_OPTIONS="-Duser.home=$work" "$image/bin/keydeck-start" sandbox --port 0 --keys 20 >"$work/sandbox" 2>&1 &
sandbox=$!
for _ in $(seq 150); do grep -q 'Admin token:' "$work/sandbox" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^ *Base URL: *//p' "$work/sandbox")
KD_TOKEN=$(sed -n 's/^ *Admin token: *//p' "$work/sandbox")
rm -f "$work/sandbox"
[ -n "$KD_TOKEN" ] || { echo "train-cli.sh: the image's sandbox did not start" >&2; exit 1; }
export KD_TOKEN
n=0
for command in "keys list" "keys list --json" "report --json --out -"; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # each command is words
    JAVA_TOOL_OPTIONS="-Duser.home=$work -Dkeydeck.vault=session -XX:DumpLoadedClassList=$work/cli-$n.classlist" \
        "$image/bin/keydeck-start" $command --driver multiroute --base-url "$url" --token-env KD_TOKEN \
        >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
done
# and the whole command tree (a run of one command builds only that one), as help and the other commands use it
JAVA_TOOL_OPTIONS="-Duser.home=$work -Dkeydeck.vault=session -XX:DumpLoadedClassList=$work/cli-help.classlist" \
    "$image/bin/keydeck-start" --help >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
cat "$list" "$work"/cli-*.classlist | awk '!seen[$0]++' >"$work/all.classlist"
mv "$work/all.classlist" "$list"
