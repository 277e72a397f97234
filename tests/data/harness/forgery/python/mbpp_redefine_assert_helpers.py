# case: bench=mbpp file=mbpp_3.jsonl task=Mbpp/11 expect=fail
# Module-level tricks in an MBPP solution: exit at import time after faking the marker.
import os, sys
os.write(1, b"\n__codeloom_harness_pass__\n")
def remove_Occ(s, ch):
    return s
sys.exit(0)
