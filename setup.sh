#!/usr/bin/env bash
# One-step set-up for a fresh Debian 12 machine (run as root, or with sudo available):
#   bash setup.sh        install what is missing, build (Release), run the bundled default scenario
#   bash setup.sh test   the same, then run every test through CTest
# Only Debian packages are installed; nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")"

mode="${1:-run}"
case "$mode" in
  run | test) ;;
  *) echo "usage: bash setup.sh [run|test]" >&2; exit 2 ;;
esac

packages=(g++ make cmake libboost-program-options-dev libyaml-cpp-dev nlohmann-json3-dev
          libgtest-dev libgmock-dev libbenchmark-dev libxml2-dev libpng-dev)
# The HTML report's tests open it in a real browser; the CJK font draws `explain --lang zh`'s
# Chinese there (without one, every character is a box).
[ "$mode" = test ] && packages+=(chromium fonts-liberation fonts-wqy-zenhei)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs="$(nproc)"
# `test` is the developers' and CI's mode: there a warning fails the build.
werror=OFF
[ "$mode" = test ] && werror=ON
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DDUPSIM_WERROR="$werror" >/dev/null
cmake --build build -j "$jobs"

build/sim/cli/dupsim run

if [ "$mode" = test ]; then
  ctest --test-dir build --output-on-failure -j "$jobs"
fi
