#!/usr/bin/env bash
# Runs one libFuzzer target over its corpus for a while; fails if it finds a crash, a sanitizer
# report, a leak, an input slower than 10 s, one allocation past 256 MiB or a process past
# 2 GiB. ctest runs it for a few seconds (tests/fuzz/CMakeLists.txt); deploy/dev.sh fuzz for
# longer, with --merge.
#
#   tests/fuzz/run.sh BINARY CORPUS WORKDIR SECONDS [--merge]
#
# The committed CORPUS is only read: what the run finds goes to WORKDIR/<target>/new, emptied
# first, and a crashing input to WORKDIR/<target>/crash-*. With --merge, the inputs of new/
# that reach code the corpus does not are then copied into CORPUS, to be committed.
set -euo pipefail
binary=$1 corpus=$2 work=$3 seconds=$4 merge=${5:-}
name=$(basename "$corpus")
here=$(cd "$(dirname "$0")" && pwd)
out=$work/$name
rm -rf "$out/new"
mkdir -p "$out/new"

# Readable stack traces: Debian's llvm-14 has the symbolizer, under a versioned name.
if [[ -z ${ASAN_SYMBOLIZER_PATH:-} && -x /usr/lib/llvm-14/bin/llvm-symbolizer ]]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

# -entropic=0: libFuzzer's entropic scheduling keeps per-feature counts whose upkeep, with the
# tens of thousands of features one input reaches here (the codec, the engine), took most of the
# time: fuzz_commands ran 130 inputs/s with it and 1,000 without, and reached more code in 30 s.
# -max_len: several messages fit in one input; a message past the server's 64 KiB limit is
# refused from its header, which the seeds have.
options=(-timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=256 -max_len=8192 -entropic=0)

"$binary" "${options[@]}" -max_total_time="$seconds" -dict="$here/client_message.dict" \
  -artifact_prefix="$out/" -print_final_stats=1 "$out/new" "$corpus"

if [[ $merge == --merge ]]; then
  before=$(find "$corpus" -type f | wc -l)
  "$binary" "${options[@]}" -merge=1 "$corpus" "$out/new" 2>"$out/merge.log" ||
    { cat "$out/merge.log" >&2; exit 1; }
  after=$(find "$corpus" -type f | wc -l)
  echo "$name: $((after - before)) new inputs merged into ${corpus#"$PWD"/} ($after in all)"
fi
