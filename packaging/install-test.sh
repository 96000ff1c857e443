#!/usr/bin/env bash
# The install test: installs the .deb, then, from the installed files only, runs the command line (--help,
# validate, launch hello.json and call its function) and opens the desktop app on a virtual display long enough to
# take a screenshot; then removes the package again.
#
# Usage: packaging/install-test.sh [PACKAGE.deb]   (default: the one packaging/build-installers.sh built)
# Runs as root or with sudo; needs apt-get, xvfb-run, xwininfo, curl, and javac to compile the screenshot tool, which
# then runs on the installed runtime (a headless JDK could not take a screenshot).
# The screenshot is kept at packaging/target/install-test/clusterdeck-gui.png.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
deb=${1:-$(ls "$root"/packaging/target/clusterdeck_*_amd64.deb | head -1)}
work=$root/packaging/target/install-test
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
fail() { echo "install test FAILED: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work/home" "$work/decoy" "$work/tool"
javac -d "$work/tool" "$root/packaging/test/Screenshot.java"
# A java on the PATH that must never run: the installed commands bring their own runtime.
cat > "$work/decoy/java" <<DECOY
#!/bin/sh
echo "a java from the PATH was run: \$*" >> "$work/decoy-used"
exit 97
DECOY
chmod +x "$work/decoy/java"

launch_pid=
cleanup() {
    if [ -n "$launch_pid" ] && kill -0 "$launch_pid" 2>/dev/null; then kill -TERM "$launch_pid"; wait "$launch_pid" || true; fi
    if dpkg -s clusterdeck >/dev/null 2>&1; then as_root apt-get remove -y -qq --purge clusterdeck >/dev/null || true; fi
}
trap cleanup EXIT

echo "== Installing $deb"
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$(realpath "$deb")" >/dev/null
[ "$(command -v clusterdeck)" = /usr/bin/clusterdeck ] || fail "clusterdeck is not on the PATH"
[ -x /opt/clusterdeck/lib/runtime/bin/java ] || fail "the installed runtime has no java launcher"
[ -f /usr/share/applications/clusterdeck-Clusterdeck.desktop ] || fail "no desktop entry"

# From here on: the installed files, a private home (the JVMs' user.home too, for run folders and caches), and the
# decoy first on the PATH.
export HOME=$work/home PATH=$work/decoy:/usr/bin:/bin JAVA_TOOL_OPTIONS="-Duser.home=$work/home"

echo "== clusterdeck --help"
clusterdeck --help > "$work/help.txt"
grep -q "validate" "$work/help.txt" || fail "--help lists no validate command"

echo "== clusterdeck validate"
clusterdeck validate "$root"/designs/hello.json "$root"/designs/webshop.json "$root"/designs/failover-lab.json

echo "== clusterdeck launch designs/hello.json"
clusterdeck launch "$root/designs/hello.json" > "$work/launch.log" 2>&1 &
launch_pid=$!
for _ in $(seq 1 120); do
    grep -q "processes ready" "$work/launch.log" && break
    kill -0 "$launch_pid" 2>/dev/null || { cat "$work/launch.log"; fail "launch exited"; }
    sleep 0.5
done
grep -q "processes ready" "$work/launch.log" || { cat "$work/launch.log"; fail "hello.json was not ready in 60 s"; }
entry=$(sed -n 's/^Entry: //p' "$work/launch.log")
answer=$(curl -fsS -X POST -H 'Content-Type: application/json' -d '{}' "$entry/rpc/greeting/hello")
echo "greeting/hello answered: $answer"
# The launch runs in a lean JVM of its own, and the standalone service under it, both on the installed runtime and jar.
lean=$(pgrep -P "$launch_pid" -f "io.clusterdeck.cli.Main launch") || fail "the launch runs in no JVM of its own"
child=$(pgrep -P "$lean" -f "io.clusterdeck.cli.ServiceRunner standalone") || fail "no standalone process"
for pid in "$lean" "$child"; do
    tr '\0' ' ' < "/proc/$pid/cmdline" > "$work/child-command.txt"
    grep -q "^/opt/clusterdeck/lib/runtime/bin/java .*-cp /opt/clusterdeck/lib/app/clusterdeck.jar " \
        "$work/child-command.txt" || fail "process $pid runs $(cat "$work/child-command.txt")"
done
kill -TERM "$launch_pid"; wait "$launch_pid" || true; launch_pid=
for pid in "$lean" "$child"; do
    ! kill -0 "$pid" 2>/dev/null || fail "the launch left its process $pid running"
done

echo "== The desktop app on a virtual display"
xvfb-run -a -s "-screen 0 1920x1080x24" bash -c '
    set -e
    /opt/clusterdeck/bin/Clusterdeck "$1/designs/webshop.json" > "$2/gui.log" 2>&1 &
    app=$!
    for _ in $(seq 1 120); do
        xwininfo -root -tree | grep -qi "clusterdeck" && break
        kill -0 $app 2>/dev/null || { cat "$2/gui.log"; exit 1; }
        sleep 0.5
    done
    xwininfo -root -tree | grep -qi "clusterdeck" || { cat "$2/gui.log"; echo "no window in 60 s"; exit 1; }
    /opt/clusterdeck/lib/runtime/bin/java -cp "$2/tool" Screenshot "$2/clusterdeck-gui.png" 90
    kill $app; wait $app || true
' gui-test "$root" "$work" || fail "the desktop app did not show its window"
[ -s "$work/clusterdeck-gui.png" ] || fail "no screenshot"
echo "screenshot: $work/clusterdeck-gui.png"

[ -e "$work/decoy-used" ] && fail "$(cat "$work/decoy-used")"

echo "== Removing the package"
as_root apt-get remove -y -qq --purge clusterdeck >/dev/null
[ ! -e /usr/bin/clusterdeck ] || fail "/usr/bin/clusterdeck is left after removal"
[ ! -e /opt/clusterdeck ] || fail "/opt/clusterdeck is left after removal"
[ ! -e /usr/share/applications/clusterdeck-Clusterdeck.desktop ] || fail "the desktop entry is left after removal"
echo "install test passed"
