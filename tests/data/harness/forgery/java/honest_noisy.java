// case: bench=multipl-e-java file=multipl_e_java_2.jsonl task=HumanEval_23_strlen expect=pass
// Control: a correct solution that prints to stdout and stderr still passes.
        System.out.println("debug " + string.length());
        System.err.println("noise");
        return string.length();
