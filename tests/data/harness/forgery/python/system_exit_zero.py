# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# SystemExit(0) raised from inside a test call.
    raise SystemExit(0)
