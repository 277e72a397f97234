// MultiPL-E HumanEval-Java (reworded): javac + java in the sandbox, with a
// minimal org.javatuples (Pair, Unit: the only classes the records use),
// since the real jar is not installed. Grading (docs/evaluation.md): a trusted
// launcher reads the job's nonce (from a file it deletes; not stdin, whose fd
// the JVM cannot replace) into two primitive locals before
// any candidate class loads, loads the trusted classes first (so the candidate
// cannot replace their class files at run time), runs Problem.main and writes
// "<nonce> pass" only when it returned. The tests' assert()s and equals()
// calls go through a Grader class in a package named per job at random
// (java_rewrite.h): the completion, written before the job existed, cannot
// declare anything that shadows it.
#include "codeloom/harness/registry.h"
#include "grading.h"
#include "java_rewrite.h"
#include "multipl_e_common.h"

namespace codeloom::harness {

namespace {

// The launcher; PKG is the job's random Grader package.
constexpr const char* kLauncher = R"(public class Main {
  public static void main(String[] args) throws Throwable {
    // Not stdin: the JVM cannot replace fd 0, and /proc/self/fd/0 would
    // reopen it from the start. The file is gone before any candidate class loads.
    java.io.File file = new java.io.File("codeloom_nonce");
    byte[] b = new byte[64];
    int n = 0, r;
    try (java.io.FileInputStream in = new java.io.FileInputStream(file)) {
      while (n < b.length && (r = in.read(b, n, b.length - n)) > 0) n += r;
    }
    if (!file.delete()) {
      System.err.println("codeloom grader: cannot remove the nonce file");
      Runtime.getRuntime().halt(3);
    }
    long hi = 0, lo = 0;
    for (int i = 0; i < 32; ++i) {
      int d = i < n ? Character.digit(b[i], 16) : -1;
      if (d < 0) {
        System.err.println("codeloom grader: no grading nonce");
        Runtime.getRuntime().halt(3);
      }
      if (i < 16) hi = (hi << 4) | d; else lo = (lo << 4) | d;
    }
    java.util.Arrays.fill(b, (byte) 0);
    java.io.FileOutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out);
    ClassLoader cl = ClassLoader.getSystemClassLoader();
    for (String trusted : new String[] {"PKG.Grader", "org.javatuples.Pair", "org.javatuples.Unit"}) {
      Class.forName(trusted, true, cl);
    }
    Class<?> c = Class.forName("Problem", true, cl);
    try {
      c.getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
    out.write(String.format("\n%016x%016x pass\n", hi, lo).getBytes("US-ASCII"));
    out.flush();
    Runtime.getRuntime().halt(0);  // no shutdown hook or thread of the candidate runs after the verdict
  }
}
)";

// check() replaces assert(); same() replaces X.equals(Y): only JDK classes
// (bootstrap loader) and the trusted javatuples, all the way down, may be
// compared, so a result class with its own equals() is a failure.
constexpr const char* kGrader = R"(package PKG;
public final class Grader {
  private Grader() {}
  public static void check(boolean ok) {
    if (!ok) throw new AssertionError("a test failed");
  }
  public static boolean same(Object got, Object want) {
    String bad = untrusted(got, 0);
    if (bad != null) throw new AssertionError("the candidate returned a " + bad + ", not a JDK value");
    return got == null ? want == null : got.equals(want);
  }
  private static String untrusted(Object o, int depth) {
    if (o == null) return null;
    if (depth > 64) return "value nested too deeply";
    Class<?> c = o.getClass();
    if (c == org.javatuples.Pair.class) {
      org.javatuples.Pair<?, ?> p = (org.javatuples.Pair<?, ?>) o;
      String a = untrusted(p.getValue0(), depth + 1);
      return a != null ? a : untrusted(p.getValue1(), depth + 1);
    }
    if (c == org.javatuples.Unit.class) return untrusted(((org.javatuples.Unit<?>) o).getValue0(), depth + 1);
    if (c.getClassLoader() != null) return c.getName();
    if (o instanceof java.util.Map) {
      for (java.util.Map.Entry<?, ?> e : ((java.util.Map<?, ?>) o).entrySet()) {
        String a = untrusted(e.getKey(), depth + 1);
        if (a == null) a = untrusted(e.getValue(), depth + 1);
        if (a != null) return a;
      }
    } else if (o instanceof java.util.Map.Entry) {
      java.util.Map.Entry<?, ?> e = (java.util.Map.Entry<?, ?>) o;
      String a = untrusted(e.getKey(), depth + 1);
      return a != null ? a : untrusted(e.getValue(), depth + 1);
    } else if (o instanceof Iterable) {
      for (Object x : (Iterable<?>) o) {
        String a = untrusted(x, depth + 1);
        if (a != null) return a;
      }
    } else if (o instanceof java.util.Optional) {
      return untrusted(((java.util.Optional<?>) o).orElse(null), depth + 1);
    } else if (o instanceof Object[]) {
      for (Object x : (Object[]) o) {
        String a = untrusted(x, depth + 1);
        if (a != null) return a;
      }
    }
    return null;
  }
}
)";

std::string with_package(std::string text, const std::string& pkg) {
  for (std::size_t at = text.find("PKG"); at != std::string::npos; at = text.find("PKG", at + pkg.size())) {
    text.replace(at, 3, pkg);
  }
  return text;
}

constexpr const char* kPair = R"(package org.javatuples;
public final class Pair<A, B> {
  private final A a; private final B b;
  public Pair(A a, B b) { this.a = a; this.b = b; }
  public static <A, B> Pair<A, B> with(A a, B b) { return new Pair<A, B>(a, b); }
  public A getValue0() { return a; }
  public B getValue1() { return b; }
  @Override public boolean equals(Object o) {
    if (!(o instanceof Pair)) return false;
    Pair<?, ?> p = (Pair<?, ?>) o;
    return java.util.Objects.equals(a, p.a) && java.util.Objects.equals(b, p.b);
  }
  @Override public int hashCode() { return java.util.Objects.hash(a, b); }
  @Override public String toString() { return "[" + a + ", " + b + "]"; }
}
)";

constexpr const char* kUnit = R"(package org.javatuples;
public final class Unit<A> {
  private final A a;
  public Unit(A a) { this.a = a; }
  public static <A> Unit<A> with(A a) { return new Unit<A>(a); }
  public A getValue0() { return a; }
  @Override public boolean equals(Object o) {
    return o instanceof Unit && java.util.Objects.equals(a, ((Unit<?>) o).a);
  }
  @Override public int hashCode() { return java.util.Objects.hashCode(a); }
  @Override public String toString() { return "[" + a + "]"; }
}
)";

}  // namespace

Benchmark multipl_e_java_benchmark() {
  Benchmark b;
  b.name = "multipl-e-java";
  b.title = "MultiPL-E HumanEval translated to Java (158 problems, no reference solutions)";
  b.default_file = "multipl-e/humaneval-java.jsonl";
  b.default_sha256 = "b21b015763452ec4f9f4e0e6425148ec331ace4da1232c8b4d441186185f6265";
  b.language = sandbox::Language::kJava;
  b.parse = detail::parse_multipl_e;
  b.make_job = [](const Problem& p, const std::string& completion, const JobContext&) {
    GradedJob g;
    g.nonce = detail::grading_nonce();
    // A second secret: the Grader's package, unknown when the completion was written.
    std::string pkg = detail::grading_nonce();
    pkg[0] = 'g';  // a Java identifier: a letter first, then 31 hex digits
    sandbox::Job& job = g.job;
    job.language = sandbox::Language::kJava;
    job.files = {{"Main.java", with_package(kLauncher, pkg)},
                 {"Problem.java", p.prompt + completion + detail::rewrite_java_checks(p.test, pkg + ".Grader")},
                 {pkg + "/Grader.java", with_package(kGrader, pkg)},
                 {"org/javatuples/Pair.java", kPair},
                 {"org/javatuples/Unit.java", kUnit},
                 {"codeloom_nonce", g.nonce + "\n"}};
    job.entry = "Main.java";
    job.java_main_class = "Main";
    job.limits.wall_timeout = std::chrono::milliseconds(15000);
    return g;
  };
  b.judge = detail::judge_nonce;
  // Compiles whatever the return type is.
  b.wrong_completion = [](const Problem&) {
    return std::string("        throw new UnsupportedOperationException(\"wrong on purpose\");\n");
  };
  return b;
}

}  // namespace codeloom::harness
