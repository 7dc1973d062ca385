#!/usr/bin/env bash
# Runs the fuzz tests (tests/Planner.Cli.Tests/Fuzzing) for longer than the suite's few seconds.
# Usage: scripts/fuzz.sh [SECONDS] [SEED]   (defaults: 300 seconds, seed 20261201)
# A failure prints the command, the input size and the seed; rerun with the same seed to reproduce.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLANNER_FUZZ_SECONDS="${1:-300}"
export PLANNER_FUZZ_SEED="${2:-20261201}"
exec dotnet test tests/Planner.Cli.Tests --filter "FullyQualifiedName~Planner.Cli.Tests.Fuzzing" --logger "console;verbosity=normal"
