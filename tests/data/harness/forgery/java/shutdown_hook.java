// case: bench=multipl-e-java file=multipl_e_java_2.jsonl task=HumanEval_23_strlen expect=fail
// A shutdown hook that prints after an early System.exit(0).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("\n__codeloom_harness_pass__")));
        System.exit(0);
        return 0;
