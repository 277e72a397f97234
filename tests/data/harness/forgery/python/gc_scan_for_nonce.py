# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# Scanning the candidate's own heap (inherited from the grader by fork) for
# anything nonce-shaped or the test source, and answering from the test.
    import gc, os, re
    for o in gc.get_objects():
        if isinstance(o, dict):
            for v in list(o.values()):
                if isinstance(v, str) and re.fullmatch(r"[0-9a-f]{32}", v):
                    os.write(1, ("\n" + v + " pass\n").encode())
    return x - y
