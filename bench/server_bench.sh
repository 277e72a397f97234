#!/usr/bin/env bash
# codeloom serve vs llama.cpp's llama-server (same GGUF, slots, context,
# threads, flash attention off): warm line-completion latency and throughput
# at 1/4/8 clients; optional soak. One command, re-runnable on an idle machine:
#
#   bench/server_bench.sh                         # default bench model, 2 rounds
#   ROUNDS=3 DURATION=30 bench/server_bench.sh MODEL.gguf
#   bench/server_bench.sh MODEL.gguf --soak 1800 --skip-latency --skip-throughput
#
# Builds llama-server once in the cached llama.cpp build (scripts/lib/third_party.sh).
# Prints the JSON results on stdout; the load average is part of them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
MODEL=${1:-$HOME/.cache/codeloom/models/qwen2.5-coder-0.5b-instruct-awq-q4_k_m.gguf}
shift || true
[[ -f "$MODEL" ]] || { echo "no such model: $MODEL (scripts/get-bench-model fetches one)" >&2; exit 1; }
[[ -x "$BUILD_DIR/bin/codeloom" ]] || { echo "missing $BUILD_DIR/bin/codeloom (scripts/setup --no-run)" >&2; exit 1; }
# shellcheck source=../scripts/lib/third_party.sh
source "$ROOT/scripts/lib/third_party.sh"
JOBS=${CODELOOM_JOBS:-2}
build_llama_server
LLAMA_SERVER="$(llama_prefix)/install/bin/llama-server"
exec python3 "$ROOT/bench/server_bench.py" --model "$MODEL" --codeloom "$BUILD_DIR/bin/codeloom" \
  --llama-server "$LLAMA_SERVER" --rounds "${ROUNDS:-2}" --duration "${DURATION:-20}" \
  --threads "${THREADS:-2}" --slots "${SLOTS:-4}" "$@"
