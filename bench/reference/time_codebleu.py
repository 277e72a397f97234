#!/usr/bin/env python3
"""Wall time of the codebleu 0.7.0 package on the eval pair sets (same calls as
bench/eval_codebleu.cpp: every pair on its own, then the whole set as one corpus).

Usage: ~/.cache/codeloom/venv-eval25/bin/python bench/reference/time_codebleu.py [--repeat 3]
"""
import argparse
import json
import logging
import time
from pathlib import Path

from codebleu import calc_codebleu

DATA = Path(__file__).resolve().parents[2] / "tests/data/eval"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    print(f"{'language':8} {'pairs':>6} {'pair_wall_ms':>12} {'pair_cpu_ms':>12} {'corp_wall_ms':>12} "
          f"{'corp_cpu_ms':>12} {'codebleu':>10}")
    for lang in ["python", "java", "cpp"]:
        pairs = [json.loads(l) for l in open(DATA / f"pairs_{lang}.jsonl")]
        refs = [p["reference"] for p in pairs]
        hyps = [p["candidate"] for p in pairs]
        best_pair = best_corpus = cpu_pair = cpu_corpus = float("inf")
        for _ in range(args.repeat):
            c0, t0 = time.process_time(), time.perf_counter()
            for r, h in zip(refs, hyps):
                calc_codebleu([r], [h], lang)
            c1, t1 = time.process_time(), time.perf_counter()
            score = calc_codebleu(refs, hyps, lang)["codebleu"]
            c2, t2 = time.process_time(), time.perf_counter()
            cpu_pair = min(cpu_pair, (c1 - c0) * 1e3)
            cpu_corpus = min(cpu_corpus, (c2 - c1) * 1e3)
            best_pair = min(best_pair, (t1 - t0) * 1e3)
            best_corpus = min(best_corpus, (t2 - t1) * 1e3)
        print(f"{lang:8} {len(pairs):6d} {best_pair:12.1f} {cpu_pair:12.1f} {best_corpus:12.1f} "
              f"{cpu_corpus:12.1f} {score:10.6f}")


if __name__ == "__main__":
    main()
