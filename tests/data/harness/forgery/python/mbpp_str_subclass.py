# case: bench=mbpp file=mbpp_3.jsonl task=Mbpp/11 expect=fail
# A str subclass whose __eq__ is always true, in an MBPP (top-level asserts) test.
class Sly(str):
    def __eq__(self, other):
        return True
    __hash__ = str.__hash__
def remove_Occ(s, ch):
    return Sly("")
