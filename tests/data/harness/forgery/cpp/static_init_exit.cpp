// case: bench=multipl-e-cpp file=multipl_e_cpp_2.jsonl task=HumanEval_23_strlen expect=fail
// A static initialiser that prints a pass-looking line and exits 0 before main.
    return 0;
}
static int codeloom_forge = []() {
    printf("\n__codeloom_harness_pass__\n");
    fflush(stdout);
    exit(0);
    return 0;
}();
long codeloom_unused_fn() {
    return 0;
