#!/usr/bin/env python3
"""Runs the reference implementations on the eval pair sets and writes golden files.

References (never copied into the repo; imported from where they live):
  - CodeXGLUE bleu.py   ~/.cache/codeloom/reference/codexglue/Code-Code/code-to-code-trans/evaluator/
  - human-eval          ~/.cache/codeloom/reference/human-eval (estimate_pass_at_k, needs numpy)
  - codebleu==0.7.0     from PyPI, run on py-tree-sitter 0.25.2 with the grammar versions codeloom
                        builds (python 0.25.0, java 0.23.5, cpp 0.23.4); see docs/metrics.md for why.
  - numpy.percentile    (method="linear") for the latency percentiles

Setup (once, outside the repo):
  python3 -m venv ~/.cache/codeloom/venv-eval25
  ~/.cache/codeloom/venv-eval25/bin/pip install numpy tree-sitter==0.25.2 tree-sitter-python==0.25.0 \
      tree-sitter-java==0.23.5 tree-sitter-cpp==0.23.4
  ~/.cache/codeloom/venv-eval25/bin/pip install --no-deps codebleu==0.7.0
Usage:
  ~/.cache/codeloom/venv-eval25/bin/python bench/reference/make_golden.py
"""
import json
import logging
import os
import platform
import random
import sys
import tempfile
from importlib import metadata
from pathlib import Path

REF = Path.home() / ".cache/codeloom/reference"
sys.path.insert(0, str(REF / "codexglue/Code-Code/code-to-code-trans/evaluator"))
sys.path.insert(0, str(REF / "human-eval"))

import numpy as np  # noqa: E402
import bleu as cxg_bleu  # noqa: E402  (CodeXGLUE evaluator/bleu.py)
from human_eval.evaluation import estimate_pass_at_k  # noqa: E402
from codebleu import calc_codebleu  # noqa: E402
import codebleu.dataflow_match  # noqa: E402
import codebleu.parser.DFG  # noqa: E402


class InsertionOrderedSet:
    """Stand-in for set() inside codebleu's data-flow code.

    codebleu builds variable-name lists with list(set(names)); the order of a str set
    depends on PYTHONHASHSEED, and the normalized data-flow edges (hence the score)
    depend on that order: across 3 hash seeds 5 of our 630 pairs changed by up to 0.33.
    Golden files use first-seen order instead, which codeloom implements.
    """

    def __init__(self, items=()):
        self._d = dict.fromkeys(items)

    def add(self, x):
        self._d[x] = None

    def __contains__(self, x):
        return x in self._d

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


codebleu.parser.DFG.set = InsertionOrderedSet
codebleu.dataflow_match.set = InsertionOrderedSet

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests/data/eval"
LANGS = ["python", "java", "cpp"]


def versions():
    v = {"python": platform.python_version(), "numpy": np.__version__}
    for pkg in ["codebleu", "tree-sitter", "tree-sitter-python", "tree-sitter-java", "tree-sitter-cpp"]:
        v[pkg] = metadata.version(pkg)
    v["codexglue_bleu"] = "CodeXGLUE Code-Code/code-to-code-trans/evaluator/bleu.py (_bleu, compute_bleu smooth=True)"
    v["human_eval"] = "human_eval/evaluation.py estimate_pass_at_k"
    v["codebleu_set_order"] = "insertion-ordered set() patched into codebleu.parser.DFG and codebleu.dataflow_match"
    return v


def load_pairs(lang):
    with open(DATA / f"pairs_{lang}.jsonl") as f:
        return [json.loads(l) for l in f]


def codexglue(refs, hyps):
    """Corpus BLEU through bleu._bleu's own file reading, plus the unrounded compute_bleu."""
    with tempfile.TemporaryDirectory() as d:
        rp, hp = Path(d) / "ref.txt", Path(d) / "hyp.txt"
        # One segment per line, as CodeXGLUE's files are (newlines inside code become spaces).
        rp.write_text("".join(" ".join(r.split()) + "\n" for r in refs))
        hp.write_text("".join(" ".join(h.split()) + "\n" for h in hyps))
        rounded = cxg_bleu._bleu(str(rp), str(hp))
    score, prec, bp, ratio, tl, rl = cxg_bleu.compute_bleu(
        [[r.strip().split()] for r in refs], [h.strip().split() for h in hyps], 4, True)
    return {"bleu_x100_rounded": rounded, "bleu": score, "precisions": prec, "brevity_penalty": bp,
            "ratio": ratio, "translation_length": tl, "reference_length": rl}


def bleu_golden():
    out = {"versions": versions(), "languages": {}}
    for lang in LANGS:
        pairs = load_pairs(lang)
        refs = [p["reference"] for p in pairs]
        hyps = [p["candidate"] for p in pairs]
        per_pair = []
        for p in pairs:
            s, _, _, _, _, _ = cxg_bleu.compute_bleu([[p["reference"].strip().split()]],
                                                     [p["candidate"].strip().split()], 4, True)
            per_pair.append({"id": p["id"], "bleu": s})
        out["languages"][lang] = {"corpus": codexglue(refs, hyps), "pairs": per_pair}
    return out


def codebleu_golden(lang):
    pairs = load_pairs(lang)
    keys = ["codebleu", "ngram_match_score", "weighted_ngram_match_score", "syntax_match_score",
            "dataflow_match_score"]
    per_pair = []
    for p in pairs:
        r = calc_codebleu([p["reference"]], [p["candidate"]], lang)
        per_pair.append({"id": p["id"], **{k: float(r[k]) for k in keys}})
    corpus = calc_codebleu([p["reference"] for p in pairs], [p["candidate"] for p in pairs], lang)
    return {"versions": versions(), "language": lang,
            "corpus": {k: float(corpus[k]) for k in keys}, "pairs": per_pair}


def pass_at_k_golden():
    rng = random.Random(7)
    rows = []
    for i in range(1500):
        n = rng.choice([1, 2, 5, 10, 20, 50, 100, 200, 1000]) if i % 3 else rng.randint(1, 300)
        c = rng.randint(0, n)
        k = rng.randint(1, n)
        rows.append({"n": n, "c": c, "k": k, "pass_at_k": float(estimate_pass_at_k([n], [c], k)[0])})
    return {"versions": versions(), "triples": rows}


def percentile_golden():
    rng = random.Random(11)
    cases = []
    for i in range(40):
        size = rng.choice([1, 2, 3, 7, 10, 33, 101])
        xs = [rng.lognormvariate(3, 1) for _ in range(size)]
        qs = [50, 90, 95, 99, 0, 100, 12.5]
        cases.append({"values": xs, "q": qs,
                      "expected": [float(np.percentile(xs, q, method="linear")) for q in qs]})
    return {"versions": versions(), "cases": cases}


def dump(name, obj):
    path = DATA / name
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))  # compact: the files live in the repo
        f.write("\n")
    print(path, os.path.getsize(path))


def main():
    logging.disable(logging.WARNING)  # codebleu warns once per pair without data flow
    dump("golden_bleu.json", bleu_golden())
    dump("golden_pass_at_k.json", pass_at_k_golden())
    dump("golden_percentiles.json", percentile_golden())
    for lang in LANGS:
        dump(f"golden_codebleu_{lang}.json", codebleu_golden(lang))


if __name__ == "__main__":
    main()
