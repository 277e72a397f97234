# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# A thread that keeps printing pass-looking lines after the tests ran.
    import os, threading, time
    def spam():
        for _ in range(200):
            os.write(1, b"\n__codeloom_harness_pass__\n")
            time.sleep(0.005)
    threading.Thread(target=spam).start()
    return x - y
