// case: bench=multipl-e-java file=multipl_e_java_2.jsonl task=HumanEval_23_strlen expect=fail
// System.exit(0) from inside the method under test.
        System.exit(0);
        return 0;
