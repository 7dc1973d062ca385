# Sourced by scripts/publish-native.sh and scripts/pack-tool.sh: what a Native AOT build of the calculator needs here.
#   native_toolchain NAME FALLBACK    sets rid (linux-x64, linux-arm64) and linker (clang, else gcc), or says what is
#                                     missing, naming the script and what to use instead, and exits 2
native_toolchain() {
  case "$(uname -m)" in
    x86_64) rid=linux-x64 ;;
    aarch64 | arm64) rid=linux-arm64 ;;
    *) echo "$1: no native build for $(uname -m); use $2" >&2; exit 2 ;;
  esac
  if command -v clang >/dev/null; then linker=clang
  elif command -v gcc >/dev/null; then linker=gcc
  else echo "$1: needs clang or gcc to link (Debian: apt-get install -y clang)" >&2; exit 2
  fi
}
