#!/usr/bin/env bash
# Runs `simulate` (every tier, queue and retry, with and without --delays) and `recommend` (queue and retry)
# with two published builds of the CLI on the same traces and compares their outputs byte for byte.
#   benchmarks/compare-simulation.sh BEFORE_DIR AFTER_DIR OUT_DIR TRACE...
# BEFORE_DIR / AFTER_DIR hold a published `planner`; OUT_DIR receives both outputs; exit 1 on any difference.
# Outputs include the exit code; --delays CSVs are compared too.
set -u
before=$1; after=$2; out=$3; shift 3
mkdir -p "$out"
status=0
run() { # name, args...
  local name=$1; shift
  for side in before after; do
    local bin; [ $side = before ] && bin=$before || bin=$after
    # The before outputs are kept between runs (delete OUT_DIR to make them again).
    if [ $side = before ] && [ -f "$out/$name.before.json" ]; then continue; fi
    local args=("$@")
    for i in "${!args[@]}"; do args[$i]=${args[$i]//@OUT@/$out/$name.$side}; done
    "$bin/planner" "${args[@]}" > "$out/$name.$side.json" 2> "$out/$name.$side.err"
    echo "exit $?" >> "$out/$name.$side.json"
  done
  local same=yes
  cmp -s "$out/$name.before.json" "$out/$name.after.json" || same=no
  if [ -f "$out/$name.before.delays.csv" ]; then
    cmp -s "$out/$name.before.delays.csv" "$out/$name.after.delays.csv" || same=no
  fi
  if [ $same = yes ]; then echo "same    $name"; else echo "DIFFER  $name"; status=1; fi
}
for trace in "$@"; do
  t=$(basename "$trace" .csv)
  for tier in 1 2 3 4 5 build launch grow; do
    run "sim-$t-tier$tier-queue" simulate "$trace" --tier $tier --json
    run "sim-$t-tier$tier-retry" simulate "$trace" --tier $tier --on-limit retry --json
  done
  run "sim-$t-tier2-queue-burst10" simulate "$trace" --tier 2 --burst-window 10 --json
  run "sim-$t-tier1-queue-delays" simulate "$trace" --tier 1 --delays @OUT@.delays.csv --json
  run "sim-$t-tier1-retry-delays" simulate "$trace" --tier 1 --on-limit retry --delays @OUT@.delays.csv --json
  run "sim-$t-tier5-table" simulate "$trace" --tier 5
  run "rec-$t-queue" recommend "$trace" --json
  run "rec-$t-retry" recommend "$trace" --on-limit retry --json
  run "rec-$t-table" recommend "$trace"
done
exit $status
