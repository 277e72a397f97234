#include "codeloom/harness/results.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "codeloom/eval/pass_at_k.h"
#include "codeloom/eval/percentiles.h"

namespace codeloom::harness {

namespace {

LatencyStats stats_of(const std::vector<double>& values) {
  LatencyStats s;
  auto r = eval::summarize_latencies(values);
  if (!r) return s;  // no values
  s.count = r->count;
  s.mean = r->mean;
  s.p50 = r->p50;
  s.p90 = r->p90;
  s.p99 = r->p99;
  s.max = r->max;
  return s;
}

nlohmann::json stats_json(const LatencyStats& s) {
  return {{"count", s.count}, {"mean", s.mean}, {"p50", s.p50}, {"p90", s.p90}, {"p99", s.p99}, {"max", s.max}};
}

}  // namespace

RunSummary summarize(const RunInfo& info, const std::vector<std::string>& task_ids,
                     const std::vector<Sample>& samples) {
  RunSummary out;
  out.info = info;
  std::unordered_map<std::string, std::size_t> index;
  for (const std::string& id : task_ids) {
    if (index.emplace(id, out.problems.size()).second) out.problems.push_back({id});
  }
  for (const Sample& s : samples) {
    auto it = index.find(s.task_id);
    if (it == index.end()) continue;
    ProblemResult& p = out.problems[it->second];
    ++p.n;
    if (s.verdict.status == CheckStatus::kPass) ++p.passed;
    if (s.verdict.base_passed) ++p.base_passed;
    ++p.statuses[status_name(s.verdict.status)];
    ++out.status_counts[status_name(s.verdict.status)];
    ++out.samples;
    if (s.gen_ms > 0) out.generation_values.push_back(s.gen_ms);
    out.execution_values.push_back(s.verdict.exec_ms);
  }
  std::vector<std::int64_t> ns, cs, bs;
  int min_n = 0;
  for (const ProblemResult& p : out.problems) {
    if (p.n == 0) continue;
    ns.push_back(p.n);
    cs.push_back(p.passed);
    bs.push_back(p.base_passed);
    min_n = min_n == 0 ? p.n : std::min(min_n, p.n);
  }
  for (int k : info.ks) {
    if (ns.empty() || k < 1 || k > min_n) {
      out.skipped_ks.push_back(k);
      continue;
    }
    if (auto v = eval::mean_pass_at_k(ns, cs, k)) out.pass_at_k[k] = *v;
    if (info.evalplus) {
      if (auto v = eval::mean_pass_at_k(ns, bs, k)) out.base_pass_at_k[k] = *v;
    }
  }
  out.generation_ms = stats_of(out.generation_values);
  out.execution_ms = stats_of(out.execution_values);
  return out;
}

std::string results_json(const RunSummary& s) {
  nlohmann::json pass = nlohmann::json::object(), base = nlohmann::json::object();
  for (auto [k, v] : s.pass_at_k) pass["pass@" + std::to_string(k)] = v;
  for (auto [k, v] : s.base_pass_at_k) base["pass@" + std::to_string(k)] = v;
  nlohmann::json problems = nlohmann::json::array();
  for (const ProblemResult& p : s.problems) {
    nlohmann::json j = {{"task_id", p.task_id}, {"n", p.n}, {"passed", p.passed}, {"statuses", p.statuses}};
    if (s.info.evalplus) j["base_passed"] = p.base_passed;
    problems.push_back(j);
  }
  nlohmann::json out = {
      {"format", "codeloom-eval-results"},
      {"version", 1},
      {"benchmark", s.info.benchmark},
      {"model", s.info.model},
      {"n", s.info.n},
      {"ks", s.info.ks},
      {"temperature", s.info.temperature},
      {"pass_at_k", pass},
      {"skipped_ks", s.skipped_ks},
      {"counts",
       {{"problems", s.problems.size()},
        {"samples", s.samples},
        {"statuses", s.status_counts},
        {"malformed_dataset_lines", s.info.malformed_dataset_lines},
        {"malformed_sample_lines", s.info.malformed_sample_lines}}},
      {"latency_ms", {{"generation", stats_json(s.generation_ms)}, {"execution", stats_json(s.execution_ms)}}},
      {"wall_seconds", s.info.wall_seconds},
      {"problems", problems}};
  if (s.info.evalplus) out["base_pass_at_k"] = base;
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string format_summary(const RunSummary& s) {
  std::ostringstream os;
  char buf[128];
  os << s.info.benchmark << ": " << s.problems.size() << " problems, " << s.samples << " samples";
  for (auto [st, n] : s.status_counts) os << ", " << st << " " << n;
  os << "\n";
  for (auto [k, v] : s.pass_at_k) {
    std::snprintf(buf, sizeof buf, "  pass@%d = %.4f", k, v);
    os << buf;
    if (auto b = s.base_pass_at_k.find(k); b != s.base_pass_at_k.end()) {
      std::snprintf(buf, sizeof buf, "  (base tests only: %.4f)", b->second);
      os << buf;
    }
    os << "\n";
  }
  for (int k : s.skipped_ks) os << "  pass@" << k << " skipped: needs at least " << k << " samples per problem\n";
  return os.str();
}

}  // namespace codeloom::harness
