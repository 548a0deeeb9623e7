#!/usr/bin/env bash
# Publishes btlang with Native AOT to artifacts/aot/btlang (startup ~0.1 s instead of ~0.7 s JIT; see bench/README.md),
# with libbtlang-llvm.so beside it: LLVM 19 trimmed to what the BPF code generator uses (scripts/build-llvm-bpf.sh),
# which btlang loads instead of the whole libLLVM.so.19.1 (~10 ms less CPU and ~30 MiB less memory per compile).
# bench/run.sh uses it when it is newer than the JIT build. Needs clang-14 as the native linker and llvm-19-dev + g++
# for the trimmed library (scripts/setup.sh installs them; without them btlang loads libLLVM.so.19.1). About 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Driver -c Release -r linux-x64 -p:BtLangAot=true -p:CppCompilerAndLinker=clang-14 -o artifacts/aot \
  -nologo -clp:ErrorsOnly -v:q
rm -f artifacts/aot/libbtlang-llvm.so
scripts/build-llvm-bpf.sh artifacts/aot || echo "publish-aot: linking libbtlang-llvm.so failed; btlang loads libLLVM.so.19.1" >&2
ls -l artifacts/aot/btlang artifacts/aot/libbtlang-llvm.so 2>/dev/null || true
