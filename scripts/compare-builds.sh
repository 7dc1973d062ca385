#!/usr/bin/env bash
# Checks that two builds of the calculator give the same answers, byte for byte, exit codes included:
#   scripts/compare-builds.sh CANDIDATE REFERENCE
# CANDIDATE and REFERENCE are `planner` executables (a native build, an installed tool, an ordinary publish).
# Prints one line per check ("same: ..." or "DIFFERS: ..."): a command line, or a request to `planner serve`; then a
# count; exits 1 if any differs.
# Used by scripts/publish-native.sh and scripts/pack-tool.sh, and so by CI.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 2 ] || [ ! -x "$1" ] || [ ! -x "$2" ]; then
  echo "usage: scripts/compare-builds.sh CANDIDATE REFERENCE (two planner executables)" >&2
  exit 2
fi
candidate=$(realpath "$1") reference=$(realpath "$2")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# The commands run in an empty folder with only the trace in it, never in the repository: a `planner` prefers a
# ./data/catalog.json to the one it carries, so in the repository a build without its bundled data would pass.
mkdir "$work/run"
cp data/traces/voice-support-day.csv "$work/run/"
cd "$work/run"
trace=voice-support-day.csv
same=0 differs=0
while IFS= read -r line; do
  read -ra argv <<<"$line"
  "$candidate" "${argv[@]}" </dev/null >"$work/candidate.out" 2>&1; got=$?
  "$reference" "${argv[@]}" </dev/null >"$work/reference.out" 2>&1; want=$?
  if [ "$got" -eq "$want" ] && cmp -s "$work/candidate.out" "$work/reference.out"; then
    echo "same: planner $line"
    same=$((same + 1))
  else
    echo "DIFFERS: planner $line (exit $got against $want)"
    diff "$work/candidate.out" "$work/reference.out" | head -5 | sed 's/^/    /'
    differs=$((differs + 1))
  fi
done <<LINES
--version
cost --model gpt-realtime-2.1 --audio-in-seconds 240 --audio-out-seconds 120
cost --model gpt-audio-mini --audio-in 1200 --audio-out 2400 --requests 50000 --json
cost --model no-such-model
models --json
limits --model gpt-audio-mini
call --model gpt-realtime-2.1-mini --turns 8 --user-audio-seconds 10 --assistant-audio-seconds 20 --json
project --model gpt-audio-mini --requests-per-day 1000 --audio-in-seconds 120 --audio-out-seconds 60 --months 3 --json
price $trace
price $trace --json
price --engine duckdb $trace --json
simulate $trace --tier 2 --json
recommend $trace
sql --dialect bigquery --table billing.openai_usage --columns openai-usage
cost --help
LINES

# planner serve: the same pages and API answers (status line, content type, body) from both builds; each line is a
# path and the curl options that make the request.
serve_port() { echo $((20000 + RANDOM % 20000)); }
start() { # BUILD PORT: the port must be free before, and the server this script started must be the one answering.
  if curl -s -o /dev/null "http://127.0.0.1:$2/"; then echo "port $2 is already taken"; return 1; fi
  "$1" serve --port "$2" </dev/null >"$work/serve-$2.log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || { echo "planner serve stopped: $(head -3 "$work/serve-$2.log")"; return 1; }
    curl -s -o /dev/null "http://127.0.0.1:$2/" && return 0
    sleep 0.1
  done
  echo "planner serve did not start on port $2: $(head -3 "$work/serve-$2.log")"; return 1
}
if command -v curl >/dev/null; then
  cport=$(serve_port); rport=$(serve_port)
  while [ "$rport" -eq "$cport" ]; do rport=$(serve_port); done
  if start "$candidate" "$cport" && start "$reference" "$rport"; then
    while IFS= read -r request; do
      read -ra parts <<<"$request"; path=${parts[0]}; options=("${parts[@]:1}")
      fetch() { curl -s "${options[@]}" -D - -o "$work/$2.body" "http://127.0.0.1:$1$path" | tr -d '\r' | grep -iE '^(HTTP/|content-type:|content-disposition:)' >"$work/$2.head"; cat "$work/$2.head" "$work/$2.body" | sed "s/127\.0\.0\.1:$1/127.0.0.1:PORT/g" >"$work/$2.out"; }
      fetch "$cport" candidate; fetch "$rport" reference
      if cmp -s "$work/candidate.out" "$work/reference.out"; then
        echo "same: planner serve $request"; same=$((same + 1))
      else
        echo "DIFFERS: planner serve $request"; diff "$work/candidate.out" "$work/reference.out" | head -5 | sed 's/^/    /'
        differs=$((differs + 1))
      fi
    done <<PATHS
/
/calls?model=gpt-realtime-2.1-mini&turns=6
/projection?model=gpt-audio-mini&requests_per_day=1000&audio_in_seconds=120&audio_out_seconds=60&months=3
/catalog
/api/cost?model=gpt-audio-mini&audio_in_seconds=120&audio_out_seconds=60
/api/cost?model=gpt-audio-mini&audio_in_seconds=-1
/api/models
/api/limits?model=gpt-realtime-2.1
/openapi.json
/no-such-page
/api/cost -X POST -H content-type:application/json -d {"model":"gpt-audio-mini","audio_in_seconds":120}
/api/price -F file=@$trace
/api/simulate -F tier=2 -F file=@$trace
/api/recommend -F file=@$trace
PATHS
  else
    echo "DIFFERS: planner serve could not be started for both builds"
    differs=$((differs + 1))
  fi
  kill $(jobs -p) 2>/dev/null; wait 2>/dev/null
else
  echo "DIFFERS: planner serve not compared: needs curl"
  differs=$((differs + 1))
fi
echo "$same checks the same, $differs different"
[ "$differs" -eq 0 ]
