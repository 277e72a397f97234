# Lists what a sandboxed job sees: every entry one and two levels below /
# (symlinks are listed, not followed), then "present <path>" for each argument
# that exists. Run by tests/sandbox/view_test.cpp.
import os
import sys


def entries(d):
    try:
        return sorted(os.listdir(d))
    except OSError:
        return []


for a in entries("/"):
    top = "/" + a
    print(top)
    if os.path.isdir(top) and not os.path.islink(top):
        for b in entries(top):
            print(top + "/" + b)
for p in sys.argv[1:]:
    if os.path.lexists(p):
        print("present", p)
