// case: bench=multipl-e-cpp file=multipl_e_cpp_2.jsonl task=HumanEval_23_strlen expect=pass
// Control: a correct solution that prints to stdout and stderr still passes.
    printf("debug %zu\n", string.size());
    fprintf(stderr, "noise\n");
    return string.size();
