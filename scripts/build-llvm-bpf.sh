#!/usr/bin/env bash
# Links libbtlang-llvm.so: the parts of LLVM 19 that btlang's code generator uses (the BPF target, the optimisation
# pipeline, the C API), from Debian's static LLVM libraries (package llvm-19-dev), into one shared library for
# btlang to load instead of the whole libLLVM.so.19.1. Same LLVM release, so the same objects come out; what changes
# is the cost of loading it: libLLVM.so.19.1 is 129 MB with 333,000 relocations (22,000 of them symbol lookups) and
# pulls in libz3, libxml2, libedit and ICU, which takes ~12 ms of CPU and ~48 MiB of mapped pages per compile;
# this library is ~30 MB with ~50,000 relocations and loads in ~2.5 ms (bench/README.md, "Startup").
# Usage: scripts/build-llvm-bpf.sh OUTPUT_DIR. Exits 0 without building when the static libraries or g++ are missing
# (btlang then loads libLLVM.so.19.1 as before). Takes a few seconds.
set -euo pipefail
out="${1:?usage: $0 OUTPUT_DIR}"
config=llvm-config-19
if ! command -v "$config" >/dev/null 2>&1 || ! command -v g++ >/dev/null 2>&1 \
   || [ ! -e "$("$config" --libdir)/libLLVMBPFCodeGen.a" ]; then
  echo "build-llvm-bpf: llvm-19-dev (static LLVM libraries) or g++ missing; btlang will load libLLVM.so.19.1" >&2
  exit 0
fi
components=(bpf passes core target irreader)
libdir="$("$config" --libdir)"
mapfile -t archives < <("$config" --link-static --libfiles "${components[@]}" | tr ' ' '\n' | grep -v '^$')
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Every LLVM-C function these libraries define is kept and exported (not only the ones btlang calls today), so a
# new [LibraryImport] in src/Emit finds its function without a change here. Everything else is hidden, and what no
# exported function reaches is dropped (--gc-sections).
nm -g --defined-only "${archives[@]}" 2>/dev/null | awk '$2 == "T" && $3 ~ /^LLVM[A-Z]/ { print $3 }' | sort -u > "$work/api"
{ echo "{ global:"; sed 's/$/;/' "$work/api"; echo "local: *; };"; } > "$work/exports.map"
sed 's/^/-Wl,--undefined=/' "$work/api" > "$work/undefined.rsp"
mkdir -p "$out"
g++ -shared -s -o "$work/libbtlang-llvm.so" @"$work/undefined.rsp" \
  -Wl,--gc-sections -Wl,--version-script="$work/exports.map" -Wl,-O1 -Wl,--as-needed -Wl,-soname,libbtlang-llvm.so \
  -L"$libdir" -Wl,--start-group "${archives[@]}" -Wl,--end-group \
  -l:libz.so.1 -l:libzstd.so.1 -lrt -ldl -lm
mv "$work/libbtlang-llvm.so" "$out/libbtlang-llvm.so"
