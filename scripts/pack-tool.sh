#!/usr/bin/env bash
# The tool package (issue 13.1): a native `planner` for this machine's platform, a portable one for every other.
#   scripts/pack-tool.sh [OUT]      (default OUT: pkg/)
#   dotnet tool install -g --add-source pkg Planner.Cli
# writes three packages to OUT:
#   Planner.Cli.<version>.nupkg          the package users install; it names the two below, and `dotnet tool install`
#                                        takes the one for its platform (.NET SDK 10 or later)
#   Planner.Cli.linux-x64.<version>      (or linux-arm64) compiled ahead of time with Native AOT: self-contained, no JIT,
#                                        a `cost` answers in about 0.07 s
#   Planner.Cli.any.<version>            framework-dependent, for every other platform (needs the .NET 10 runtime)
# then installs the package from OUT into a temporary tool folder and checks that the installed `planner` gives the same
# answers, byte for byte, as the ordinary build (scripts/compare-builds.sh). Needs, besides the .NET SDK, a C toolchain to
# link with: clang or gcc (Debian: apt-get install -y clang). Takes a few minutes.
# Without a C toolchain, `dotnet pack src/Planner.Cli -o pkg` packs the ReadyToRun tool instead (it starts in about 0.2 s).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-pkg}

. scripts/native-toolchain.sh
native_toolchain pack-tool "dotnet pack src/Planner.Cli -o $out"
mkdir -p "$out"
# The RID packages this run makes, and only those: the top-level package must not name one that does not exist.
rids="-p:PlannerToolRid=$rid"
# Native AOT intermediates go to their own folder, so they never mix with an ordinary build's objects (nor with
# scripts/publish-native.sh's, which keep their debug symbols). Its publish folder is emptied first: the package takes
# what is in it (and the native folder its symbols are copied from), and a file left by an earlier run with other settings
# must not ride along.
artifacts=.planner-native-build/tool
rm -rf "$artifacts/publish" "$artifacts"/bin/Planner.Cli/*/native
native="-p:PublishAot=true --artifacts-path $artifacts"

echo "pack-tool: the top-level package"
dotnet pack src/Planner.Cli -c Release -o "$out" $rids $native -nologo -clp:ErrorsOnly
echo "pack-tool: the native package for $rid (Native AOT, a few minutes)"
# Without debug symbols (65 MB) or XML docs: a user runs the tool, never debugs it.
dotnet pack src/Planner.Cli -c Release -o "$out" -r "$rid" $rids $native -p:CppCompilerAndLinker="$linker" \
  -p:DebugType=none -p:PublishDocumentationFiles=false -p:PublishReferencesDocumentationFiles=false -nologo -clp:ErrorsOnly
echo "pack-tool: the portable package (any)"
dotnet pack src/Planner.Cli -c Release -o "$out" -r any $rids -nologo -clp:ErrorsOnly

# Install what was packed, as a user would (into a fresh temporary tool folder), and compare it with the ordinary build.
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Planner.Cli/Planner.Cli.csproj | head -1)
NUGET_PACKAGES="$work/packages" dotnet tool install --tool-path "$work/tool" --add-source "$out" --version "$version" \
  Planner.Cli >/dev/null
# The tool's command is a link into the package it installed: it must be the native one.
target=$(readlink "$work/tool/planner" || true)
case "$target" in
  *"planner.cli.$rid/"*) ;;
  *) echo "pack-tool: the installed tool is not the native package for $rid (planner -> $target)" >&2; exit 1 ;;
esac
echo "pack-tool: the ordinary build to compare with"
dotnet publish src/Planner.Cli -c Release -o "$work/reference" -nologo -clp:ErrorsOnly
scripts/compare-builds.sh "$work/tool/planner" "$work/reference/planner"
echo "pack-tool: $out holds Planner.Cli $version (native for $rid, portable for the rest); install it with"
echo "  dotnet tool install -g --add-source $out Planner.Cli"
