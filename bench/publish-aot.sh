#!/usr/bin/env bash
# Publishes btlang with Native AOT to artifacts/aot/btlang (startup ~0.1 s instead of ~0.7 s JIT; see bench/README.md).
# bench/run.sh uses it when it is newer than the JIT build. Needs clang-14 as the native linker (scripts/setup.sh
# installs it). Takes about 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Driver -c Release -r linux-x64 -p:BtLangAot=true -p:CppCompilerAndLinker=clang-14 -o artifacts/aot \
  -nologo -clp:ErrorsOnly -v:q
ls -l artifacts/aot/btlang
