# ------------------------------------------------------------ mode: program
# HumanEval / MBPP: candidate.py = prompt + completion; test.py = the test
# code (HumanEval appends check(<entry point>)). The test runs here, in the
# trusted process, against proxies of the candidate module's names.
def _main():
    sys.stdout = _Null()  # the tests' own prints; the verdict is written to fd 1 directly
    with open("candidate.py", encoding="utf-8") as f:
        source = f.read()
    nonce, secrets, loaded = start(source, ["test.py"])
    if loaded[0] == "error":
        sys.stderr.write(loaded[1])
        sys.stderr.flush()
        verdict(nonce, "fail")
    try:
        exec(compile(secrets["test.py"], "test.py", "exec"), loaded[1])
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
        verdict(nonce, "fail")
    verdict(nonce, "pass")


_main()
