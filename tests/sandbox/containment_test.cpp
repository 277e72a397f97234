// The containment suite: every hostile program in tests/data/sandbox/containment
// (expectations in cases.json) runs through the Pool; each case asserts its
// outcome and host-side checks, then the host must be clean and normal jobs
// must still pass.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <chrono>
#include <set>

#include "codeloom/sandbox/pool.h"
#include "codeloom/sandbox/sandbox.h"
#include "host_probe.h"
#include "test_util.h"

namespace codeloom::sandbox {
namespace {

using nlohmann::json;
using testing::HostProbe;

struct Case {
  std::string name;
  json spec;
  Job job;
};

Language language_of(const std::string& file) {
  if (file.ends_with(".cpp")) return Language::kCpp;
  if (file.ends_with(".java")) return Language::kJava;
  return Language::kPython;
}

Limits limits_from(const json& d, Limits l) {
  if (d.contains("wall_ms")) l.wall_timeout = std::chrono::milliseconds(d["wall_ms"].get<int>());
  if (d.contains("cpu_s")) l.cpu_seconds = d["cpu_s"].get<int>();
  if (d.contains("memory_mb")) l.memory_bytes = d["memory_mb"].get<std::uint64_t>() << 20;
  if (d.contains("file_mb")) l.file_size_bytes = d["file_mb"].get<std::uint64_t>() << 20;
  if (d.contains("output_bytes")) l.max_output_bytes = d["output_bytes"].get<std::uint64_t>();
  if (d.contains("nproc")) l.max_processes = d["nproc"].get<int>();
  return l;
}

std::vector<Case> load_cases(const HostProbe& host) {
  json all = json::parse(testing::read_text(testing::data_path("containment/cases.json")));
  Limits base = limits_from(all["defaults"], Limits{});
  Limits java = limits_from(all["java_defaults"], base);
  std::vector<Case> cases;
  for (const json& c : all["cases"]) {
    std::string file = c["file"];
    Case k;
    k.name = c.value("name", file);
    k.spec = c;
    k.job.language = language_of(file);
    k.job.files = {{file, host.fill(testing::read_text(testing::data_path("containment/" + file)))}};
    k.job.entry = file;
    k.job.limits = limits_from(c.value("limits", json::object()),
                               k.job.language == Language::kJava ? java : base);
    if (c.contains("job_args_bytes")) {
      size_t total = c["job_args_bytes"].get<size_t>();
      k.job.args.assign(total / 1024, std::string(1023, 'a'));
    }
    cases.push_back(std::move(k));
  }
  return cases;
}

std::vector<std::string> expected_outcomes(const json& spec) {
  if (spec["expect"].is_array()) return spec["expect"].get<std::vector<std::string>>();
  return {spec["expect"].get<std::string>()};
}

void check_case(const Case& c, const Result<JobResult>& r, const HostProbe& host) {
  SCOPED_TRACE("case " + c.name);
  ASSERT_TRUE(r) << r.error().message;
  const json& s = c.spec;
  std::string got = outcome_name(r->outcome);
  std::vector<std::string> want = expected_outcomes(s);
  std::string context = "detail: " + r->detail + "\nstdout: " + r->stdout_data.substr(0, 2000) +
                        "\nstderr: " + r->stderr_data.substr(0, 2000);
  EXPECT_NE(std::find(want.begin(), want.end(), got), want.end()) << "outcome " << got << "\n" << context;
  if (s.contains("exit_code")) {
    EXPECT_EQ(r->exit_code, s["exit_code"].get<int>()) << context;
  }
  if (s.contains("signal")) {
    EXPECT_EQ(r->signal_name, s["signal"].get<std::string>()) << context;
  }
  auto contains = [](const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
  };
  if (s.contains("stdout_contains")) {
    EXPECT_TRUE(contains(r->stdout_data, host.fill(s["stdout_contains"]))) << context;
  }
  if (s.contains("stdout_excludes")) {
    EXPECT_FALSE(contains(r->stdout_data, host.fill(s["stdout_excludes"]))) << context;
  }
  if (s.contains("stderr_contains")) {
    EXPECT_TRUE(contains(r->stderr_data, host.fill(s["stderr_contains"]))) << context;
  }
  if (s.contains("detail_contains")) {
    EXPECT_TRUE(contains(r->detail, host.fill(s["detail_contains"]))) << context;
  }
  for (const std::string& check : s.value("checks", std::vector<std::string>{})) {
    if (check == "sentinel_alive") {
      EXPECT_TRUE(host.sentinel_alive()) << "the host sentinel process was killed";
    } else if (check == "secret_hidden") {
      EXPECT_FALSE(contains(r->stdout_data, host.secret_content())) << "secret leaked to stdout";
      EXPECT_FALSE(contains(r->stderr_data, host.secret_content())) << "secret leaked to stderr";
    } else if (check == "output_capped") {
      EXPECT_TRUE(r->stdout_truncated);
      EXPECT_EQ(r->stdout_data.size(), c.job.limits.max_output_bytes);
    } else if (check == "peak_within_limit") {
      EXPECT_LE(r->peak_memory_bytes, c.job.limits.memory_bytes + (16ull << 20));
      EXPECT_GT(r->peak_memory_bytes, 0u);
    } else if (check == "no_escape_files") {
      for (const std::string& p : host.escape_paths()) {
        struct stat st;
        EXPECT_NE(stat(p.c_str(), &st), 0) << "escaped file exists on the host: " << p;
      }
    } else if (check == "no_connection" || check == "no_marker_process" || check == "no_leftover_uid") {
      // Checked once for the whole suite after the pool drains (see below).
    } else {
      ADD_FAILURE() << "unknown check '" << check << "' in cases.json";
    }
  }
}

Job control_job(int i) {
  Job j = testing::python_job("import sys\nprint(sum(range(" + std::to_string(1000 + i) + ")))\n", 5000);
  return j;
}

TEST(SandboxContainment, HostilePrograms) {
  const Sandbox& sb = testing::shared_sandbox();
  HostProbe host;
  ASSERT_TRUE(host.ok()) << host.error();
  std::vector<Case> cases = load_cases(host);
  ASSERT_GE(cases.size(), 20u);
  std::set<Language> languages;
  for (const Case& c : cases) languages.insert(c.job.language);
  EXPECT_EQ(languages.size(), 3u);

  // Hostile jobs interleaved with well-behaved ones: a fork bomb next door must
  // not starve a normal job (separate uids, separate NPROC counts).
  std::vector<Job> jobs;
  for (size_t i = 0; i < cases.size(); ++i) {
    jobs.push_back(cases[i].job);
    if (i % 8 == 0) jobs.push_back(control_job(static_cast<int>(i)));
  }
  auto t0 = std::chrono::steady_clock::now();
  Pool pool(sb, PoolOptions{2});
  std::vector<Result<JobResult>> results = pool.run_all(jobs);
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "[ containment ] " << jobs.size() << " jobs in " << secs << " s\n";

  size_t k = 0;
  for (size_t i = 0; i < cases.size(); ++i) {
    check_case(cases[i], results[k++], host);
    if (i % 8 == 0) {
      const Result<JobResult>& ctl = results[k++];
      ASSERT_TRUE(ctl);
      EXPECT_EQ(ctl->outcome, Outcome::kPass) << "control job next to " << cases[i].name << ": " << ctl->detail
                                              << ctl->stderr_data;
    }
  }

  // Whole-suite host checks.
  EXPECT_EQ(host.accepted_connections(), 0) << "a sandboxed program reached the host's listener";
  EXPECT_TRUE(host.processes_with(host.marker()).empty()) << "a daemonized grandchild survived its job";
  const SandboxOptions& o = sb.options();
  EXPECT_TRUE(HostProbe::processes_with_uid(static_cast<unsigned>(o.uid_base),
                                            static_cast<unsigned>(o.uid_base + o.uid_slots)).empty())
      << "processes of sandbox uids remain after all jobs finished";
  EXPECT_TRUE(host.sentinel_alive());
  for (const std::string& p : host.escape_paths()) {
    struct stat st;
    EXPECT_NE(stat(p.c_str(), &st), 0) << "escaped file exists on the host: " << p;
  }

  // Later runs are unaffected, in every language.
  Result<JobResult> py = sb.run(control_job(7));
  ASSERT_TRUE(py);
  EXPECT_EQ(py->outcome, Outcome::kPass) << py->detail;
  EXPECT_EQ(py->stdout_data, "506521\n");
  Job cpp;
  cpp.language = Language::kCpp;
  cpp.files = {{"main.cpp", "#include <cstdio>\nint main() { std::puts(\"fine\"); }\n"}};
  Result<JobResult> c = sb.run(cpp);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->outcome, Outcome::kPass) << c->detail << c->stderr_data;
}

}  // namespace
}  // namespace codeloom::sandbox
