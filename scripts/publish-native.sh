#!/usr/bin/env bash
# The native build of the calculator (issue 13.1): Native AOT, self-contained, no JIT at run time.
#   scripts/publish-native.sh [OUT]      (default OUT: .planner-native/)
# then run OUT/planner as you would planner. It starts in about 0.07 s instead of 0.22 s and prices a 10M-row trace
# about 10% faster (figures in benchmarks/README.md). Needs, besides the .NET SDK, a C toolchain to link with:
# clang or gcc (Debian: apt-get install -y clang zlib1g-dev). Takes a few minutes.
# The tests run on the ordinary (JIT, ReadyToRun) build; this script checks that the native build gives the same
# bytes for a set of commands before it says it is done.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.planner-native}

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "publish-native: no native build for $(uname -m); use dotnet run or scripts/planner" >&2; exit 2 ;;
esac
if command -v clang >/dev/null; then linker=clang
elif command -v gcc >/dev/null; then linker=gcc
else echo "publish-native: needs clang or gcc to link (Debian: apt-get install -y clang zlib1g-dev)" >&2; exit 2
fi

# Its own intermediate folder, so a native publish never leaves objects an ordinary build would pick up. Warnings are
# errors here as everywhere: the trim and AOT analysis of our code is clean (and runs on every ordinary build too).
dotnet publish src/Planner.Cli -c Release -r "$rid" --self-contained true -p:PublishAot=true -p:PublishReadyToRun=false \
  -p:CppCompilerAndLinker="$linker" --artifacts-path .planner-native-build -o "$out" -nologo -clp:ErrorsOnly

# The same answers as the ordinary build, byte for byte (tables, JSON, errors and exit codes).
ref=$(mktemp -d); trap 'rm -rf "$ref"' EXIT
dotnet publish src/Planner.Cli -c Release -o "$ref/jit" -nologo -clp:ErrorsOnly >/dev/null
trace=data/traces/voice-support-day.csv
status=0
while IFS= read -r line; do
  read -ra argv <<<"$line"
  set +e
  "$out/planner" "${argv[@]}" >"$ref/native.out" 2>&1; native=$?
  "$ref/jit/planner" "${argv[@]}" >"$ref/jit.out" 2>&1; jit=$?
  set -e
  if [ "$native" -ne "$jit" ] || ! cmp -s "$ref/native.out" "$ref/jit.out"; then
    echo "publish-native: 'planner $line' differs from the ordinary build (exit $native against $jit)" >&2
    status=1
  fi
done <<LINES
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
if [ "$status" -ne 0 ]; then exit 1; fi
echo "native build in $out/planner: the same answers as the ordinary build"
