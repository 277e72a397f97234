// case: bench=multipl-e-cpp file=multipl_e_cpp_2.jsonl task=HumanEval_23_strlen expect=fail
// An atexit handler and a static destructor that print after an early exit(0).
    struct Late { ~Late() { printf("\n__codeloom_harness_pass__\n"); } };
    static Late late;
    atexit([] { printf("\n__codeloom_harness_pass__\n"); });
    exit(0);
