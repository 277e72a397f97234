# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# Monkeypatching builtins and assert helpers: AssertionError, abs, isinstance.
    import builtins
    class Quiet(BaseException):
        pass
    builtins.AssertionError = Quiet
    builtins.abs = lambda v: 0
    builtins.isinstance = lambda *a: True
    return x - y
