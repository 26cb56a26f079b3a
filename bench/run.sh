#!/usr/bin/env bash
# All LinkOps benchmarks in one go (issue 9), loopback only, every loop bounded in count and time:
#   1. redirect vs nginx `return 302`, 1k and 1M links (redirect-service/bench/run.sh, repeated; medians)
#   2. propagation: availability feed crossing a threshold → redirect routes by it (full suite)
#   3. click pipeline: N redirects → counted by the reporting-service's report (full suite)
#   4. report API latency over 10M bulk-loaded clicks (full suite)
# Writes bench/results/YYYY-MM-DD-HHMM.md (UTC) and adds a line to bench/results/README.md.
# Knobs (environment) are listed in bench/README.md; BENCH_QUICK=1 gives a short run for development.
# Build first (one module at a time is fine): mvn -q install -DskipTests
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HERE="$ROOT/bench"
QUICK="${BENCH_QUICK:-0}"
if [ "$QUICK" = 1 ]; then MODE=quick; else MODE=full; fi
q() { if [ "$QUICK" = 1 ]; then echo "$1"; else echo "$2"; fi; }   # q QUICK_VALUE FULL_VALUE

PARTS="${BENCH_PARTS:-redirect,suite}"
[ "$PARTS" = "redirect,suite" ] || MODE="$MODE, parts $PARTS"
REPEATS="${BENCH_REPEATS:-$(q 1 3)}"
DURATION="${BENCH_DURATION:-$(q 3 20)}"
export BENCH_WARMUP="${BENCH_WARMUP:-$(q 2 10)}"
export BENCH_SIZES="${BENCH_SIZES:-$(q "1000 100000" "1000 1000000")}"
export BENCH_READY_TIMEOUT="${BENCH_READY_TIMEOUT:-$(q 120 600)}"
export BENCH_PROPAGATION_UPDATES="${BENCH_PROPAGATION_UPDATES:-$(q 20 200)}"
export BENCH_PIPELINE_CLICKS="${BENCH_PIPELINE_CLICKS:-$(q 2000 20000)}"
export BENCH_PIPELINE_REPEATS="${BENCH_PIPELINE_REPEATS:-$(q 1 3)}"
export BENCH_REPORT_CLICKS="${BENCH_REPORT_CLICKS:-$(q 100000 10000000)}"
export BENCH_REPORT_CALLS="${BENCH_REPORT_CALLS:-$(q 5 20)}"
export BENCH_LOAD_MAX_MINUTES="${BENCH_LOAD_MAX_MINUTES:-60}"
SUITE_TIMEOUT_MIN="${BENCH_SUITE_TIMEOUT_MINUTES:-$(q 40 180)}"
WORK="${BENCH_WORK:-/tmp/linkops-bench}"
export BENCH_SUITE_DATA="${BENCH_SUITE_DATA:-$WORK/suite-data}"

STAMP="$(date -u +%Y-%m-%d-%H%M)"
RESULTS_DIR="$HERE/results"
OUT="$RESULTS_DIR/$STAMP.md"
mkdir -p "$RESULTS_DIR" "$WORK"
rm -f "$WORK"/redirect-run-*.md "$WORK/suite.md" "$WORK/summary.txt"

command -v wrk >/dev/null && command -v nginx >/dev/null || apt-get install -y wrk nginx >/dev/null
for m in redirect-service link-registry-service availability-service alerting-service reporting-service; do
  [ -f "$ROOT/$m/target/quarkus-app/quarkus-run.jar" ] || { echo "$m is not built: mvn -q install -DskipTests" >&2; exit 1; }
done
INFRA_JAR="$(ls "$ROOT"/infra/target/infra-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -n 1 || true)"
[ -n "$INFRA_JAR" ] || { echo "infra is not built: mvn -q install -pl infra -DskipTests" >&2; exit 1; }

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]; then COMMIT="$COMMIT+uncommitted"; fi
T0=$(date +%s)
echo "LinkOps bench ($MODE) → $OUT (work files in $WORK)"

# ------------------------------------------------------------------ 1. redirect vs nginx
REDIRECT_MD="$WORK/redirect.md"
: > "$REDIRECT_MD"
if [[ ",$PARTS," == *",redirect,"* ]]; then
  sizes=($BENCH_SIZES)
  # wrk runs, link loading (bounded by BENCH_READY_TIMEOUT) and snapshot generation, with slack
  bound=$(( (BENCH_WARMUP + DURATION + 5) * (${#sizes[@]} + 1) + (BENCH_READY_TIMEOUT + 30) * ${#sizes[@]} + 600 ))
  for i in $(seq 1 "$REPEATS"); do
    echo "--- redirect vs nginx, run $i of $REPEATS (bounded at ${bound}s)"
    BENCH_RESULTS="$WORK/redirect-run-$i.md" BENCH_WORK="$WORK/redirect" \
      timeout -k 30 "$bound" "$ROOT/redirect-service/bench/run.sh" "$DURATION" > "$WORK/redirect-run-$i.log" 2>&1 \
      || echo "redirect run $i ended with status $? (see $WORK/redirect-run-$i.log)"
    grep -E '^(nginx|redirect)' "$WORK/redirect-run-$i.log" || true
  done
  python3 "$HERE/summarize_redirect.py" "$WORK/summary.txt" "$REPEATS" $(seq -f "$WORK/redirect-run-%g.md" 1 "$REPEATS") > "$REDIRECT_MD" \
    || echo "**The redirect results could not be summarised** (see $WORK)." > "$REDIRECT_MD"
fi

# ------------------------------------------------------------------ 2-4. the full suite
SUITE_MD="$WORK/suite.md"
if [[ ",$PARTS," == *",suite,"* ]]; then
  echo "--- full suite: propagation, click pipeline, reports over $BENCH_REPORT_CLICKS clicks (bounded at ${SUITE_TIMEOUT_MIN} min; log $WORK/suite.log)"
  timeout -k 60 "$(( SUITE_TIMEOUT_MIN * 60 ))" \
    java -Dlinkops.root="$ROOT" -cp "$INFRA_JAR:$ROOT/infra/target/lib/*" dev.linkops.infra.bench.SuiteBench "$SUITE_MD" "$WORK/summary.txt" \
    > "$WORK/suite.log" 2>&1 || echo "the suite bench ended with status $? (see $WORK/suite.log)"
  grep -a '\[bench\]' "$WORK/suite.log" | grep -v ': start$' || true
  [ -s "$SUITE_MD" ] || echo "**The suite bench wrote no results**: see the tail of its log below." > "$SUITE_MD"
  if ! grep -q '^### ' "$SUITE_MD"; then
    { echo; echo '```'; tail -n 30 "$WORK/suite.log"; echo '```'; } >> "$SUITE_MD"
  fi
else
  : > "$SUITE_MD"
fi

# ------------------------------------------------------------------ the dated results file
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
MINUTES=$(( ($(date +%s) - T0 + 59) / 60 ))
{
  echo "# LinkOps benchmarks — $STAMP UTC ($MODE run)"
  echo
  if [ "$QUICK" = 1 ]; then
    echo "**Quick run** (BENCH_QUICK=1): short durations and small volumes for checking the bench itself; the"
    echo "figures are not evidence for DESIGN §7."
    echo
  fi
  echo "## Machine"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| cores | $(nproc) |"
  echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
  echo "| RAM | $(free -g | awk '/Mem:/ {print $2}') GiB |"
  echo "| kernel | $(uname -sr) |"
  echo "| JDK (services, bench) | $(java -version 2>&1 | head -n 1) |"
  echo "| nginx | $(nginx -v 2>&1 | sed 's/^nginx version: //') |"
  echo "| wrk | $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2) |"
  echo "| load average before / after | $LOAD_BEFORE / $LOAD_AFTER |"
  echo "| commit | $COMMIT |"
  echo "| duration | $MINUTES min |"
  echo
  echo "Settings: repeats $REPEATS, wrk ${BENCH_WARMUP}s warm-up + ${DURATION}s, sizes $BENCH_SIZES, ready timeout"
  echo "${BENCH_READY_TIMEOUT}s; propagation updates $BENCH_PROPAGATION_UPDATES × ${BENCH_PROPAGATION_REPLICAS:-2} replicas; pipeline $BENCH_PIPELINE_CLICKS clicks ×"
  echo "$BENCH_PIPELINE_REPEATS; report volume $BENCH_REPORT_CLICKS clicks, $BENCH_REPORT_CALLS calls per report."
  echo "Everything runs on this machine over loopback; the load generators share the cores with what they measure."
  echo
  if [ -s "$REDIRECT_MD" ]; then echo "## 1. Redirect vs nginx"; echo; cat "$REDIRECT_MD"; echo; fi
  if [ -s "$SUITE_MD" ]; then echo "## 2-4. Full suite"; echo; cat "$SUITE_MD"; echo; fi
} > "$OUT"

INDEX="$RESULTS_DIR/README.md"
if [ ! -f "$INDEX" ]; then
  printf '# Benchmark results\n\nOne line per `bench/run.sh` run, newest last; each file holds the machine and the settings.\n\n' > "$INDEX"
fi
echo "- [$STAMP]($STAMP.md) $MODE, commit $COMMIT, load $LOAD_BEFORE → $LOAD_AFTER: $(paste -sd';' "$WORK/summary.txt" 2>/dev/null | sed 's/;/; /g')" >> "$INDEX"
echo "Results: $OUT"
