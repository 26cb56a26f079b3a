#!/usr/bin/env bash
# Loopback benchmark of the redirect hot path against nginx answering a fixed `return 302`.
# Bounded: every wrk run has a fixed duration; every process started here is stopped by PID on exit.
# Usage: redirect-service/bench/run.sh [duration-seconds]   (build first: mvn -q install -f redirect-service/pom.xml -DskipTests)
# BENCH_RESULTS=FILE writes the table elsewhere (bench/run.sh repeats this script); BENCH_READY_TIMEOUT bounds
# the wait for a redirect to load its links (a size that does not load in time is reported as failed).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
MODULE="$(dirname "$HERE")"
JAR="$MODULE/target/quarkus-app/quarkus-run.jar"
WORK="${BENCH_WORK:-/tmp/linkops-redirect-bench}"
DURATION="${1:-20}"
WARMUP="${BENCH_WARMUP:-10}"
THREADS="${BENCH_THREADS:-1}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
REDIRECT_PORT="${BENCH_REDIRECT_PORT:-18080}"
NGINX_PORT="${BENCH_NGINX_PORT:-18090}"
HEAP="${BENCH_HEAP:--Xmx1g}"
RESULTS="${BENCH_RESULTS:-$HERE/results.md}"
READY_TIMEOUT="${BENCH_READY_TIMEOUT:-600}"
SIZES="${BENCH_SIZES:-1000 1000000}"

command -v wrk >/dev/null && command -v nginx >/dev/null || apt-get install -y wrk nginx >/dev/null
[ -f "$JAR" ] || { echo "build the module first: $JAR is missing" >&2; exit 1; }
mkdir -p "$WORK"

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# wrk --latency output → "req/s p50 p99"
parse() {
  awk '/Requests\/sec/ {rps=$2}
       /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
       END {printf "%s %s %s\n", rps, p50, p99}' "$1"
}

run_wrk() { # url label links
  BENCH_LINKS="$3" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$HERE/codes.lua" "$1" >/dev/null
  BENCH_LINKS="$3" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$HERE/codes.lua" "$1" > "$WORK/$2.txt"
  parse "$WORK/$2.txt"
}

# DESIGN §7's "p99 at half of peak": wrk has no rate option, so each connection pauses 1 ms after every
# answer (codes.lua's delay hook) and the number of connections sets the offered rate. A 5 s calibration
# with peak/2000 connections tells the rate one connection reaches; the measured run scales to half of
# the peak from it. The table reports the rate actually reached next to its p99.
run_wrk_half() { # url label links peak-rps
  local conns rate
  conns=$(awk -v p="$4" 'BEGIN {c = int(p / 2000 + 0.5); if (c < 1) c = 1; print c}')
  BENCH_DELAY_MS=1 BENCH_LINKS="$3" wrk -t"$THREADS" -c"$conns" -d5s -s "$HERE/codes.lua" "$1" > "$WORK/$2-calibrate.txt"
  rate=$(awk '/Requests\/sec/ {print $2}' "$WORK/$2-calibrate.txt")
  conns=$(awk -v p="$4" -v r="$rate" -v c="$conns" 'BEGIN {n = (r > 0) ? int(c * p / 2 / r + 0.5) : c; if (n < 1) n = 1; if (n > 1000) n = 1000; print n}')
  BENCH_DELAY_MS=1 BENCH_LINKS="$3" wrk -t"$THREADS" -c"$conns" -d"${DURATION}s" --latency -s "$HERE/codes.lua" "$1" > "$WORK/$2-half.txt"
  echo "$(parse "$WORK/$2-half.txt") $conns"
}

# --- nginx: fixed return 302, one worker, no logging
mkdir -p "$WORK/nginx/logs"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { add_header Cache-Control no-store; return 302 https://shop.example.com/p/x; }
  }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!; PIDS+=("$NGINX_PID")
sleep 1
read -r NGINX_RPS NGINX_P50 NGINX_P99 < <(run_wrk "http://127.0.0.1:$NGINX_PORT" nginx 1000)
kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true
echo "nginx: $NGINX_RPS req/s p50 $NGINX_P50 p99 $NGINX_P99"

ROWS=()
for N in $SIZES; do
  SNAP="$WORK/snapshot-$N.json"
  [ -f "$SNAP" ] || python3 "$HERE/gen_snapshot.py" "$N" "$SNAP"
  rm -rf "$WORK/clicks-$N.journal"*   # the journal file and the click write-ahead log folder beside it
  # registry, availability and the broker are absent: the service starts from the snapshot file
  # (the bench mode) and discards clicks after the buffer + shipper, so only the redirect is measured
  QUARKUS_HTTP_PORT="$REDIRECT_PORT" \
  LINKOPS_REDIRECT_REGISTRY_URL="http://127.0.0.1:9" LINKOPS_REDIRECT_AVAILABILITY_URL="http://127.0.0.1:9" \
  LINKOPS_REDIRECT_SNAPSHOT_FILE="$SNAP" LINKOPS_REDIRECT_SNAPSHOT_WRITE_INTERVAL=PT0S \
  LINKOPS_REDIRECT_CLICKS_SINK=discard LINKOPS_REDIRECT_CLICKS_JOURNAL_FILE="$WORK/clicks-$N.journal" \
  AMQP_PORT=9 QUARKUS_LOG_LEVEL=WARN \
  java $HEAP -jar "$JAR" > "$WORK/redirect-$N.log" 2>&1 &
  PID=$!; PIDS+=("$PID")
  START=$(date +%s)
  FAILED=""
  until curl -sf "http://127.0.0.1:$REDIRECT_PORT/q/health/ready" >/dev/null; do
    sleep 1
    if ! kill -0 "$PID" 2>/dev/null; then
      FAILED="exited before it was ready: $(grep -m1 -o 'OutOfMemoryError[^"]*' "$WORK/redirect-$N.log" || tail -1 "$WORK/redirect-$N.log")"
    elif [ $(( $(date +%s) - START )) -gt "$READY_TIMEOUT" ]; then
      FAILED="not ready after ${READY_TIMEOUT}s (RSS $(( $(ps -o rss= -p "$PID") / 1024 )) MiB$(grep -q OutOfMemoryError "$WORK/redirect-$N.log" && echo ', OutOfMemoryError in its log'))"
    fi
    if [ -n "$FAILED" ]; then
      echo "redirect with $N links FAILED: $FAILED" >&2; tail -5 "$WORK/redirect-$N.log" >&2
      kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true
      ROWS+=("| redirect, $N links | FAILED | – | – | – | – | $(echo "$FAILED" | tr '|' '/') |")
      continue 2
    fi
  done
  READY_S=$(( $(date +%s) - START ))
  RSS_IDLE=$(( $(ps -o rss= -p "$PID") / 1024 ))
  curl -s -o /dev/null -w "%{http_code} %{redirect_url}\n" "http://127.0.0.1:$REDIRECT_PORT/b1?gclid=1"
  read -r RPS P50 P99 < <(run_wrk "http://127.0.0.1:$REDIRECT_PORT" "redirect-$N" "$N")
  RSS=$(( $(ps -o rss= -p "$PID") / 1024 ))
  read -r HALF_RPS HALF_P50 HALF_P99 HALF_CONNS < <(run_wrk_half "http://127.0.0.1:$REDIRECT_PORT" "redirect-$N" "$N" "$RPS")
  DROPS=$(curl -s "http://127.0.0.1:$REDIRECT_PORT/q/metrics" | awk '/^linkops_redirect_clicks_dropped_total/ {s+=$2} END {print s+0}')
  kill "$PID"; wait "$PID" 2>/dev/null || true
  RATIO=$(awk -v a="$RPS" -v b="$NGINX_RPS" 'BEGIN {printf "%.2f", a / b}')
  echo "redirect with $N links: $RPS req/s p50 $P50 p99 $P99 ratio $RATIO RSS ${RSS} MiB (idle ${RSS_IDLE} MiB, ready in ${READY_S}s, clicks dropped $DROPS); at half of peak: $HALF_RPS req/s p50 $HALF_P50 p99 $HALF_P99"
  ROWS+=("| redirect, $N links | $RPS | $P50 | $P99 | $RATIO | $RSS (idle $RSS_IDLE) | ready in ${READY_S}s; clicks dropped: $DROPS |")
  ROWS+=("| redirect, $N links, half of peak | $HALF_RPS | $HALF_P50 | $HALF_P99 | – | – | aimed at $(awk -v p="$RPS" 'BEGIN {printf "%.0f", p / 2}') req/s with $HALF_CONNS connections |")
done

{
  echo "# redirect-service benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB RAM;"
  echo "load average before/after: $(cut -d' ' -f1-3 /proc/loadavg) (other builds share the cores);"
  echo "$(java -version 2>&1 | head -1); $(nginx -v 2>&1); wrk -t$THREADS -c$CONNECTIONS, ${WARMUP}s warm-up + ${DURATION}s measured, loopback,"
  echo "random code among the loaded links with \`?gclid=…&fbclid=…\` to merge (same Lua script for nginx). Redirect JVM: $HEAP;"
  echo "clicks built, buffered and drained by the shipper, then discarded (no broker in the bench)."
  echo
  echo "| target | req/s | p50 | p99 | vs nginx | RSS MiB | notes |"
  echo "|---|---|---|---|---|---|---|"
  echo "| nginx \`return 302\` (1 worker) | $NGINX_RPS | $NGINX_P50 | $NGINX_P99 | 1.00 | – | |"
  for r in "${ROWS[@]}"; do echo "$r"; done
} > "$RESULTS"
cat "$RESULTS"
