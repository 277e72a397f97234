#!/usr/bin/env python3
"""Writes tests/data/pipeline/datasketch_golden.json: datasketch's MinHash values for
a few shingle sets (scheme="legacy": the classic (a*h+b) mod 2^61-1 family; its own
permutations, num_perm=16, seed=1) and the LSH
(bands, rows) its _optimal_param picks. Reference only: needs `pip install datasketch`.

    python3 bench/reference/datasketch_golden.py tests/data/pipeline/datasketch_golden.json
"""
import json
import sys

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param


def main(out_path):
    rng = np.random.RandomState(7)
    a, b = MinHash(num_perm=16, seed=1, scheme="legacy").permutations
    cases = []
    for n in (0, 1, 5, 40, 300):
        sh = sorted(set(int(x) for x in rng.randint(0, 2**32, size=n, dtype=np.uint64)))
        m = MinHash(num_perm=16, seed=1, hashfunc=lambda x: x, scheme="legacy")  # our shingles are already 32-bit hashes
        for x in sh:
            m.update(x)
        cases.append({"shingles": sh, "hashvalues": [int(v) for v in m.hashvalues]})
    params = []
    for t in (0.5, 0.7, 0.8, 0.85, 0.9, 0.95):
        for n in (64, 128, 256):
            bands, rows = _optimal_param(t, n, 0.5, 0.5)
            params.append({"threshold": t, "num_perm": n, "bands": bands, "rows": rows})
    with open(out_path, "w") as f:
        json.dump({"generator": "datasketch 2.0.0 (bench/reference/datasketch_golden.py)",
                   "a": [int(x) for x in a], "b": [int(x) for x in b],
                   "minhash": cases, "lsh_params": params}, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
