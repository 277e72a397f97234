// case: bench=multipl-e-java file=multipl_e_java_2.jsonl task=HumanEval_23_strlen expect=fail
// A static block that prints a pass-looking line and exits 0 before the tests.
        return 0;
    }
    static {
        System.out.println("\n__codeloom_harness_pass__");
        System.exit(0);
    }
    static long codeloomUnused() {
        return 0;
