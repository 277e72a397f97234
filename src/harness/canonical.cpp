#include "codeloom/harness/canonical.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <sstream>

namespace codeloom::harness {

bool CanonicalReport::ok() const {
  return canonical.passed == canonical.total && empty.passed == 0 && wrong.passed == 0;
}

CanonicalReport check_canonical(const Benchmark& bench, const std::vector<Problem>& problems, Executor& executor,
                                const std::function<void(std::size_t, std::size_t)>& progress) {
  CanonicalReport report;
  std::vector<Check> checks;
  std::vector<ControlRun*> owner;
  for (const Problem& p : problems) {
    if (p.has_canonical) {
      checks.push_back({&p, p.canonical_solution});
      owner.push_back(&report.canonical);
    } else {
      ++report.without_canonical;
    }
    checks.push_back({&p, ""});
    owner.push_back(&report.empty);
    checks.push_back({&p, bench.wrong_completion(p)});
    owner.push_back(&report.wrong);
  }
  std::atomic<std::size_t> done{0};
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<Verdict> verdicts = executor.run(bench, checks, [&](std::size_t) {
    const std::size_t d = ++done;
    if (progress) progress(d, checks.size());
  });
  report.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (std::size_t i = 0; i < checks.size(); ++i) {
    ControlRun& run = *owner[i];
    ++run.total;
    if (verdicts[i].status == CheckStatus::kPass) ++run.passed;
    if (verdicts[i].base_passed) ++run.base_passed;
    run.task_ids.push_back(checks[i].problem->task_id);
    run.verdicts.push_back(std::move(verdicts[i]));
  }
  return report;
}

std::string format_canonical_report(const Benchmark& bench, const CanonicalReport& r) {
  std::ostringstream os;
  char line[256];
  auto counts = [&](const char* what, const ControlRun& run, const char* want) {
    std::snprintf(line, sizeof line, "%-10s %4zu/%-4zu passed", what, run.passed, run.total);
    os << line;
    if (bench.evalplus) os << " (base inputs: " << run.base_passed << "/" << run.total << ")";
    os << "   expected: " << want << "\n";
  };
  os << bench.name << ": " << bench.title << "\n";
  counts("canonical", r.canonical, "all");
  counts("empty", r.empty, "none");
  counts("wrong", r.wrong, "none");
  if (r.without_canonical) os << r.without_canonical << " problems have no reference solution\n";
  std::snprintf(line, sizeof line, "wall time %.1f s\n", r.wall_seconds);
  os << line;
  auto list = [&](const char* what, const ControlRun& run, bool want_pass) {
    for (std::size_t i = 0; i < run.verdicts.size(); ++i) {
      const bool passed = run.verdicts[i].status == CheckStatus::kPass;
      if (passed == want_pass) continue;
      std::string detail = run.verdicts[i].detail;
      if (detail.size() > 400) detail = "..." + detail.substr(detail.size() - 400);
      os << "  " << what << " " << run.task_ids[i] << ": " << status_name(run.verdicts[i].status)
         << (detail.empty() ? "" : ": " + detail) << "\n";
    }
  };
  list("canonical", r.canonical, true);
  list("empty", r.empty, false);
  list("wrong", r.wrong, false);
  os << (r.ok() ? "OK" : "UNEXPECTED RESULTS") << "\n";
  return os.str();
}

}  // namespace codeloom::harness
