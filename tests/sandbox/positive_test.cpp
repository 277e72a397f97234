// Well-behaved programs: the sandbox must run them faithfully.
#include <gtest/gtest.h>

#include <random>

#include "codeloom/sandbox/sandbox.h"
#include "test_util.h"

namespace codeloom::sandbox {
namespace {

using testing::python_job;
using testing::shared_sandbox;

TEST(SandboxPositive, PythonAssertsPass) {
  Result<JobResult> r = shared_sandbox().run(python_job(
      "def add(a, b):\n    return a + b\n\nassert add(2, 3) == 5\nassert add(-1, 1) == 0\nprint('ok')\n"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->outcome, Outcome::kPass) << r->detail << r->stderr_data;
  EXPECT_EQ(r->stdout_data, "ok\n");
  EXPECT_EQ(r->exit_code, 0);
}

TEST(SandboxPositive, WrongPythonFailsWithAssertionError) {
  Result<JobResult> r = shared_sandbox().run(python_job(
      "def add(a, b):\n    return a - b\n\nassert add(2, 3) == 5, 'add is wrong'\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kFail);
  EXPECT_EQ(r->exit_code, 1);
  EXPECT_NE(r->stderr_data.find("AssertionError: add is wrong"), std::string::npos) << r->stderr_data;
}

TEST(SandboxPositive, StdinIsPassed) {
  Job j = python_job("import sys\ndata = sys.stdin.read()\nprint(sum(int(x) for x in data.split()))\n");
  j.stdin_data = "1 2 3\n40\n";
  Result<JobResult> r = shared_sandbox().run(j);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kPass) << r->stderr_data;
  EXPECT_EQ(r->stdout_data, "46\n");
}

TEST(SandboxPositive, CppWithAssertsPassesAndFails) {
  Job j;
  j.language = Language::kCpp;
  j.files = {{"main.cpp",
              "#include <cassert>\n#include <cstdio>\n#include <vector>\n"
              "int sum(const std::vector<int>& v) { int s = 0; for (int x : v) s += x; return s; }\n"
              "int main() { assert(sum({1, 2, 3}) == 6); std::printf(\"sum ok\\n\"); return 0; }\n"}};
  j.limits.wall_timeout = std::chrono::milliseconds(5000);
  Result<JobResult> r = shared_sandbox().run(j);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kPass) << r->detail << r->stderr_data;
  EXPECT_EQ(r->stdout_data, "sum ok\n");
  EXPECT_GT(r->compile_time.count(), 0);

  j.files[0].content = "#include <cassert>\nint main() { assert(1 + 1 == 3); }\n";
  r = shared_sandbox().run(j);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kFail);
  EXPECT_EQ(r->signal_name, "SIGABRT");
  EXPECT_NE(r->stderr_data.find("Assertion"), std::string::npos) << r->stderr_data;
}

TEST(SandboxPositive, CppCompileErrorIsErrorWithCompilerMessage) {
  Job j;
  j.language = Language::kCpp;
  j.files = {{"main.cpp", "int main() { return undefined_name; }\n"}};
  Result<JobResult> r = shared_sandbox().run(j);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kError);
  EXPECT_NE(r->stderr_data.find("undefined_name"), std::string::npos) << r->stderr_data;
  EXPECT_NE(r->detail.find("compilation failed"), std::string::npos);
}

TEST(SandboxPositive, JavaMainRuns) {
  Job j;
  j.language = Language::kJava;
  j.files = {{"Main.java",
              "public class Main {\n"
              "  static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n"
              "  public static void main(String[] a) {\n"
              "    if (fib(20) != 6765) throw new AssertionError();\n"
              "    System.out.println(\"fib \" + fib(20));\n  }\n}\n"}};
  j.limits.wall_timeout = std::chrono::milliseconds(10000);
  Result<JobResult> r = shared_sandbox().run(j);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kPass) << r->detail << r->stderr_data << r->stdout_data;
  EXPECT_EQ(r->stdout_data, "fib 6765\n");
}

TEST(SandboxPositive, OutputIsCappedAndMarked) {
  Job j = python_job("import sys\nsys.stdout.write('x' * 3000000)\nsys.stderr.write('e' * 10)\n");
  j.limits.max_output_bytes = 1000;
  Result<JobResult> r = shared_sandbox().run(j);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kPass) << r->stderr_data;
  EXPECT_EQ(r->stdout_data.size(), 1000u);
  EXPECT_TRUE(r->stdout_truncated);
  EXPECT_EQ(r->stderr_data, "eeeeeeeeee");
  EXPECT_FALSE(r->stderr_truncated);
}

TEST(SandboxPositive, TimingFieldsAreSane) {
  Result<JobResult> r = shared_sandbox().run(python_job(
      "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3:\n    pass\n"
      "x = bytearray(50 * 1024 * 1024)\nfor i in range(0, len(x), 4096):\n    x[i] = 1\n"));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->outcome, Outcome::kPass) << r->stderr_data;
  EXPECT_GE(r->cpu_time.count(), 280);
  EXPECT_LT(r->cpu_time.count(), 3000);
  EXPECT_GE(r->wall_time.count(), r->cpu_time.count() - 50);
  EXPECT_LT(r->wall_time.count(), 5000);
  EXPECT_GE(r->peak_memory_bytes, 50ull << 20);
  EXPECT_LT(r->peak_memory_bytes, 200ull << 20);
}

TEST(SandboxPositive, ArgsAndFilesInSubdirectories) {
  Job j = python_job("import sys\nfrom lib.util import twice\nprint(twice(int(sys.argv[1])))\n");
  j.files.push_back({"lib/__init__.py", ""});
  j.files.push_back({"lib/util.py", "def twice(x):\n    return 2 * x\n"});
  j.args = {"21"};
  Result<JobResult> r = shared_sandbox().run(j);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kPass) << r->stderr_data;
  EXPECT_EQ(r->stdout_data, "42\n");
}

TEST(SandboxPositive, BadInputIsAnErrorNotACrash) {
  Job j = python_job("print(1)");
  j.files.push_back({"../escape.py", "x"});
  Result<JobResult> r = shared_sandbox().run(j);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);

  Job k = python_job("print(1)");
  k.entry = "missing.py";
  r = shared_sandbox().run(k);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("missing.py"), std::string::npos);

  Job abs = python_job("print(1)");
  abs.files[0].path = "/etc/passwd";
  EXPECT_FALSE(shared_sandbox().run(abs));
}

TEST(SandboxPositive, IsolationIsFullHere) {
  const Isolation& iso = shared_sandbox().isolation();
  EXPECT_TRUE(iso.full()) << "missing: " << iso.missing();
  EXPECT_FALSE(iso.describe().empty());
}

}  // namespace
}  // namespace codeloom::sandbox

namespace codeloom::sandbox {
namespace {

// Seeded random bytes as programs: whatever they do, the answer is a
// JobResult (fail / error), never a crash, hang or an Error result.
TEST(SandboxRobustness, GarbageProgramsGiveResults) {
  std::mt19937 rng(1234);
  for (int i = 0; i < 6; ++i) {
    std::string garbage(static_cast<size_t>(64 + rng() % 512), '\0');
    for (char& c : garbage) c = static_cast<char>(rng() % 256);
    Job j;
    j.language = i % 3 == 0 ? Language::kPython : i % 3 == 1 ? Language::kCpp : Language::kJava;
    j.files = {{j.language == Language::kPython ? "main.py" : j.language == Language::kCpp ? "main.cpp" : "Main.java",
                garbage}};
    j.stdin_data = garbage;
    j.limits.wall_timeout = std::chrono::milliseconds(3000);
    Result<JobResult> r = testing::shared_sandbox().run(j);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_TRUE(r->outcome == Outcome::kFail || r->outcome == Outcome::kError)
        << language_name(j.language) << ": " << outcome_name(r->outcome) << " " << r->detail;
  }
}

}  // namespace
}  // namespace codeloom::sandbox
