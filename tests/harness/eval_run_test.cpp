// run_eval with scripted completion sources (no model): files written,
// pass@k from known verdicts, resume after interruption, malformed samples,
// generation errors; plus the progress bar and the report renderer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "codeloom/harness/dataset.h"
#include "codeloom/harness/eval_run.h"
#include "codeloom/harness/progress.h"
#include "codeloom/harness/registry.h"
#include "codeloom/harness/report_html.h"
#include "harness_test_util.h"

namespace codeloom::harness {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string fresh_dir(const std::string& name) {
  const std::string dir = std::string(CODELOOM_BINARY_DIR) + "/harness-test-out/" + name;
  std::filesystem::remove_all(dir);
  return dir;
}

struct Fixture {
  const Benchmark& bench = **find_benchmark("humaneval");
  ProblemSet set = *load_problems(bench, testing::data_path("humaneval_4.jsonl"));
};

// Sample i of problem j: canonical when (i + j) is even, else empty.
CompletionSource alternating(const std::vector<Problem>& problems, int* calls) {
  return [&problems, calls](const Problem& p, int n) -> Result<std::vector<Completion>> {
    ++*calls;
    std::size_t j = 0;
    while (problems[j].task_id != p.task_id) ++j;
    std::vector<Completion> out;
    for (int i = 0; i < n; ++i) out.push_back({(i + j) % 2 == 0 ? p.canonical_solution : "", 1.0 + i});
    return out;
  };
}

TEST(HarnessEvalRun, WritesSamplesResultsAndReport) {
  Fixture f;
  const std::string dir = fresh_dir("basic");
  int calls = 0;
  EvalRunOptions o;
  o.out_dir = dir;
  o.n = 2;
  o.ks = {1, 2};
  o.model = "scripted";
  auto r = run_eval(f.bench, f.set.problems, alternating(f.set.problems, &calls), testing::shared_executor(), o);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(calls, 4);
  EXPECT_EQ(r->generated_problems, 4u);
  // Every problem has exactly one passing sample of two.
  EXPECT_DOUBLE_EQ(r->summary.pass_at_k.at(1), 0.5);
  EXPECT_DOUBLE_EQ(r->summary.pass_at_k.at(2), 1.0);

  std::istringstream lines(read(dir + "/samples.jsonl"));
  std::string line;
  int count = 0, passed = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    ++count;
    passed += j["passed"].get<bool>();
    EXPECT_TRUE(j.contains("task_id") && j.contains("completion") && j.contains("result"));
  }
  EXPECT_EQ(count, 8);
  EXPECT_EQ(passed, 4);
  auto results = nlohmann::json::parse(read(dir + "/results.json"));
  EXPECT_DOUBLE_EQ(results["pass_at_k"]["pass@1"].get<double>(), 0.5);
  EXPECT_EQ(results["counts"]["samples"], 8);
  EXPECT_EQ(results["problems"].size(), 4u);
  EXPECT_TRUE(results["latency_ms"]["execution"].contains("p90"));
  const std::string html = read(dir + "/report.html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("pass@2"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(HarnessEvalRun, ResumesSkipsMalformedAndRedoesPartialProblems) {
  Fixture f;
  const std::string dir = fresh_dir("resume");
  int calls = 0;
  EvalRunOptions o;
  o.out_dir = dir;
  o.n = 2;
  o.ks = {1};
  o.limit = 3;
  ASSERT_TRUE(run_eval(f.bench, f.set.problems, alternating(f.set.problems, &calls), testing::shared_executor(), o));
  EXPECT_EQ(calls, 3);
  // Interrupted mid-write: drop the last sample line and add garbage.
  std::string text = read(dir + "/samples.jsonl");
  text.resize(text.rfind('\n', text.size() - 2) + 1);
  text += "{\"task_id\": \"HumanEval/0\", \"compl\n";
  std::ofstream(dir + "/samples.jsonl", std::ios::trunc) << text;

  calls = 0;
  o.limit = 0;
  auto r = run_eval(f.bench, f.set.problems, alternating(f.set.problems, &calls), testing::shared_executor(), o);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(calls, 2);  // the partial third problem and the fourth
  EXPECT_EQ(r->resumed_problems, 2u);
  EXPECT_EQ(r->malformed_sample_lines.size(), 1u);
  EXPECT_EQ(r->summary.samples, 8u);
  EXPECT_DOUBLE_EQ(r->summary.pass_at_k.at(1), 0.5);

  calls = 0;
  auto again = run_eval(f.bench, f.set.problems, alternating(f.set.problems, &calls), testing::shared_executor(), o);
  ASSERT_TRUE(again);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(again->resumed_problems, 4u);
  EXPECT_TRUE(again->malformed_sample_lines.empty());  // the rewrite dropped it
}

TEST(HarnessEvalRun, GenerationErrorsAreScoredAsFailuresAndTheRunContinues) {
  Fixture f;
  const std::string dir = fresh_dir("generr");
  CompletionSource source = [](const Problem& p, int n) -> Result<std::vector<Completion>> {
    if (p.task_id == "HumanEval/2") return make_error(ErrorCode::kOutOfRange, "prompt too long");
    return std::vector<Completion>(static_cast<std::size_t>(n), Completion{p.canonical_solution, 1});
  };
  EvalRunOptions o;
  o.out_dir = dir;
  auto r = run_eval(f.bench, f.set.problems, source, testing::shared_executor(), o);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->generation_errors.size(), 1u);
  EXPECT_NE(r->generation_errors[0].find("prompt too long"), std::string::npos);
  EXPECT_DOUBLE_EQ(r->summary.pass_at_k.at(1), 0.75);
  EXPECT_EQ(r->summary.status_counts.at("error"), 1);
}

TEST(HarnessEvalRun, RejectsBadOptions) {
  Fixture f;
  EvalRunOptions o;
  o.out_dir = fresh_dir("bad");
  o.n = 0;
  int calls = 0;
  auto r = run_eval(f.bench, f.set.problems, alternating(f.set.problems, &calls), testing::shared_executor(), o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  o.n = 1;
  o.out_dir = "/proc/codeloom-cannot-write";
  r = run_eval(f.bench, f.set.problems, alternating(f.set.problems, &calls), testing::shared_executor(), o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kIo);
}

TEST(HarnessResults, SkipsKLargerThanSamplesAndCountsBase) {
  RunInfo info;
  info.ks = {1, 5};
  info.evalplus = true;
  std::vector<Sample> samples = {{"a", 0, "", {CheckStatus::kPass, true, "", 10}, 0},
                                 {"a", 1, "", {CheckStatus::kFail, true, "", 20}, 0},
                                 {"b", 0, "", {CheckStatus::kTimeout, false, "", 30}, 0},
                                 {"b", 1, "", {CheckStatus::kFail, false, "", 40}, 0},
                                 {"zzz", 0, "", {CheckStatus::kPass, true, "", 50}, 0}};
  RunSummary s = summarize(info, {"a", "b"}, samples);
  EXPECT_DOUBLE_EQ(s.pass_at_k.at(1), 0.25);
  EXPECT_DOUBLE_EQ(s.base_pass_at_k.at(1), 0.5);
  ASSERT_EQ(s.skipped_ks, std::vector<int>{5});
  EXPECT_EQ(s.samples, 4u);
  EXPECT_EQ(s.status_counts.at("timeout"), 1);
  EXPECT_DOUBLE_EQ(s.execution_ms.p50, 25.0);
  EXPECT_NE(format_summary(s).find("pass@5 skipped"), std::string::npos);
}

TEST(HarnessProgress, RendersRateAndEta) {
  auto t = std::chrono::steady_clock::time_point{};
  std::ostringstream out;
  ProgressBar bar(out, 10, "he", [&] { return t; }, std::chrono::milliseconds(0));
  t += std::chrono::seconds(4);
  bar.advance(2);
  EXPECT_NE(bar.render().find("2/10"), std::string::npos) << bar.render();
  EXPECT_NE(bar.render().find("0.50/s"), std::string::npos) << bar.render();
  EXPECT_NE(bar.render().find("ETA 16s"), std::string::npos) << bar.render();
  bar.advance(8);
  bar.finish();
  EXPECT_NE(out.str().find("done in 4s"), std::string::npos) << out.str();
}

TEST(HarnessReport, EscapesTaskIds) {
  RunSummary s;
  s.info.benchmark = "x<y";
  s.problems.push_back({"<script>alert(1)</script>", 1, 1, 1, {}});
  const std::string html = render_report_html(s);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
}

TEST(HarnessReport, LatencyHistogramsStayReadableWithOutliers) {
  RunSummary s;
  s.info.benchmark = "humaneval";
  s.execution_values = {40, 41, 44, 45, 50, 54112};  // two timeouts would squash a linear scale
  s.generation_values = {3000, 4000, 5000};
  const std::string html = render_report_html(s);
  EXPECT_NE(html.find("<h2>Generation latency</h2>"), std::string::npos);
  EXPECT_NE(html.find("log-scaled bins, 6 samples"), std::string::npos);
  EXPECT_NE(html.find("linear bins, 3 samples"), std::string::npos);
  // Log bins from 40 to 54112 ms (x1.35 each): the fast runs fill the first
  // bin, the timeout the last; linear bins would be 2,255 ms wide.
  EXPECT_NE(html.find(">40-54 ms: 5<"), std::string::npos) << html;
  EXPECT_NE(html.find("-54112 ms: 1<"), std::string::npos) << html;
  EXPECT_NE(html.find(">2917-3125 ms: 1<"), std::string::npos) << html;  // linear: 0..5000 in 24 bins

  RunSummary none;
  EXPECT_NE(render_report_html(none).find("No execution times recorded."), std::string::npos);
  EXPECT_EQ(render_report_html(none).find("Generation latency"), std::string::npos);
}

}  // namespace
}  // namespace codeloom::harness
