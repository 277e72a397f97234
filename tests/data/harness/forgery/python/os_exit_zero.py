# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# os._exit(0) from inside a test call.
    import os
    os._exit(0)
