// case: bench=multipl-e-cpp file=multipl_e_cpp_2.jsonl task=HumanEval_23_strlen expect=fail
// Prints the old marker and leaves without running the rest of the tests.
    printf("\n__codeloom_harness_pass__\n");
    fflush(stdout);
    _exit(0);
