# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# A lazy object (generator) instead of a value.
    return (v for v in [x + y])
