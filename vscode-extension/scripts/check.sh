#!/usr/bin/env bash
# Checks the VS Code extension from a clean checkout and packages it:
#   npm ci, manifest/grammar consistency, type-check, esbuild bundle, unit tests, TextMate grammar tests (one count per
#   test file), the self-contained btlang-lsp publish, `vsce package` for linux-x64 and the packaged file list.
# Needs only the npm registry (and NuGet for the server's restore, as every .NET build here). Runs as root, headless.
# Ends with one line:  vscode: N passed, N failed
set -uo pipefail
ext="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$ext/.." && pwd)"
cd "$ext"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

passed=0; failed=0
start=$(date +%s)
logs="$ext/out/check-logs"
rm -rf "$logs"; mkdir -p "$logs"

# run NAME COMMAND...: one check; its output goes to out/check-logs/NAME.log and is shown when it fails.
run() {
  local name="$1"; shift
  local t0; t0=$(date +%s)
  if "$@" >"$logs/$name.log" 2>&1 </dev/null; then
    passed=$((passed + 1)); echo "PASS $name ($(( $(date +%s) - t0 )) s)"
    return 0
  fi
  failed=$((failed + 1)); echo "FAIL $name ($(( $(date +%s) - t0 )) s)"
  tail -n 40 "$logs/$name.log" | cut -c1-400 | sed 's/^/    /'
  return 1
}

finish() {
  echo "vscode: check.sh took $(( $(date +%s) - start )) s"
  echo "vscode: $passed passed, $failed failed"
  exit $(( failed > 0 ? 1 : 0 ))
}

bin="$ext/node_modules/.bin"

if ! run npm-ci npm ci --prefer-offline --no-audit --no-fund --loglevel=error; then
  finish   # nothing else can run without the tools
fi

run manifest node scripts/check-manifest.mjs
run typecheck "$bin/tsc" --noEmit -p .

bundle() {
  rm -rf dist
  "$bin/esbuild" src/extension.ts --bundle --outfile=dist/extension.js --external:vscode --format=cjs \
    --platform=node --target=node20 --minify --log-level=warning || return 1
  [ -s dist/extension.js ] || { echo "dist/extension.js was not written"; return 1; }
  # The bundle must carry the language client and leave only the vscode module to the host.
  grep -q 'btlang.restartServer' dist/extension.js || { echo "bundle lacks the restart command"; return 1; }
  node -e '
    // Load the bundle with a stand-in for the vscode module (any property is a constructible, extensible function).
    const Module = require("module");
    const stub = () => new Proxy(function () {}, { get: (t, k) => (k === "prototype" ? t.prototype : stub()) });
    const load = Module._load;
    Module._load = function (req, ...rest) {
      if (req === "vscode") return stub();
      if (!/^[.\/]/.test(req) && !Module.builtinModules.includes(req.replace(/^node:/, ""))) throw new Error("bundle requires " + req);
      return load.call(this, req, ...rest);
    };
    const ext = require("./dist/extension.js");
    if (typeof ext.activate !== "function" || typeof ext.deactivate !== "function") throw new Error("no activate/deactivate export");
    console.log("bundle loads; exports activate and deactivate");
  '
}
run bundle bundle

# Unit tests (node:test): one count per test, from the runner's summary.
unit_build() {
  rm -rf out/test
  "$bin/esbuild" test/unit/*.test.ts --bundle --platform=node --target=node20 --format=cjs --outdir=out/test \
    --external:vscode --log-level=warning
}
if run unit-build unit_build; then
  node --test out/test/ >"$logs/unit.log" 2>&1 </dev/null
  unit_rc=$?
  unit_pass=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$logs/unit.log" | tail -n 1)
  unit_fail=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$logs/unit.log" | tail -n 1)
  if [ -z "$unit_pass" ] || [ -z "$unit_fail" ]; then
    failed=$((failed + 1)); echo "FAIL unit tests (no summary, exit $unit_rc)"; tail -n 30 "$logs/unit.log" | sed 's/^/    /'
  else
    passed=$((passed + unit_pass)); failed=$((failed + unit_fail))
    if [ "$unit_fail" -eq 0 ] && [ "$unit_rc" -ne 0 ]; then failed=$((failed + 1)); fi
    echo "$([ "$unit_rc" -eq 0 ] && echo PASS || echo FAIL) unit tests: $unit_pass passed, $unit_fail failed"
    [ "$unit_rc" -eq 0 ] || grep -E -A12 '^not ok|^ +not ok' "$logs/unit.log" | head -n 60 | sed 's/^/    /'
  fi
fi

# Grammar tests: one run over every file, then one count per file from the tool's per-file verdict.
grammar_files=(test/grammar/*.bt)
"$bin/vscode-tmgrammar-test" -c 'test/grammar/*.bt' >"$logs/grammar.log" 2>&1 </dev/null
grammar_rc=$?
grammar_failed=0
for f in "${grammar_files[@]}"; do
  if grep -qF "✓ $f run successfuly." "$logs/grammar.log"; then
    passed=$((passed + 1)); echo "PASS grammar $f"
  else
    failed=$((failed + 1)); grammar_failed=$((grammar_failed + 1)); echo "FAIL grammar $f"
    grep -F "$f" "$logs/grammar.log" | head -n 20 | sed 's/^/    /'
  fi
done
if [ "$grammar_rc" -ne 0 ] && [ "$grammar_failed" -eq 0 ]; then
  failed=$((failed + 1)); echo "FAIL grammar runner exited $grammar_rc"; tail -n 20 "$logs/grammar.log" | sed 's/^/    /'
fi

publish_server() {
  [ -x "$repo/node_modules/.bin/antlr-ng" ] || (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  rm -rf server
  dotnet publish "$repo/src/LanguageServer" -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true \
    -p:DebugType=None -p:DebugSymbols=false -o "$ext/server" -nologo -clp:ErrorsOnly -v:q || return 1
  [ -x server/btlang-lsp ] || { echo "server/btlang-lsp missing or not executable"; ls -la server; return 1; }
  # Only the single file goes into the package.
  find server -mindepth 1 ! -name btlang-lsp -exec rm -rf {} +
}
run publish-server publish_server

vsix="$ext/out/btlang-linux-x64.vsix"
package() {
  rm -f "$vsix"
  "$bin/vsce" package --no-dependencies --target linux-x64 --skip-license --allow-missing-repository -o "$vsix" &&
    [ -s "$vsix" ]
}
run package package

filelist() {
  local listing; listing=$(unzip -Z1 "$vsix") || return 1
  echo "$listing"
  local required=(extension.vsixmanifest extension/package.json extension/readme.md extension/dist/extension.js
                  extension/syntaxes/bpftrace.tmLanguage.json extension/language-configuration.json
                  extension/server/btlang-lsp)
  local ok=0 f
  for f in "${required[@]}"; do
    grep -qxF "$f" <<<"$listing" || { echo "missing from the package: $f"; ok=1; }
  done
  # Nothing from the sources, tests or node_modules may ride along.
  if grep -E '^extension/(src|test|node_modules|scripts|out)/|\.ts$|\.map$' <<<"$listing"; then
    echo "unexpected files in the package (above)"; ok=1
  fi
  # The server must keep its execute bit, and the manifest must name the platform.
  unzip -Z "$vsix" extension/server/btlang-lsp | grep -q '^-rwx' || { echo "server/btlang-lsp is not executable in the package"; ok=1; }
  unzip -p "$vsix" extension.vsixmanifest | grep -q 'TargetPlatform="linux-x64"' || { echo "manifest lacks TargetPlatform linux-x64"; ok=1; }
  echo "package size: $(stat -c %s "$vsix") bytes"
  return $ok
}
# The packaged server is the self-contained single file: an ELF executable that starts without a .NET install.
packaged_server() {
  local dir; dir=$(mktemp -d)
  packaged_server_in "$dir"
  local rc=$?
  rm -rf "$dir"
  return $rc
}
packaged_server_in() {
  local dir="$1"
  unzip -q "$vsix" extension/server/btlang-lsp -d "$dir" || return 1
  local exe="$dir/extension/server/btlang-lsp"
  [ "$(head -c 4 "$exe" | od -An -c | tr -d ' ')" = '177ELF' ] || { echo "not an ELF executable"; return 1; }
  local size; size=$(stat -c %s "$exe")
  [ "$size" -gt 20000000 ] || { echo "only $size bytes: not self-contained"; return 1; }
  # Started with no .NET on hand (DOTNET_ROOT points nowhere) and stdin at EOF; the server must run and end by itself.
  env -i PATH=/usr/bin:/bin HOME="$dir" DOTNET_ROOT="$dir/no-dotnet" timeout 20 "$exe" </dev/null >"$dir/out" 2>"$dir/err"
  local rc=$?
  cat "$dir/err"
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 126 ] || [ "$rc" -eq 127 ] || grep -qi 'install .NET\|hostfxr' "$dir/err"; then
    echo "the packaged server did not run by itself (exit $rc)"; return 1
  fi
  echo "packaged server: $size bytes, exit $rc on empty stdin"
}
if [ -s "$vsix" ]; then
  run package-contents filelist && grep -h '^package size' "$logs/package-contents.log"
  run packaged-server packaged_server
else
  failed=$((failed + 2)); echo "FAIL package-contents, packaged-server (no package)"
fi

finish
