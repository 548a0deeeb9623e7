#!/usr/bin/env bash
# Sets up (scripts/setup.sh), builds and runs every test of the project, then prints one summary line:
#   tests: N passed, N failed[, N skipped]
# Kernel tests need root (CI runs as root); they skip, saying why, only when not root.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
scripts/setup.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
passed=0; failed=0; skipped=0

add_counts() { # a `dotnet test --logger "console;verbosity=normal"` log
  local total p f s
  total=$(grep -E '^Total tests: [0-9]+' "$1" | tail -n 1 | grep -oE '[0-9]+')
  if [ -z "$total" ]; then failed=$((failed + 1)); echo "test run produced no summary: $1" >&2; return; fi
  p=$(grep -E '^ +Passed: [0-9]+$' "$1" | tail -n 1 | grep -oE '[0-9]+'); p=${p:-0}
  f=$(grep -E '^ +Failed: [0-9]+$' "$1" | tail -n 1 | grep -oE '[0-9]+'); f=${f:-0}
  s=$(grep -E '^ +Skipped: [0-9]+$' "$1" | tail -n 1 | grep -oE '[0-9]+'); s=${s:-0}
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
}

for proj in tests/*.Tests/*.csproj; do
  name=$(basename "$proj" .csproj)
  echo "== $name" >&2
  log="$results/$name.log"
  timeout 1800 dotnet test "$proj" -c Release --no-build --nologo \
      --logger "console;verbosity=normal" --results-directory "$results" >"$log" 2>&1
  grep -E '^\s+(Failed|Skipped) ' "$log" | head -50 >&2
  add_counts "$log"
done

if [ -x vscode-extension/scripts/check.sh ]; then
  echo "== vscode-extension" >&2
  log="$results/vscode.log"
  timeout 900 vscode-extension/scripts/check.sh >"$log" 2>&1
  line=$(grep -E '^vscode: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -n "$line" ]; then
    passed=$((passed + $(sed -E 's/vscode: ([0-9]+) passed.*/\1/' <<<"$line")))
    failed=$((failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")))
  else
    failed=$((failed + 1)); tail -20 "$log" >&2
  fi
fi

for extra in tests/e2e/*.sh; do
  [ -x "$extra" ] || continue
  echo "== $(basename "$extra")" >&2
  log="$results/$(basename "$extra").log"
  timeout 900 "$extra" >"$log" 2>&1
  line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -n "$line" ]; then
    passed=$((passed + $(sed -E 's/^[a-z-]+: ([0-9]+) passed.*/\1/' <<<"$line")))
    failed=$((failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")))
  else
    failed=$((failed + 1)); tail -20 "$log" >&2
  fi
done

summary="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
