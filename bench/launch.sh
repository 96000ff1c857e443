#!/usr/bin/env bash
# The launch benchmark: how soon a launched design is healthy, what its processes cost in memory and in idle CPU,
# and how its first seconds of traffic compare with the following ones.
#
#   bench/launch.sh                    # webshop and big: one cold launch and 3 warm ones each, about 15 minutes
#   RUNS=1 DESIGNS=webshop SETTLE_SECONDS=0 bench/launch.sh    # a quick look
#
# A cold launch has no class-data archive yet (a fresh home folder); warm launches reuse the archive the cold one
# made. Each warm launch is measured: seconds from the command until every worker is healthy (the launcher's own
# figure), memory per role after 10 s of quiet (medians; resident set and proportional share) and in all, CPU of the
# quiet cluster over 10 s (the scheduler's count), and p99 latency of the first 2 s of 50 calls/s started as soon as
# it is healthy against the p99 of the next 10 s. The last warm launch of a design is also measured quiet once it
# has settled, SETTLE_SECONDS after it was healthy.
# Everything binds to 127.0.0.1; every process started is stopped at the end, however the script ends.
set -euo pipefail

RUNS=${RUNS:-3}
DESIGNS=${DESIGNS:-"webshop big"}
QUIET_SECONDS=10
SETTLE_SECONDS=${SETTLE_SECONDS:-150}   # the last warm launch of each design is measured quiet again this long after ready

root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/runtime/target/clusterdeck.jar
results=${RESULTS:-$root/bench/results}
work=$(mktemp -d "${TMPDIR:-/tmp}/clusterdeck-launch.XXXXXX")
stamp=$(date -u +%Y%m%d-%H%M%S)
launcher=""

say() { printf '%s\n' "$*" >&2; }

stop_launcher() {
  if [ -n "$launcher" ] && kill -0 "$launcher" 2>/dev/null; then
    kill -TERM "$launcher" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$launcher" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$launcher" 2>/dev/null || true
  fi
  launcher=""
}
trap 'stop_launcher; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

if [ ! -f "$jar" ]; then
  say "Building $jar"
  (cd "$root" && mvn -B -q package -DskipTests -pl runtime -am)
fi

# Starts a launch with the given home; sets $launcher and $log; waits until it is healthy (or fails).
launch() {
  local home=$1 design=$2
  log=$work/launch-$RANDOM.log
  java -Dclusterdeck.home="$home" -jar "$jar" launch "$design" >"$log" 2>&1 &
  launcher=$!
  for _ in $(seq 1200); do
    grep -q "every worker healthy" "$log" && return 0
    kill -0 "$launcher" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  say "the launch did not get healthy in 120 s"; exit 1
}

seconds_to_healthy() { sed -n 's/.*every worker healthy \([0-9.]*\) s after the command.*/\1/p' "$log"; }

# name pid role of every cluster process of the running launch
processes() {
  java -Dclusterdeck.home="$1" -jar "$jar" status 2>/dev/null | awk 'NR > 1 && $3 ~ /^[0-9]+$/ {
    role = $1 ~ /^worker-/ ? "worker" : $1; print $1, $3, role }'
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# The process's proportional share of its resident pages: pages it shares with other processes (the JVM's code,
# libraries) divided among them, so that the shares of a cluster add up to the memory it takes.
pss_kb() { awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
# Nanoseconds on a CPU, every thread of the given processes (the scheduler's count: exact, where clock ticks are not
# for threads that wake briefly on a timer).
cpu_ns() {
  local total=0 pid task
  for pid in "$@"; do
    for task in /proc/"$pid"/task/*/schedstat; do
      total=$((total + $(awk '{ print $1 }' "$task" 2>/dev/null || echo 0)))
    done
  done
  echo "$total"
}
# Percent of one core the given processes used over QUIET_SECONDS.
quiet_cpu() {
  local before after
  before=$(cpu_ns "$@")
  sleep "$QUIET_SECONDS"
  after=$(cpu_ns "$@")
  echo "scale=2; ($after - $before) / 10000000 / $QUIET_SECONDS" | bc
}

# p99 in ms from a load run's summary line
p99() { sed -n 's/^Latency ms: .* p99 \([0-9.]*\) .*/\1/p' "$1"; }

measure() {
  local name=$1 design=$2 home=$3 kind=$4 round=$5 settle=${6:-0}
  launch "$home" "$design"
  local healthy entry ready
  ready=$(date +%s)
  healthy=$(seconds_to_healthy)
  entry=$(sed -n 's/^Entry: //p' "$log")
  java -jar "$jar" load "$entry" --design "$design" -r 50 -t 2 >"$work/first.txt" 2>&1 || true
  java -jar "$jar" load "$entry" --design "$design" -r 50 -t 10 >"$work/next.txt" 2>&1 || true
  sleep "$QUIET_SECONDS"
  processes "$home" >"$work/processes.txt"
  local pids
  pids=$(awk '{ print $2 }' "$work/processes.txt")
  # shellcheck disable=SC2086
  echo "$name $kind $round idle - $(quiet_cpu $pids)" >>"$work/raw.txt"
  while read -r process pid role; do
    echo "$name $kind $round rss $role $(rss_kb "$pid")"
    echo "$name $kind $round pss $role $(pss_kb "$pid")"
  done <"$work/processes.txt" >>"$work/raw.txt"
  # The command and the lean JVM it runs the launch in (LauncherJvm).
  local launcher_kb=0 pid
  for pid in "$launcher" $(pgrep -P "$launcher" 2>/dev/null); do launcher_kb=$((launcher_kb + $(rss_kb "$pid"))); done
  echo "$name $kind $round rss launcher $launcher_kb" >>"$work/raw.txt"
  echo "$name $kind $round healthy - $healthy" >>"$work/raw.txt"
  echo "$name $kind $round first - $(p99 "$work/first.txt")" >>"$work/raw.txt"
  echo "$name $kind $round next - $(p99 "$work/next.txt")" >>"$work/raw.txt"
  if [ "$settle" -gt 0 ]; then
    # Quiet once the JIT compilers are done with what the health checks run (they compile code after it ran a few
    # hundred times, and two checks a second take a minute or two to get there).
    local left=$((ready + settle - $(date +%s)))
    [ "$left" -gt 0 ] && sleep "$left"
    # shellcheck disable=SC2086
    echo "$name $kind $round settled - $(quiet_cpu $pids)" >>"$work/raw.txt"
  fi
  # A cold launch makes the class-data archive (a part per role, and the launcher's) once its cluster is up, and
  # stopping the launch stops that: wait for every part before the warm launches.
  if [ "$kind" = cold ]; then
    for _ in $(seq 600); do [ "$(ls "$home"/cds/*.jsa 2>/dev/null | wc -l)" -ge 5 ] && break; sleep 0.2; done
  fi
  stop_launcher
}

: >"$work/raw.txt"
for name in $DESIGNS; do
  design=$root/designs/$name.json
  home=$work/home-$name
  say "$name: cold launch"
  measure "$name" "$design" "$home" cold 1
  for round in $(seq "$RUNS"); do
    say "$name: warm launch $round/$RUNS"
    settle=0
    [ "$round" -eq "$RUNS" ] && settle=$SETTLE_SECONDS
    measure "$name" "$design" "$home" warm "$round" "$settle"
  done
done

mkdir -p "$results"
out=$results/launch-$stamp.md
cp "$work/raw.txt" "$results/launch-$stamp.raw.txt"
awk -v when="$(date -u '+%Y-%m-%d %H:%M UTC')" -v machine="$(nproc) cores, $(awk '/model name/ { sub(/.*: /, ""); print; exit }' /proc/cpuinfo)" '
  function median(key,    n, i, j, t, v) {
    n = count[key]; if (n == 0) return -1
    for (i = 1; i <= n; i++) v[i] = vals[key, i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  function add(key, value) { count[key]++; vals[key, count[key]] = value }
  {
    name = $1; kind = $2; round = $3; what = $4; role = $5; value = $6
    names[name] = 1
    if (what == "rss" || what == "pss") {
      add(name SUBSEP kind SUBSEP what SUBSEP role, value)
      if (role != "launcher") total[name, kind, round, what] += value
    } else {
      add(name SUBSEP kind SUBSEP what, value)
    }
  }
  function mb(key) { return median(key) / 1024 }
  function percent(key) { return median(key) < 0 ? "-" : sprintf("%.1f%%", median(key)) }
  END {
    for (key in total) { split(key, k, SUBSEP); add(k[1] SUBSEP k[2] SUBSEP "total-" k[4], total[key]) }
    printf "Launch benchmark, %s, %s. Medians of the warm launches; the cold one had no class-data archive.\n", when, machine
    printf "Memory as RSS / PSS (a process'"'"'s share of resident pages, shared ones divided among the processes mapping them).\n\n"
    printf "| design | healthy after the command (warm / cold) | per worker | gateway | proxy | repository | all services | launcher (RSS) | quiet CPU (first minute / settled) | p99 first 2 s / next 10 s |\n"
    printf "|---|---|---|---|---|---|---|---|---|---|\n"
    for (name in names) {
      w = name SUBSEP "warm"
      printf "| %s | %.1f s / %.1f s | %d / %d MB | %d / %d MB | %d / %d MB | %d / %d MB | %d / %d MB | %d MB | %s / %s of a core | %.1f ms / %.1f ms (%.1fx) |\n",
        name, median(w SUBSEP "healthy"), median(name SUBSEP "cold" SUBSEP "healthy"),
        mb(w SUBSEP "rss" SUBSEP "worker"), mb(w SUBSEP "pss" SUBSEP "worker"),
        mb(w SUBSEP "rss" SUBSEP "gateway"), mb(w SUBSEP "pss" SUBSEP "gateway"),
        mb(w SUBSEP "rss" SUBSEP "proxy"), mb(w SUBSEP "pss" SUBSEP "proxy"),
        mb(w SUBSEP "rss" SUBSEP "repository"), mb(w SUBSEP "pss" SUBSEP "repository"),
        mb(w SUBSEP "total-rss"), mb(w SUBSEP "total-pss"), mb(w SUBSEP "rss" SUBSEP "launcher"),
        percent(w SUBSEP "idle"), percent(w SUBSEP "settled"),
        median(w SUBSEP "first"), median(w SUBSEP "next"), median(w SUBSEP "first") / (median(w SUBSEP "next") > 0 ? median(w SUBSEP "next") : 1)
    }
  }' "$work/raw.txt" | tee "$out"
say ""
say "Written to $out"
