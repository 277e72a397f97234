#!/usr/bin/env python3
"""Reference for `codeloom embed train`: gensim's Word2Vec (Cython) on the same token file.

Trains skip-gram with negative sampling with the hyper-parameters codeloom uses
(sg=1, hs=0, negative=10, window=5, vector_size=256, sample=1e-3, min_count=5),
times build_vocab and train separately, prints one JSON line with words/s and
writes the vectors in word2vec text format so `codeloom embed score` can score
them with the same code as codeloom's own model.

Setup (not committed: gensim comes from PyPI):
    python3 -m venv ~/.cache/codeloom/venv-gensim
    ~/.cache/codeloom/venv-gensim/bin/pip install gensim==4.4.0
Usage:
    ~/.cache/codeloom/venv-gensim/bin/python bench/reference/gensim_word2vec.py \
        --tokens tokens.txt --workers 2 --epochs 1 --text-out gensim.txt
"""
import argparse
import json
import sys
import time

from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence
from gensim.models.word2vec_inner import FAST_VERSION


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tokens", required=True, help="one sequence per line, tokens separated by spaces")
    p.add_argument("--text-out", help="write vectors in word2vec text format")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--dim", type=int, default=256)
    p.add_argument("--window", type=int, default=5)
    p.add_argument("--negative", type=int, default=10)
    p.add_argument("--sample", type=float, default=1e-3)
    p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--alpha", type=float, default=0.025)
    p.add_argument("--min-alpha", type=float, default=0.0001)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    if FAST_VERSION < 0:
        sys.exit("gensim has no compiled (Cython) training routines; the comparison would be meaningless")

    # Sequences in memory, as codeloom trains from memory: only training is timed.
    t0 = time.perf_counter()
    sentences = list(LineSentence(a.tokens, max_sentence_length=10**9))
    t_read = time.perf_counter() - t0
    model = Word2Vec(vector_size=a.dim, window=a.window, min_count=a.min_count, sample=a.sample, sg=1, hs=0,
                     negative=a.negative, ns_exponent=0.75, alpha=a.alpha, min_alpha=a.min_alpha,
                     workers=a.workers, seed=a.seed, epochs=a.epochs)
    t0 = time.perf_counter()
    model.build_vocab(sentences)
    t_vocab = time.perf_counter() - t0
    t0 = time.perf_counter()
    trained, raw = model.train(sentences, total_examples=model.corpus_count, epochs=a.epochs)
    t_train = time.perf_counter() - t0
    if a.text_out:
        model.wv.save_word2vec_format(a.text_out)
    print(json.dumps({
        "tool": "gensim", "version": __import__("gensim").__version__, "workers": a.workers, "epochs": a.epochs,
        "vocab": len(model.wv), "sequences": model.corpus_count, "words": raw, "trained_words": trained,
        "read_seconds": round(t_read, 3), "vocab_seconds": round(t_vocab, 3), "seconds": round(t_train, 3),
        "words_per_second": raw / t_train, "effective_words_per_second": trained / t_train,
    }))


if __name__ == "__main__":
    main()
