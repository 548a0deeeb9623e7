#!/usr/bin/env bash
# Installs what BtLang needs on a fresh Debian 12 machine (as root) and builds it. Safe to run again.
#   apt: libLLVM 19 (code generation), llvm-19-dev + g++ (scripts/build-llvm-bpf.sh links the trimmed copy of it
#        that the AOT build loads), libbpf1 (loading), bpftool (object inspection in tests), bpftrace 0.17 (the
#        side-by-side oracle), llvm-19 (objdump for tests), clang-14 + libbpf-dev (C test fixtures), gcc +
#        systemtap-sdt-dev (USDT test programs), neovim (the real LSP client in tests), libclang1-14 +
#        libclang-common-14-dev (the C front end: script struct/enum definitions, #include, #define).
#   npm: antlr-ng (parser generator, pinned in package-lock.json).  NuGet: restored by dotnet.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(libllvm19 llvm-19 llvm-19-dev g++ libbpf1 libbpf-dev bpftool bpftrace clang-14 gcc make
              systemtap-sdt-dev neovim libclang1-14 libclang-common-14-dev unzip ca-certificates)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK (dotnet) is required on PATH" >&2
  exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: Node.js and npm are required on PATH (for the antlr-ng parser generator)" >&2
  exit 1
fi

[ -x node_modules/.bin/antlr-ng ] || npm ci --no-audit --no-fund --loglevel=error
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build BtLang.sln -c Release -nologo -clp:ErrorsOnly -v:q
# The driver as a Native AOT binary: start-up in ~0.1 s instead of ~0.7 s (bench/README.md, "Startup").
# scripts/btlang prefers it; if the publish fails, scripts/btlang falls back to the JIT build.
bench/publish-aot.sh >/dev/null || echo "setup: Native AOT publish failed; scripts/btlang uses the JIT build" >&2
# The language server precompiled (ReadyToRun, framework-dependent): start to `initialize` answered in ~0.15-0.2 s
# instead of ~0.3-0.5 s (bench/README.md, "Language server"). `scripts/btlang lsp` runs it.
dotnet publish src/LanguageServer -c Release -r linux-x64 --self-contained false -o artifacts/lsp -nologo -clp:ErrorsOnly -v:q \
  || echo "setup: ReadyToRun publish of btlang-lsp failed; scripts/btlang lsp uses the JIT build" >&2
