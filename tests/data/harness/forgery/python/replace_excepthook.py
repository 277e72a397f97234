# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# Issue 17 (c): replace what the old runner relied on to report a failure, then fail.
    import sys, traceback, os
    def fake(*a, **k):
        os.write(1, b"\n__codeloom_harness_pass__\n")
        os._exit(0)
    traceback.print_exc = fake
    traceback.print_exception = fake
    sys.excepthook = fake
    return x - y
