#!/usr/bin/env bash
# The native build of the calculator (issue 13.1): Native AOT, self-contained, no JIT at run time.
#   scripts/publish-native.sh [OUT]      (default OUT: .planner-native/)
# then run OUT/planner as you would planner. It starts in about 0.07 s instead of 0.22 s and prices a 10M-row trace
# about 10% faster (figures in benchmarks/README.md). Needs, besides the .NET SDK, a C toolchain to link with:
# clang or gcc (Debian: apt-get install -y clang). Takes a few minutes.
# The tests run on the ordinary (JIT, ReadyToRun) build; this script checks that the native build gives the same
# bytes for a set of commands before it says it is done.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.planner-native}

. scripts/native-toolchain.sh
native_toolchain publish-native "dotnet run or scripts/planner"

# Its own intermediate folder, so a native publish never leaves objects an ordinary build would pick up. Warnings are
# errors here as everywhere: the trim and AOT analysis of our code is clean (and runs on every ordinary build too).
dotnet publish src/Planner.Cli -c Release -r "$rid" --self-contained true -p:PublishAot=true -p:PublishReadyToRun=false \
  -p:CppCompilerAndLinker="$linker" --artifacts-path .planner-native-build -o "$out" -nologo -clp:ErrorsOnly

# The same answers as the ordinary build, byte for byte (tables, JSON, errors and exit codes).
ref=$(mktemp -d); trap 'rm -rf "$ref"' EXIT
dotnet publish src/Planner.Cli -c Release -o "$ref/jit" -nologo -clp:ErrorsOnly
scripts/compare-builds.sh "$out/planner" "$ref/jit/planner" >"$ref/compare.txt" || { grep -v '^same: ' "$ref/compare.txt" >&2; exit 1; }
echo "native build in $out/planner: the same answers as the ordinary build ($(tail -1 "$ref/compare.txt"))"
