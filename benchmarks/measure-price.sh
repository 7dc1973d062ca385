#!/bin/bash
# End-to-end A/B of `planner price` (issue 13.1): two builds alternated on the same trace, REPEATS times,
# with /usr/bin/time -v (wall, CPU, peak RSS), `wc -l` on the same file, and the load average beside each figure.
# usage: benchmarks/measure-price.sh BEFORE_PLANNER AFTER_PLANNER TRACE [REPEATS]
#   e.g. planner generate-trace --rows 10000000 --seed 1 --out t10m.csv
set -euo pipefail
before=$1; after=$2; trace=$3; repeats=${4:-3}
cat "$trace" > /dev/null   # into the page cache
for i in $(seq 1 "$repeats"); do
  for who in before after; do
    bin=$before; [ "$who" = after ] && bin=$after
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -v "$bin" price "$trace" --json > "/tmp/price-$who.json" 2> "/tmp/price-$who.time"
    grep -E "Elapsed|User time|System time|Maximum resident" "/tmp/price-$who.time" | awk -v w="$who" -v i="$i" -v l="$load" \
      'BEGIN{printf "run %s %s load=%s", i, w, l; split("user sys wall peak_rss_kb", n)} {printf " %s=%s", n[NR], $NF} END{print ""}'
  done
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "run $i wc-l load=$load wall=%e user=%U sys=%S" wc -l "$trace" > /dev/null
done
cmp <(grep -v '"engine"' /tmp/price-before.json) <(grep -v '"engine"' /tmp/price-after.json) && echo "JSON identical"
