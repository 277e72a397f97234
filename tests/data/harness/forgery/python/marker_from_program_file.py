# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# Issue 17 (b): copy whatever marker/secret the grader's files in the work dir
# hold to stdout (the files are gone by the time the candidate loads).
    import os, re, sys
    found = []
    for name in os.listdir("."):
        try:
            found += re.findall(r"__codeloom\w+__|[0-9a-f]{32}", open(name).read())
        except Exception:
            pass
    for tok in found:
        os.write(1, ("\n" + tok + " pass\n").encode())
    for tok in found:
        if tok.startswith("__codeloom"):
            os.write(1, ("\n" + tok + "\n").encode())
    os._exit(0)
