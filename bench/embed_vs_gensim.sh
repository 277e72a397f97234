#!/usr/bin/env bash
# Words/s and triple score of `codeloom embed train` vs gensim's Word2Vec on the
# same token file and hyper-parameters (sg=1, hs=0, negative=10, window=5,
# dim=256, sample=1e-3, min_count=5), runs interleaved (ours, gensim, ours, ...).
#
#   build/bin/codeloom embed export-tokens --corpus ~/.cache/codeloom/corpus/std-v1 --out /tmp/tokens.txt
#   bench/embed_vs_gensim.sh /tmp/tokens.txt [threads=2] [epochs=1] [repeats=2] [outdir=/tmp/embed-bench]
#
# gensim: python3 -m venv ~/.cache/codeloom/venv-gensim && ~/.cache/codeloom/venv-gensim/bin/pip install gensim==4.4.0
# Prints one JSON line per run and a summary with medians; words/s counts every
# corpus token (gensim's raw_word_count) per epoch over the training time only.
set -euo pipefail
tokens=${1:?token file}
threads=${2:-2}
epochs=${3:-1}
repeats=${4:-2}
out=${5:-/tmp/embed-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
codeloom=${CODELOOM_BIN:-$root/build/bin/codeloom}
python=${GENSIM_PYTHON:-$HOME/.cache/codeloom/venv-gensim/bin/python}
pairs=$root/tests/data/embed/pairs.tsv
mkdir -p "$out"
: > "$out/runs.jsonl"
load() { cut -d' ' -f1 /proc/loadavg; }
for i in $(seq 1 "$repeats"); do
  l=$(load)
  r=$("$codeloom" embed train --tokens "$tokens" --out "$out/ours-$i.c2v" --threads "$threads" --epochs "$epochs" \
        --dim 256 --window 5 --negative 10 --sample 1e-3 --min-count 5 --seed "$i" -q --json)
  s=$("$codeloom" embed score --model "$out/ours-$i.c2v" --pairs "$pairs" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["accuracy"])')
  echo "$r" | python3 -c "import json,sys; d=json.load(sys.stdin); d.update(tool='codeloom', run=$i, load_before=$l, load_after=$(load), score=$s); print(json.dumps(d))" | tee -a "$out/runs.jsonl"
  l=$(load)
  r=$("$python" "$root/bench/reference/gensim_word2vec.py" --tokens "$tokens" --workers "$threads" --epochs "$epochs" \
        --seed "$i" --text-out "$out/gensim-$i.txt")
  s=$("$codeloom" embed score --model "$out/gensim-$i.txt" --pairs "$pairs" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["accuracy"])')
  echo "$r" | python3 -c "import json,sys; d=json.load(sys.stdin); d.update(tool='gensim', run=$i, load_before=$l, load_after=$(load), score=$s); print(json.dumps(d))" | tee -a "$out/runs.jsonl"
done
python3 - "$out/runs.jsonl" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
for tool in ("codeloom", "gensim"):
    rs = [r for r in runs if r["tool"] == tool]
    raw = lambda r: r.get("corpus_raw_tokens", 0) * r["epochs"] if tool == "codeloom" else r["words"]
    wps = statistics.median(raw(r) / r["seconds"] for r in rs)
    eff = statistics.median(r["trained_words"] / r["seconds"] for r in rs)
    print(f"{tool:9s} median words/s {wps:10.0f}  effective (after subsampling) {eff:10.0f}  "
          f"train s {statistics.median(r['seconds'] for r in rs):7.1f}  score {statistics.median(r['score'] for r in rs):.3f}  "
          f"load {[r['load_before'] for r in rs]}")
PY
