#!/usr/bin/env python3
"""datasketch on the shingles bench/data_minhash.cpp dumped: same permutations
(scheme="legacy"), same num_perm, threshold and LSH weights. Compares candidate
pairs with codeloom's and times MinHash + LSH (insert + query) side by side.
Reference only, never a build dependency:

    python3 -m venv /tmp/dsvenv && /tmp/dsvenv/bin/pip install datasketch
    build/bin/data_minhash --out /tmp/mh /usr/lib/python3.11
    /tmp/dsvenv/bin/python bench/reference/datasketch_compare.py /tmp/mh
"""
import json
import os
import sys
import time

import numpy as np
from datasketch import MinHash, MinHashLSH


def main(d):
    p = json.load(open(os.path.join(d, "params.json")))
    docs = [[int(x) for x in line.split()] for line in open(os.path.join(d, "shingles.txt"))]
    ours = set()
    for line in open(os.path.join(d, "pairs.txt")):
        a, b = line.split()
        ours.add((int(a), int(b)))
    perms = (np.array(p["a"], dtype=np.uint64), np.array(p["b"], dtype=np.uint64))

    t0 = time.perf_counter()
    sigs = []
    for sh in docs:
        m = MinHash(num_perm=p["num_perm"], hashfunc=lambda x: x, permutations=perms, scheme="legacy")
        m.update_batch(sh)
        sigs.append(m)
    t1 = time.perf_counter()
    lsh = MinHashLSH(threshold=p["threshold"], num_perm=p["num_perm"],
                     weights=(p["fp_weight"], p["fn_weight"]))
    for i, m in enumerate(sigs):
        lsh.insert(i, m)
    theirs = set()
    for i, m in enumerate(sigs):
        for j in lsh.query(m):
            if j != i:
                theirs.add((min(i, j), max(i, j)))
    t2 = time.perf_counter()

    diff = len(ours ^ theirs)
    print(f"docs {len(docs)}, datasketch bands x rows {lsh.b} x {lsh.r} (codeloom {p['bands']} x {p['rows']})")
    print(f"candidate pairs: codeloom {len(ours)}, datasketch {len(theirs)}, common {len(ours & theirs)}, "
          f"symmetric difference {diff} ({100.0 * diff / max(1, len(theirs)):.3f}%)")
    print(f"datasketch: minhash {t1 - t0:.3f} s, minhash+lsh {t2 - t0:.3f} s")
    print(f"codeloom:   minhash {p['seconds_minhash']:.3f} s, minhash+lsh {p['seconds_minhash_lsh']:.3f} s")
    print(f"speed-up (minhash+lsh): {(t2 - t0) / max(1e-9, p['seconds_minhash_lsh']):.1f}x")
    return 0 if diff <= 0.01 * max(1, len(theirs)) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
