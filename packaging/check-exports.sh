#!/usr/bin/env bash
# Exports every example design to Compose and Kubernetes with the command line, and checks the results with tools
# independent of Clusterdeck's own tests:
#   - Docker Compose v2 `config -q` on every Compose folder, with no variable set (the environment emptied), once
#     with the export's .env and once without it;
#   - the npm package kubernetes-models on every Kubernetes manifest.
# A `docker compose` that already works is used; otherwise Compose v2 is taken from Debian's docker-compose package
# (2.x, from the trixie suite) without installing it: apt-get downloads it under packaging/target/tools with its own
# package lists, leaving the system's apt sources alone.
#
# Usage: packaging/check-exports.sh [CLUSTERDECK_COMMAND]   (default: java -jar runtime/target/clusterdeck.jar)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/packaging/target/exports
tools=$root/packaging/target/tools
if [ $# -gt 0 ]; then read -r -a clusterdeck <<< "$1"; else clusterdeck=(java -jar "$root/runtime/target/clusterdeck.jar"); fi

compose_v2() {
    if docker compose version >/dev/null 2>&1; then
        echo "docker compose"
        return
    fi
    local plugin=$tools/compose/usr/libexec/docker/cli-plugins/docker-compose
    if [ ! -x "$plugin" ]; then
        local apt=$tools/apt
        mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/etc/preferences.d" "$apt/etc/apt.conf.d"
        echo "deb http://deb.debian.org/debian trixie main" > "$apt/sources.list"
        local options=(-o "Dir::Etc::sourcelist=$apt/sources.list" -o "Dir::Etc::sourceparts=-"
            -o "Dir::Etc::preferencesparts=$apt/etc/preferences.d" -o "Dir::State::lists=$apt/lists"
            -o "Dir::Cache=$apt/cache" -o "APT::Sandbox::User=root")
        apt-get "${options[@]}" -qq update >&2
        (cd "$apt" && apt-get "${options[@]}" -qq download docker-compose >&2)
        dpkg-deb -x "$apt"/docker-compose_*.deb "$tools/compose"
    fi
    echo "$plugin"
}

rm -rf "$out"
mkdir -p "$out" "$tools"
compose=$(compose_v2)
echo "Compose: $($compose version)"

designs=()
for design in "$root"/designs/*.json; do
    case $design in *.schema.json) continue ;; esac
    designs+=("$design")
done

kubernetes_folders=()
for design in "${designs[@]}"; do
    name=$(basename "$design" .json)
    "${clusterdeck[@]}" export "$design" --target compose --out "$out/compose/$name"
    "${clusterdeck[@]}" export "$design" --target kubernetes --out "$out/kubernetes/$name"
    kubernetes_folders+=("$out/kubernetes/$name")
    (cd "$out/compose/$name" && env -i PATH=/usr/bin:/bin HOME="$tools" $compose config -q)
    (cd "$out/compose/$name" && env -i PATH=/usr/bin:/bin HOME="$tools" $compose --env-file /dev/null config -q)
    echo "compose config -q: $name passes, with and without its .env"
done

if [ ! -d "$tools/node_modules/kubernetes-models" ]; then
    (cd "$tools" && npm install --no-audit --no-fund --silent kubernetes-models@5.1.0 yaml@2.9.1 >/dev/null)
fi
node "$root/packaging/test/validate-kubernetes.mjs" "$tools" "${kubernetes_folders[@]}"
echo "export checks passed: ${#designs[@]} designs"
