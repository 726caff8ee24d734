#!/usr/bin/env bash
# Installs the dependencies, builds with warnings as errors and runs the whole test suite.
#   tools/run-tests.sh          dev preset (optimised, debug info)
#   tools/run-tests.sh asan     AddressSanitizer + UBSan preset
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"

bash tools/setup-debian.sh
cmake --preset "$preset"
cmake --build --preset "$preset" -j "$(nproc)"
ctest --preset "$preset" --timeout 600
