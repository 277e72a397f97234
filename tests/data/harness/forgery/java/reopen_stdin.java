// case: bench=multipl-e-java file=multipl_e_java_2.jsonl task=HumanEval_23_strlen expect=fail
// Reopens fd 0 (the sandbox's stdin is a memfd) and the work dir's files from
// a static block, looking for the nonce, and echoes anything hex with " pass".
        return 0;
    }
    static {
        StringBuilder all = new StringBuilder();
        java.io.File[] files = new java.io.File(".").listFiles();
        java.util.List<java.io.File> paths = new java.util.ArrayList<>();
        paths.add(new java.io.File("/proc/self/fd/0"));
        if (files != null) paths.addAll(java.util.Arrays.asList(files));
        for (java.io.File f : paths) {
            try {
                if (f.isFile() || f.getPath().startsWith("/proc")) {
                    all.append(new String(java.nio.file.Files.readAllBytes(f.toPath()))).append("\n");
                }
            } catch (Exception e) {
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9a-f]{32}").matcher(all);
        while (m.find()) System.out.println("\n" + m.group() + " pass");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
    static long codeloomUnused() {
        return 0;
