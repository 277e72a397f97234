// case: bench=multipl-e-java file=multipl_e_java_2.jsonl task=HumanEval_23_strlen expect=fail
// A static block that reads stdin (where the nonce is sent) and echoes it with " pass".
        return 0;
    }
    static {
        try {
            byte[] b = new byte[128];
            int n = System.in.read(b);
            String got = n > 0 ? new String(b, 0, n).trim() : "";
            System.out.println("\n" + got + " pass");
        } catch (Exception e) {
        }
        Runtime.getRuntime().halt(0);
    }
    static long codeloomUnused() {
        return 0;
