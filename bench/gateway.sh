#!/usr/bin/env bash
# The gateway benchmark: Clusterdeck's gateway, and its proxy in front of it, against nginx and HAProxy in front of
# the same three worker processes, and against calling one worker directly (the ceiling).
#
#   bench/gateway.sh                 # 3 interleaved rounds of 5 s per cell, about 6 minutes
#   ROUNDS=1 SECONDS_PER_CELL=3 WARMUP_SECONDS=5 bench/gateway.sh    # a quick look
#
# It installs nginx, HAProxy and wrk from the distribution's packages when they are missing, builds the runtime's
# jar when it is missing, launches bench/gateway-bench.json on 127.0.0.1 in a folder of its own, and stops
# everything it started when it ends, however it ends. Results: a markdown table on stdout and in
# bench/results/gateway-<time>.md, raw figures beside it.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
SECONDS_PER_CELL=${SECONDS_PER_CELL:-5}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}   # per cell, for each Java target: until the JIT has settled
CONNECTIONS=${CONNECTIONS:-64}
PACED_CONNECTIONS=4
PACED_DELAY_MS=20   # 4 connections, each sending every 20 ms plus its latency: about 200 calls/s
NGINX_PORT=7990
HAPROXY_PORT=7991

root=$(cd "$(dirname "$0")/.." && pwd)
jar=$root/runtime/target/clusterdeck.jar
design=$root/bench/gateway-bench.json
results=${RESULTS:-$root/bench/results}
work=$(mktemp -d "${TMPDIR:-/tmp}/clusterdeck-bench.XXXXXX")
stamp=$(date -u +%Y%m%d-%H%M%S)
pids=()

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf '%s\n' "$*" >&2; }

cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_missing() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  export PATH=$PATH:/usr/sbin
}

clusterdeck() { java -Dclusterdeck.home="$work/home" -jar "$jar" "$@"; }

# utime + stime, in clock ticks, of the given processes and their children processes (nginx's workers).
cpu_ticks() {
  local total=0 pid child
  for pid in "$@"; do
    for child in $pid $(pgrep -P "$pid" 2>/dev/null || true); do
      if [ -r "/proc/$child/stat" ]; then
        total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$child/stat")))
      fi
    done
  done
  echo "$total"
}

write_lua() {
  cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
end
LUA
  sed 's/^done = /delay = function() return '"$PACED_DELAY_MS"' end\ndone = /' "$work/post.lua" >"$work/paced.lua"
}

launch_cluster() {
  say "Launching $(basename "$design")"
  java -Dclusterdeck.home="$work/home" -jar "$jar" launch "$design" >"$work/launch.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 600); do
    grep -q "processes ready" "$work/launch.log" && break
    kill -0 "${pids[0]}" 2>/dev/null || { cat "$work/launch.log" >&2; exit 1; }
    sleep 0.2
  done
  grep -q "processes ready" "$work/launch.log" || { say "the cluster did not start in 120 s"; exit 1; }
  clusterdeck status >"$work/status.txt"
  pid_of() { awk -v n="$1" '$1 == n { print $3 }' "$work/status.txt"; }
  url_of() { awk -v n="$1" '$1 == n { print $4 }' "$work/status.txt"; }
  gateway_pid=$(pid_of gateway); gateway_url=$(url_of gateway)
  proxy_pid=$(pid_of proxy); proxy_url=$(url_of proxy)
  worker_pids=(); worker_urls=()
  for n in 1 2 3; do worker_pids+=("$(pid_of worker-bench-$n)"); worker_urls+=("$(url_of worker-bench-$n)"); done
  token=$(clusterdeck token --member --lifetime 3600)
}

start_nginx() {
  mkdir -p "$work/nginx"
  {
    echo "worker_processes auto; daemon off; pid $work/nginx/nginx.pid; error_log $work/nginx/error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http {"
    echo "  access_log off;"
    for t in client_body proxy fastcgi uwsgi scgi; do echo "  ${t}_temp_path $work/nginx/$t;"; done
    echo "  upstream workers {"
    echo "    zone workers 64k;"
    for url in "${worker_urls[@]}"; do echo "    server ${url#http://} max_fails=1 fail_timeout=2s;"; done
    echo "    keepalive 64; keepalive_requests 100000;"
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$NGINX_PORT;"
    echo "    location / {"
    echo "      proxy_pass http://workers;"
    echo "      proxy_http_version 1.1;"
    echo "      proxy_set_header Connection \"\";"
    echo "      proxy_set_header Authorization \"Bearer $token\";"
    echo "      proxy_next_upstream error timeout non_idempotent;"
    echo "      proxy_next_upstream_tries 3;"
    echo "      proxy_connect_timeout 1s;"
    echo "    }"
    echo "  }"
    echo "}"
  } >"$work/nginx/nginx.conf"
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
  nginx_pid=$!
  pids+=("$nginx_pid")
}

start_haproxy() {
  {
    echo "global"
    echo "  maxconn 4096"
    echo "defaults"
    echo "  mode http"
    echo "  timeout connect 1s"
    echo "  timeout client 30s"
    echo "  timeout server 30s"
    echo "  option http-keep-alive"
    echo "  http-reuse always"
    echo "  retries 3"
    echo "  option redispatch"
    echo "  retry-on conn-failure empty-response response-timeout"
    echo "frontend entry"
    echo "  bind 127.0.0.1:$HAPROXY_PORT"
    echo "  default_backend workers"
    echo "backend workers"
    echo "  balance roundrobin"
    echo "  option httpchk GET /health"
    echo "  default-server check inter 500ms fall 2 rise 2"
    echo "  http-request set-header Authorization \"Bearer $token\""
    local n=1
    for url in "${worker_urls[@]}"; do echo "  server worker$n ${url#http://}"; n=$((n + 1)); done
  } >"$work/haproxy.cfg"
  haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
  haproxy_pid=$!
  pids+=("$haproxy_pid")
}

await_port() {
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  say "nothing listens on 127.0.0.1:$1"; exit 1
}

target_url() {
  case $1 in
    direct) echo "${worker_urls[0]}" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT" ;;
    haproxy) echo "http://127.0.0.1:$HAPROXY_PORT" ;;
    gateway) echo "$gateway_url" ;;
    proxy) echo "$proxy_url" ;;
  esac
}

balancer_pids() {
  case $1 in
    direct) echo "" ;;
    nginx) echo "$nginx_pid" ;;
    haproxy) echo "$haproxy_pid" ;;
    gateway) echo "$gateway_pid" ;;
    proxy) echo "$proxy_pid $gateway_pid" ;;
  esac
}

# One wrk run; appends "round target cell rps p50_us p99_us errors balancer_us_per_call workers_us_per_call".
run_cell() {
  local round=$1 target=$2 cell=$3 seconds=$4
  local url function script connections auth=()
  url=$(target_url "$target")
  case $cell in
    light) function=bench/light; script=post.lua; connections=$CONNECTIONS ;;
    heavy) function=bench/heavy; script=post.lua; connections=$CONNECTIONS ;;
    paced) function=bench/light; script=paced.lua; connections=$PACED_CONNECTIONS ;;
  esac
  [ "$target" = direct ] && auth=(-H "Authorization: Bearer $token")
  local balancer
  balancer=$(balancer_pids "$target")
  local b0 w0 b1 w1 line
  # shellcheck disable=SC2086
  b0=$(cpu_ticks $balancer); w0=$(cpu_ticks "${worker_pids[@]}")
  line=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 2s -s "$work/$script" "${auth[@]}" "$url/rpc/$function" \
    | awk '/^RESULT/ { print $2, $3, $4, $5, $6 }')
  # shellcheck disable=SC2086
  b1=$(cpu_ticks $balancer); w1=$(cpu_ticks "${worker_pids[@]}")
  [ -n "$round" ] || return 0
  echo "$round $target $cell $line $((b1 - b0)) $((w1 - w0))" | awk -v tck="$(getconf CLK_TCK)" '{
    requests = $4; duration = $5; rps = requests / (duration / 1e6)
    per = requests > 0 ? 1e6 / tck / requests : 0
    printf "%s %s %s %.0f %d %d %d %.1f %.1f\n", $1, $2, $3, rps, $6, $7, $8, $9 * per, $10 * per
  }' >>"$work/raw.txt"
}

report() {
  local out=$results/gateway-$stamp.md
  mkdir -p "$results"
  cp "$work/raw.txt" "$results/gateway-$stamp.raw.txt"
  awk -v rounds="$ROUNDS" -v seconds="$SECONDS_PER_CELL" -v conns="$CONNECTIONS" -v when="$(date -u '+%Y-%m-%d %H:%M UTC')" \
      -v machine="$(nproc) cores, $(awk '/model name/ { sub(/.*: /, ""); print; exit }' /proc/cpuinfo)" '
    function median(key,    n, i, j, t, v) {
      n = count[key]; if (n == 0) return -1
      for (i = 1; i <= n; i++) v[i] = vals[key, i]
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    function add(key, value) { count[key]++; vals[key, count[key]] = value }
    {
      add($2 SUBSEP $3 SUBSEP "rps", $4); add($2 SUBSEP $3 SUBSEP "p50", $5); add($2 SUBSEP $3 SUBSEP "p99", $6)
      add($2 SUBSEP $3 SUBSEP "errors", $7); add($2 SUBSEP $3 SUBSEP "cpu", $8); add($2 SUBSEP $3 SUBSEP "wcpu", $9)
    }
    function m(t, c, f) { return median(t SUBSEP c SUBSEP f) }
    function ms(us) { return sprintf("%.2f", us / 1000) }
    END {
      split("direct nginx haproxy gateway proxy", targets, " ")
      name["direct"] = "one worker direct"; name["nginx"] = "nginx"; name["haproxy"] = "HAProxy"
      name["gateway"] = "Clusterdeck gateway"; name["proxy"] = "Clusterdeck proxy -> gateway"
      printf "Gateway benchmark, %s, %s. Three workers of bench/gateway-bench.json; wrk -t2; medians of %d interleaved rounds of %d s.\n\n", when, machine, rounds, seconds
      printf "| | light @%d conns | heavy @%d | p50 / p99 light (ms) | balancer CPU per call | workers CPU per call | added p50 at 200 calls/s | errors |\n", conns, conns
      printf "|---|---|---|---|---|---|---|---|\n"
      nl = m("nginx", "light", "rps"); nh = m("nginx", "heavy", "rps"); base = m("direct", "paced", "p50")
      for (i = 1; i <= 5; i++) {
        t = targets[i]
        l = m(t, "light", "rps"); h = m(t, "heavy", "rps")
        cpu = t == "direct" ? "-" : sprintf("%.0f us", m(t, "light", "cpu"))
        added = t == "direct" ? "-" : sprintf("+%.2f ms", (m(t, "paced", "p50") - base) / 1000)
        errors = m(t, "light", "errors") + m(t, "heavy", "errors") + m(t, "paced", "errors")
        printf "| %s | %.1fk (%.2fx) | %.1fk (%.2fx) | %s / %s | %s | %.0f us | %s | %d |\n", name[t], l / 1000, l / nl, h / 1000, h / nh,
          ms(m(t, "light", "p50")), ms(m(t, "light", "p99")), cpu, m(t, "light", "wcpu"), added, errors
      }
    }' "$work/raw.txt" | tee "$out"
  say ""
  say "Written to $out"
}

install_missing
if [ ! -f "$jar" ]; then
  say "Building $jar"
  (cd "$root" && mvn -B -q package -DskipTests -pl runtime -am)
fi
write_lua
launch_cluster
start_nginx
start_haproxy
await_port "$NGINX_PORT"
await_port "$HAPROXY_PORT"
: >"$work/raw.txt"

targets=(direct nginx haproxy gateway proxy)
say "Warming up"
for target in direct gateway proxy; do
  run_cell "" "$target" light "$WARMUP_SECONDS"
  run_cell "" "$target" heavy "$WARMUP_SECONDS"
done
for round in $(seq "$ROUNDS"); do
  for cell in light heavy paced; do
    for target in "${targets[@]}"; do
      say "Round $round/$ROUNDS: $cell on $target"
      run_cell "$round" "$target" "$cell" "$SECONDS_PER_CELL"
    done
  done
done
report
