# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=pass
# Control: a correct solution that prints, writes files and starts a thread must still pass.
    import os, sys, threading
    print("debug", x, y)
    sys.stderr.write("noise\n")
    open("scratch.txt", "w").write("x")
    threading.Thread(target=lambda: None, daemon=True).start()
    return x + y
