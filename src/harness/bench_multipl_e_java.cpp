// MultiPL-E HumanEval-Java (reworded): javac + java in the sandbox. Two
// additions make the records runnable here: a launcher that turns on
// assertions (the tests are assert()s and the sandbox runs java without -ea)
// and a minimal org.javatuples (Pair, Unit: the only classes the records use),
// since the real jar is not installed.
#include "codeloom/harness/registry.h"
#include "multipl_e_common.h"
#include "python_job.h"

namespace codeloom::harness {

namespace {

// Problem is loaded only after assertions are switched on, so its asserts run.
constexpr const char* kLauncher = R"(public class Main {
  public static void main(String[] args) throws Throwable {
    ClassLoader cl = ClassLoader.getSystemClassLoader();
    cl.setDefaultAssertionStatus(true);
    Class<?> c = Class.forName("Problem", true, cl);
    try {
      c.getMethod("main", String[].class).invoke(null, (Object) args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
)";

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
    sandbox::Job job;
    job.language = sandbox::Language::kJava;
    job.files = {{"Main.java", kLauncher},
                 {"Problem.java", p.prompt + completion + p.test},
                 {"org/javatuples/Pair.java", kPair},
                 {"org/javatuples/Unit.java", kUnit}};
    job.entry = "Main.java";
    job.java_main_class = "Main";
    job.limits.wall_timeout = std::chrono::milliseconds(15000);
    return job;
  };
  b.judge = detail::verdict_from_outcome;
  // Compiles whatever the return type is.
  b.wrong_completion = [](const Problem&) {
    return std::string("        throw new UnsupportedOperationException(\"wrong on purpose\");\n");
  };
  return b;
}

}  // namespace codeloom::harness
