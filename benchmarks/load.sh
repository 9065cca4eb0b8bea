#!/usr/bin/env bash
# Load test: what the starter costs a real agent service under load.
#
# Runs the sample app (simulated LLM latency 0, no failures, no background traffic) on a free
# loopback port and drives POST /api/research with wrk for a fixed time, once with
# monitoring.enabled=false and once with the starter on, ROUNDS times in turns. Reports the
# throughput of each run, the ratio starter-on / starter-off (target >= 0.97), the p99 latency
# of both, and the CPU time the app spent per request (read from /proc), which shows the
# starter's cost even where the sample's simulated web searches, not the CPU, bound the
# throughput. Loopback only; every process it starts is stopped when it ends.
#
#   benchmarks/load.sh                      # 2 rounds of 30 s per mode, 8 connections
#   DURATION=60s ROUNDS=3 benchmarks/load.sh
#
# Settings (environment): DURATION (30s) measured time per run, WARMUP (30s) unmeasured load
# before it, CONNECTIONS (8), WRK_THREADS (1), ROUNDS (2), REBUILD (0; 1 rebuilds the sample jar),
# JAVA_OPTS (-Xms512m -Xmx512m).
set -euo pipefail

cd "$(dirname "$0")/.."

DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-8}
WRK_THREADS=${WRK_THREADS:-1}
ROUNDS=${ROUNDS:-2}
REBUILD=${REBUILD:-0}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
JAR=sample-app/target/sample-app-0.1.0-SNAPSHOT.jar
START_TIMEOUT=120

work=$(mktemp -d -t agentobs-load.XXXXXX)
app_pid=""
wrk_pid=""

stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$app_pid" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}

cleanup() {
  if [ -n "$wrk_pid" ]; then
    kill "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" 2>/dev/null || true
  fi
  stop_app
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found: installing Debian's package" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
  else
    echo "Install wrk (apt-get install wrk) and run again" >&2
    exit 1
  fi
fi

if [ "$REBUILD" = "1" ] || [ ! -f "$JAR" ]; then
  echo "Building $JAR" >&2
  ./mvnw -q -pl sample-app -am -DskipTests package
fi

cat > "$work/research.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"question": "What is the vector database market worth, and what is (1200 - 300) * 4?"}'
LUA

# Starts the app with the starter on or off; sets app_pid and port.
start_app() {
  local monitoring=$1 log=$2
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  java $JAVA_OPTS -jar "$JAR" \
    --server.address=127.0.0.1 --server.port=0 \
    --sample.llm.latency=0ms --sample.llm.failure-rate=0 --sample.traffic.rate=0 \
    --monitoring.enabled="$monitoring" >"$log" 2>&1 &
  app_pid=$!
  port=""
  for _ in $(seq 1 "$START_TIMEOUT"); do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      echo "The sample app stopped while starting; its log:" >&2
      tail -50 "$log" >&2
      exit 1
    fi
    port=$(grep -oE 'started on port [0-9]+' "$log" | head -1 | grep -oE '[0-9]+$' || true)
    [ -n "$port" ] && break
    sleep 1
  done
  if [ -z "$port" ]; then
    echo "The sample app did not start within ${START_TIMEOUT}s; its log:" >&2
    tail -50 "$log" >&2
    exit 1
  fi
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
    -d '{"question": "What is (1200 - 300) * 4?"}' "http://127.0.0.1:$port/api/research" || true)
  if [ "$status" != "200" ]; then
    echo "POST /api/research answered $status on port $port; the app's log:" >&2
    tail -50 "$log" >&2
    exit 1
  fi
}

# Runs wrk in the background and waits for it, so that a signal stops the script at once
run_wrk() {
  wrk "$@" &
  wrk_pid=$!
  wait "$wrk_pid"
  wrk_pid=""
}

# CPU time the app has used, in clock ticks (user + system, all its threads)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }

# One measured run; sets rps, p99 (ms) and cpu (ms per request). Runs in this shell, not a
# subshell, so that a failure stops the script and the trap stops the app it started.
measure() {
  local monitoring=$1 round=$2
  local log="$work/app-$monitoring-$round.log" out="$work/wrk-$monitoring-$round.txt"
  start_app "$monitoring" "$log"
  run_wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$work/research.lua" \
    "http://127.0.0.1:$port/api/research" >/dev/null
  local ticks_before ticks_after
  ticks_before=$(cpu_ticks)
  run_wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/research.lua" \
    "http://127.0.0.1:$port/api/research" >"$out"
  ticks_after=$(cpu_ticks)
  stop_app
  if grep -q 'Non-2xx' "$out"; then
    echo "Some requests failed (monitoring.enabled=$monitoring):" >&2
    cat "$out" >&2
    exit 1
  fi
  local requests
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }
    printf "%.2f", v }' "$out")
  requests=$(awk '/requests in/ { print $1 }' "$out")
  cpu=$(awk -v t="$((ticks_after - ticks_before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "%.2f", t * 1000 / hz / n }')
}

echo "Load: POST /api/research, $CONNECTIONS connections, $WRK_THREADS wrk thread(s), ${WARMUP} warm-up + ${DURATION} measured per run, $ROUNDS round(s)"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-10s %12s %10s %16s\n' round monitoring 'requests/s' 'p99 ms' 'CPU ms/request'
rps="" p99="" cpu=""
off_rps=() on_rps=() off_p99=() on_p99=() off_cpu=() on_cpu=()
for round in $(seq 1 "$ROUNDS"); do
  for monitoring in false true; do
    measure "$monitoring" "$round"
    printf '%-6s %-10s %12s %10s %16s\n' "$round" "$monitoring" "$rps" "$p99" "$cpu"
    if [ "$monitoring" = "false" ]; then
      off_rps+=("$rps"); off_p99+=("$p99"); off_cpu+=("$cpu")
    else
      on_rps+=("$rps"); on_p99+=("$p99"); on_cpu+=("$cpu")
    fi
  done
done

# Medians over the rounds (the mean of the middle two for an even count)
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
off=$(median "${off_rps[@]}") on=$(median "${on_rps[@]}")
off99=$(median "${off_p99[@]}") on99=$(median "${on_p99[@]}")
offcpu=$(median "${off_cpu[@]}") oncpu=$(median "${on_cpu[@]}")
ratio=$(awk -v on="$on" -v off="$off" 'BEGIN { printf "%.3f", on / off }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.97) ? "meets" : "misses" }')
echo
echo "Median throughput: starter off $off requests/s, starter on $on requests/s"
echo "Median p99 latency: starter off $off99 ms, starter on $on99 ms"
echo "Median CPU time of the app per request: starter off $offcpu ms, starter on $oncpu ms"
echo "Throughput ratio (on / off): $ratio ($verdict the target >= 0.97)"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
