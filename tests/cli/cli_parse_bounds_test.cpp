// `codeloom parse` (and the other commands sharing its reader) cannot be stalled:
// special files are refused at once, pathological sources fail with the budget
// error. Every run has a 60 s kill timeout, so the old behaviour (blocking on a
// FIFO, minutes of parsing) fails instead of hanging the suite.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "cli_env.h"

namespace codeloom::testing {
namespace {

using Clock = std::chrono::steady_clock;

ProcessOutput run_bounded(std::vector<std::string> args, const std::string& stdin_text = "") {
  args.insert(args.begin(), codeloom_bin());
  auto r = run_process(args, {.stdin_text = stdin_text, .env = {"CODELOOM_MODEL="}, .timeout_s = 60});
  EXPECT_TRUE(r) << r.error().message;
  return r ? *r : ProcessOutput{};
}

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

TEST(CliParseBounds, FifoAndDevicesAreRefusedAtOnceWithExit2) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("codeloom-cli-bounds-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string fifo = (dir / "src.py").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  struct Run {
    std::vector<std::string> args;
    std::string expect;
  };
  const Run runs[] = {
      {{"parse", fifo}, "FIFO"},
      {{"parse", "/dev/zero", "--language", "python"}, "character device"},
      {{"parse", dir.string(), "--language", "python"}, "directory"},
      {{"tokenize", "--file", fifo}, "FIFO"},  // same reader, before any model is loaded
  };
  for (const Run& run : runs) {
    SCOPED_TRACE(run.args[1]);
    const auto start = Clock::now();
    auto r = run_bounded(run.args);
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(run.expect), std::string::npos) << r.err;
    EXPECT_LT(seconds_since(start), 10.0);
  }
  std::filesystem::remove_all(dir);
}

TEST(CliParseBounds, BinaryStdinIsRefusedAsBadInput) {
  auto r = run_bounded({"parse", "-", "--language", "cpp"}, std::string(1 << 20, '\0'));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("binary"), std::string::npos) << r.err;
}

TEST(CliParseBounds, PathologicalSourceFailsWithTheBudgetError) {
  // A 1 MB unterminated triple-quoted string: tree-sitter-python's error recovery is
  // quadratic on it (over 100 s). With the default budget: exit 2 after ~1 s.
  std::string text = "x = \"\"\"";
  while (text.size() < (1u << 20)) text += "abc def\n";
  const std::string file = write_temp_file("stall.py", text);
  const auto start = Clock::now();
  auto r = run_bounded({"parse", file, "--json"});
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("too complex"), std::string::npos) << r.err;
  EXPECT_LT(seconds_since(start), 20.0);  // generous; bench/parse_bounds.sh has the numbers
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["error"]["code"], "out of range");

  // 70k unclosed brackets (210 KB of JavaScript, the case): parses, with
  // its syntax error, in well under a second (minutes before).
  std::string brackets;
  for (int i = 0; i < 70000; ++i) brackets += "[1,";
  const std::string js = write_temp_file("brackets.js", brackets);
  const auto start_js = Clock::now();
  r = run_bounded({"parse", js, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(seconds_since(start_js), 20.0);
  j = nlohmann::json::parse(r.out);
  EXPECT_FALSE(j["syntax_errors"].empty());
}

TEST(CliParseBounds, TimeLimitFlagZeroMeansNoBudget) {
  const std::string file = write_temp_file("small.py", "def f(x):\n    return x\n");
  auto r = run_bounded({"parse", file, "--time-limit-ms", "0"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run_bounded({"parse", file, "--time-limit-ms", "-5"});
  EXPECT_NE(r.exit_code, 0);
}

}  // namespace
}  // namespace codeloom::testing
