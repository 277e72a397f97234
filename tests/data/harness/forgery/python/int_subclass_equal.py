# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# An int subclass (passes isinstance checks) whose __eq__ is always true.
    class Sly(int):
        def __eq__(self, other):
            return True
        __hash__ = int.__hash__
    return Sly(0)
