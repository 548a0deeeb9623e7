#!/usr/bin/env bash
# End-to-end test of btlang-lsp with a real LSP client: Neovim (0.7, headless) runs tests/e2e/lsp/harness.lua, which
# opens a script, waits for diagnostics, asks for completion, hover, definition, references, rename, code actions,
# symbols and formatting, edits the buffer and checks every answer. Runs under `env -i` with stdin from /dev/null,
# as CI does. Last line: `lsp-neovim: N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"

fail_all() { echo "lsp-neovim: $1" >&2; echo "lsp-neovim: 0 passed, 1 failed"; exit 1; }

command -v nvim >/dev/null 2>&1 || fail_all "nvim is not installed (scripts/setup.sh installs it)"

server=""
for config in Release Debug; do
  candidate="$root/src/LanguageServer/bin/$config/net10.0/btlang-lsp"
  if [ -x "$candidate" ]; then server="$candidate"; break; fi
done
if [ -z "$server" ]; then
  dotnet build "$root/src/LanguageServer" -c Release -nologo -clp:ErrorsOnly -v:q >&2 || fail_all "building btlang-lsp failed"
  server="$root/src/LanguageServer/bin/Release/net10.0/btlang-lsp"
fi
[ -x "$server" ] || fail_all "btlang-lsp not found"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet_dir="$(dirname "$(readlink -f "$(command -v dotnet)")")"
echo "lsp-neovim: server $server" >&2

env -i PATH=/usr/bin:/bin HOME="$work" DOTNET_ROOT="$dotnet_dir" BTLANG_LSP="$server" WORK_DIR="$work" \
    RESULT_FILE="$work/result.json" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" \
    timeout 60 nvim --headless --clean -n -i NONE -c "luafile $root/tests/e2e/lsp/harness.lua" </dev/null
rc=$?

if [ ! -s "$work/result.json" ]; then
  fail_all "the harness wrote no result (nvim exit $rc)"
fi
mkdir -p "$root/artifacts"
cp "$work/result.json" "$root/artifacts/lsp-neovim.json"
passed=$(grep -o '"passed": *[0-9]*' "$work/result.json" | grep -o '[0-9]*$')
failed=$(grep -o '"failed": *[0-9]*' "$work/result.json" | grep -o '[0-9]*$')
if [ "$rc" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
echo "lsp-neovim: ${passed:-0} passed, ${failed:-1} failed"
[ "${failed:-1}" -eq 0 ]
