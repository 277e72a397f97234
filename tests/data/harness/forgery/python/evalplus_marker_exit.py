# case: bench=humanevalplus file=humanevalplus_3.jsonl task=HumanEval/53 expect=fail
# EvalPlus: printing the old summary line as passing, then exiting.
    import os
    os.write(1, b'\n__codeloom_evalplus__ {"base": "pass", "plus": "pass", "detail": ""}\n')
    os._exit(0)
