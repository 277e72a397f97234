// case: bench=multipl-e-java file=multipl_e_java_2.jsonl task=HumanEval_107_even_odd_palindrome expect=fail
// A result whose equals() is always true cannot be a Pair (final); a Pair of
// values with forged equals() is.
        return (Pair) Pair.with(new Sly(0), new Sly(0));
    }
    static final class Sly extends Number {
        final long v;
        Sly(long v) { this.v = v; }
        @Override public boolean equals(Object o) { return true; }
        @Override public int hashCode() { return 0; }
        public int intValue() { return 0; }
        public long longValue() { return 0; }
        public float floatValue() { return 0; }
        public double doubleValue() { return 0; }
    }
    static Pair<Long, Long> codeloomUnused() {
        return null;
