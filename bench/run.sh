#!/usr/bin/env bash
# Side-by-side benchmark of BtLang against bpftrace 0.17 (see bench/README.md). Runs as root.
#   bench/run.sh                 every scenario, interleaved A B A/A, medians and ratios
#   bench/run.sh --only begin,tp1 -n 10 --markdown
# Builds the driver first when it is missing (scripts/setup.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -x "$root/src/Driver/bin/Release/net10.0/btlang" ]; then
  "$root/scripts/setup.sh"
fi
exec python3 "$root/bench/harness/bench.py" "$@"
