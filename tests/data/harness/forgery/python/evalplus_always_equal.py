# case: bench=humanevalplus file=humanevalplus_3.jsonl task=HumanEval/53 expect=fail
# EvalPlus: an __eq__-always-true result (exact_match = out == exp would say yes).
    class AlwaysEqual(int):
        def __eq__(self, other):
            return True
        __hash__ = int.__hash__
    return AlwaysEqual(-1)
