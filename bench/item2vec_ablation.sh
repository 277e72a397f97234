#!/usr/bin/env bash
# Item2Vec initialization ablation: the same short run (recipes/item2vec-ablation.toml,
# codeloom-tiny's model, seed fixed) with random token embeddings and with
# token_embd initialized from Item2Vec vectors; prints validation loss and
# next-token accuracy at every evaluation, side by side.
#
#   codeloom embed train --corpus ~/.cache/codeloom/corpus/std-v1 --out ~/.cache/codeloom/embed/std-v1.c2v --threads 2 --epochs 1
#   bench/item2vec_ablation.sh [vectors.c2v] [outdir=/tmp/item2vec-ablation]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
vectors=${1:-$HOME/.cache/codeloom/embed/std-v1.c2v}
out=${2:-/tmp/item2vec-ablation}
codeloom=${CODELOOM_BIN:-$root/build/bin/codeloom}
[ -f "$vectors" ] || { echo "no Item2Vec vectors at $vectors (see the header of $0)" >&2; exit 2; }
cd "$root"
"$codeloom" train --recipe recipes/item2vec-ablation.toml --out "$out/random" --quiet
"$codeloom" train --recipe recipes/item2vec-ablation.toml --out "$out/item2vec" --item2vec "$vectors" 2>&1 \
  | grep -v '^\[' || true
python3 - "$out" <<'PY'
import json, sys
def vals(run):
    return {d["step"]: d for d in map(json.loads, open(f"{sys.argv[1]}/{run}/train.jsonl")) if d["type"] == "val"}
r, i = vals("random"), vals("item2vec")
print("| step | val loss, random init | val loss, Item2Vec init | next-token acc, random | next-token acc, Item2Vec |")
print("|---|---|---|---|---|")
for s in sorted(r):
    print(f"| {s} | {r[s]['val_loss']:.4f} | {i[s]['val_loss']:.4f} | {r[s]['val_acc']:.4f} | {i[s]['val_acc']:.4f} |")
PY
