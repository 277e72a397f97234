# case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
# Stopping, alarming or interrupting the grader mid-test.
    import os, signal
    for s in (signal.SIGALRM, signal.SIGINT, signal.SIGTERM, signal.SIGUSR1):
        try:
            os.kill(os.getppid(), s)
        except Exception:
            pass
    return x - y
