#!/usr/bin/env bash
# Side-by-side throughput of codeloom's Session (bench/llm_speed) and llama.cpp's
# llama-bench on the same GGUF, same threads, same flash-attention setting,
# plus codeloom's prefix-reuse speed-up on a real source file.
#
#   bench/compare_llama_bench.sh MODEL.gguf
#   THREADS=2 REPS=5 FA=0 SOURCE=/usr/lib/python3.11/copy.py BUILD_DIR=build-llm bench/compare_llama_bench.sh M
#
# llama-bench reports the mean of REPS runs, llm_speed the median (both after a
# warm-up run). ROUNDS > 1 alternates the two programs ROUNDS times and reports
# the median over rounds, so both see the same background load on a shared
# machine. Runs one program at a time: do not run other heavy jobs meanwhile.
set -euo pipefail

MODEL=${1:?usage: $0 MODEL.gguf}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
THREADS=${THREADS:-2}
REPS=${REPS:-5}
FA=${FA:-0}
PP=${PP:-512}
ROUNDS=${ROUNDS:-1}
TG=${TG:-128}
SOURCE=${SOURCE:-$(python3 -c 'import copy; print(copy.__file__)')}
LLM_SPEED=${LLM_SPEED:-$BUILD_DIR/bin/llm_speed}
if [[ -z "${LLAMA_BENCH:-}" ]]; then
  # The llama.cpp this build links against (scripts/setup's pinned prefix).
  LLAMA_BENCH=$(sed -n 's/^CODELOOM_LLAMA_PREFIX:PATH=//p' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null)/bin/llama-bench
fi
[[ -x "$LLM_SPEED" ]] || { echo "missing $LLM_SPEED (build target llm_speed, or set BUILD_DIR)" >&2; exit 1; }
[[ -x "${LLAMA_BENCH:-}" ]] || { echo "llama-bench not found; set LLAMA_BENCH" >&2; exit 1; }
[[ -f "$MODEL" ]] || { echo "no such model: $MODEL" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "model $MODEL | threads $THREADS | flash_attn $FA | reps $REPS" >&2
for ((round = 0; round < ROUNDS; round++)); do
  "$LLAMA_BENCH" -m "$MODEL" -p "$PP" -n 0 -t "$THREADS" -fa "$FA" -r "$REPS" -o csv 2>/dev/null > "$tmp/pp.$round.csv"
  "$LLAMA_BENCH" -m "$MODEL" -p 0 -n "$TG" -t "$THREADS" -fa "$FA" -r "$REPS" -o csv 2>/dev/null > "$tmp/tg.$round.csv"
  # The reuse speed-up is a ratio within one program: measured in round 0 only.
  src_args=()
  ((round == 0)) && src_args=(--source "$SOURCE")
  "$LLM_SPEED" -m "$MODEL" -t "$THREADS" -p "$PP" -n "$TG" -r "$REPS" --flash-attn "$FA" "${src_args[@]}" --csv \
    2>/dev/null > "$tmp/ours.$round.csv"
done

python3 - "$tmp" "$PP" "$TG" "$SOURCE" "$ROUNDS" <<'PY'
import csv, statistics, sys
tmp, pp, tg, source, rounds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
med = statistics.median
def llama(name):
    return med(float(list(csv.DictReader(open(f"{tmp}/{name}.{r}.csv")))[-1]["avg_ts"]) for r in range(rounds))
ours = [{row[0]: row for row in csv.reader(open(f"{tmp}/ours.{r}.csv"))} for r in range(rounds)]
def mine(test, col):
    return med(float(o[test][col]) for o in ours if test in o)
print(f"| test | llama-bench tok/s | codeloom Session tok/s | codeloom / llama-bench |")
print(f"|---|---|---|---|")
for test, ref in ((f"pp{pp}", llama("pp")), (f"tg{tg}", llama("tg")), (f"tg{tg}+argmax", llama("tg"))):
    m = mine(test, 3)
    print(f"| {test} | {ref:.2f} | {m:.2f} | {m / ref * 100:.1f}% |")
print()
print(f"prefix reuse on {source}: cold prefill of {ours[0]['reuse_cold'][1]} tokens {mine('reuse_cold', 2):.1f} ms; "
      f"after a one-line edit {mine('reuse_after_edit', 2):.1f} ms ({ours[0]['reuse_speedup'][1]} reused, "
      f"{ours[0]['reuse_after_edit'][1]} evaluated); speed-up {mine('reuse_speedup', 2):.1f}x"
      )
PY
