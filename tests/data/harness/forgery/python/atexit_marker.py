# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# An atexit hook that prints pass-looking lines after the process exits early.
    import atexit, os, sys
    atexit.register(lambda: os.write(1, b"\n__codeloom_harness_pass__\n"))
    sys.exit(0)
