#!/usr/bin/env bash
# make bench: every benchmark, with peers installed on this machine for ratios.
# usage: Benchmarks/run.sh BIN_DIR SHARED_DIR
set -euo pipefail
BIN=$(cd "${1:-.build/release}" && pwd)
SHARED=$(cd "${2:-../shared}" 2>/dev/null && pwd || echo "")
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${BENCH_OUT:-$(pwd)/bench-out}
mkdir -p "$OUT"
export BIN SHARED HERE OUT

# Peers and the timer come from Debian; install what is missing (root or sudo).
need=""
[ -x /usr/bin/time ] || need="$need time"
command -v gltfpack >/dev/null || need="$need gltfpack"
command -v assimp >/dev/null || need="$need assimp-utils"
if [ -n "$need" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "bench: installing$need"
  ($SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need) >/dev/null 2>&1 \
    || echo "bench: could not install$need; those comparisons are skipped"
fi

status=0
for b in "$HERE"/bench-*.sh; do
  [ -e "$b" ] || continue
  echo
  echo "== $(basename "$b" .sh | sed 's/^bench-//')"
  bash "$b" || { echo "bench: $(basename "$b") failed"; status=1; }
done
exit $status
