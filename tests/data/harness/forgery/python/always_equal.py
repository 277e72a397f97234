# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# Issue 17 (d): an object whose __eq__ is always true.
    class AlwaysEqual:
        def __eq__(self, other):
            return True
        def __ne__(self, other):
            return False
        __hash__ = object.__hash__
    return AlwaysEqual()
