# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# Issue 17 (a): the old fixed pass marker written straight to fd 1, then exit.
    import os
    os.write(1, b"\n__codeloom_harness_pass__\n")
    os._exit(0)
