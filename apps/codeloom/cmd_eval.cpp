// codeloom eval: benchmark a model (HumanEval, HumanEval+, MBPP, MBPP+,
// MultiPL-E C++/Java) with sandboxed execution and pass@k, or check a
// benchmark's reference solutions (--canonical, no model needed).
#include <algorithm>
#include <chrono>
#include <iostream>
#include <sstream>

#include "cli.h"
#include "codeloom/harness/canonical.h"
#include "codeloom/harness/dataset.h"
#include "codeloom/harness/eval_run.h"
#include "codeloom/harness/progress.h"
#include "codeloom/harness/registry.h"

namespace codeloom::cli {

Command add_eval_command(CLI::App& app, GlobalOptions& global);

namespace {

struct EvalArgs {
  std::string benchmark;
  bool canonical = false;
  bool list = false;
  std::string data;        // dataset file (default: <data-dir>/<benchmark file>)
  std::string data_dir;
  std::string model;
  std::string out = "eval-out";
  int n = 1;
  std::string ks = "1";
  double temperature = 0.0;
  float top_p = 0.95f;
  int top_k = 50;
  std::uint32_t seed = 1234;
  int max_tokens = 512;
  int ctx = 4096;
  int threads = 0;
  std::size_t limit = 0;
  int workers = 0;
  bool no_calibrate = false;
  bool weak_sandbox = false;
};

Result<std::vector<int>> parse_ks(const std::string& text, int n) {
  std::vector<int> ks;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    try {
      std::size_t used = 0;
      const int k = std::stoi(item, &used);
      if (used != item.size() || k < 1) throw std::invalid_argument(item);
      ks.push_back(k);
    } catch (const std::exception&) {
      return make_error(ErrorCode::kInvalidArgument, "--k wants positive integers separated by commas, e.g. 1,10");
    }
  }
  if (ks.empty()) return make_error(ErrorCode::kInvalidArgument, "--k is empty");
  for (int k : ks) {
    if (k > n) {
      return make_error(ErrorCode::kInvalidArgument,
                        "pass@" + std::to_string(k) + " needs --n >= " + std::to_string(k) + " samples per problem");
    }
  }
  return ks;
}

int list_benchmarks() {
  for (const auto& b : harness::benchmarks()) {
    std::cout << b.name << "\t" << b.title << "\n\t(default file: " << b.default_file << ")\n";
  }
  return kExitOk;
}

Result<std::unique_ptr<harness::Executor>> make_executor(const EvalArgs& a) {
  harness::ExecutorOptions eo;
  eo.workers = a.workers;
  eo.calibrate = !a.no_calibrate;
  if (a.weak_sandbox) eo.sandbox.mode = sandbox::IsolationMode::kAllowWeaker;
  return harness::Executor::create(eo);
}

int run_canonical(const harness::Benchmark& bench, const harness::ProblemSet& set, const EvalArgs& a,
                  const GlobalOptions& global) {
  auto executor = make_executor(a);
  if (!executor) return report_error(executor.error(), global);
  std::vector<harness::Problem> problems = set.problems;
  if (a.limit && problems.size() > a.limit) problems.resize(a.limit);
  harness::ProgressBar bar(std::cerr, problems.size() * 3, bench.name + " canonical");
  auto report = harness::check_canonical(bench, problems, **executor, [&](std::size_t, std::size_t) { bar.advance(); });
  bar.finish();
  if (global.json) {
    auto run_json = [](const harness::ControlRun& r) {
      return nlohmann::json{{"total", r.total}, {"passed", r.passed}, {"base_passed", r.base_passed}};
    };
    nlohmann::json unexpected = nlohmann::json::array();
    auto collect = [&](const char* what, const harness::ControlRun& r, bool want_pass) {
      for (std::size_t i = 0; i < r.verdicts.size(); ++i) {
        if ((r.verdicts[i].status == harness::CheckStatus::kPass) == want_pass) continue;
        unexpected.push_back({{"control", what}, {"task_id", r.task_ids[i]},
                              {"status", harness::status_name(r.verdicts[i].status)}, {"detail", r.verdicts[i].detail}});
      }
    };
    collect("canonical", report.canonical, true);
    collect("empty", report.empty, false);
    collect("wrong", report.wrong, false);
    print_json({{"benchmark", bench.name}, {"ok", report.ok()}, {"canonical", run_json(report.canonical)},
                {"empty", run_json(report.empty)}, {"wrong", run_json(report.wrong)},
                {"without_canonical", report.without_canonical}, {"malformed_lines", set.malformed.size()},
                {"wall_seconds", report.wall_seconds}, {"timeout_scale", (*executor)->timeout_scale()},
                {"unexpected", unexpected}});
  } else {
    std::cout << harness::format_canonical_report(bench, report);
  }
  return report.ok() ? kExitOk : kExitFailure;
}

int run_eval_command(const EvalArgs& a, const GlobalOptions& global) {
  if (a.list) return list_benchmarks();
  if (a.benchmark.empty()) {
    return report_error(make_error(ErrorCode::kInvalidArgument, "name a benchmark (see codeloom eval --list)"), global);
  }
  auto bench = harness::find_benchmark(a.benchmark);
  if (!bench) return report_error(bench.error(), global);
  std::string path = a.data;
  if (path.empty()) {
    auto data_root = resolve_benchmark_root(a.data_dir);
    if (!data_root) return report_error(data_root.error(), global);
    path = harness::default_data_path(**bench, *data_root);
    // The shipped files are pinned; a file the user brings (--data) is theirs.
    if (Status ok = harness::verify_default_file(**bench, path); !ok) return report_error(ok.error(), global);
  }
  auto set = harness::load_problems(**bench, path);
  if (!set) return report_error(set.error(), global);
  for (const std::string& m : set->malformed) std::cerr << "codeloom: warning: " << path << ": skipped " << m << "\n";
  if (a.canonical) return run_canonical(**bench, *set, a, global);

  auto ks = parse_ks(a.ks, a.n);
  if (!ks) return report_error(ks.error(), global);
  auto model_path = resolve_model_path(a.model);
  if (!model_path) return report_error(model_path.error(), global);
  auto model = llm::Model::load(*model_path);
  if (!model) return report_error(model.error(), global);
  harness::ModelGeneratorOptions go;
  go.max_tokens = a.max_tokens;
  go.n_ctx = a.ctx;
  go.n_threads = a.threads;
  go.sampling.temperature = static_cast<float>(a.temperature);
  go.sampling.top_p = a.top_p;
  go.sampling.top_k = a.top_k;
  go.sampling.seed = a.seed;
  auto generator = harness::ModelGenerator::create(*model, go);
  if (!generator) return report_error(generator.error(), global);
  auto executor = make_executor(a);
  if (!executor) return report_error(executor.error(), global);

  harness::EvalRunOptions o;
  o.out_dir = a.out;
  o.n = a.n;
  o.ks = *ks;
  o.temperature = a.temperature;
  o.model = *model_path;
  o.limit = a.limit;
  o.malformed_dataset_lines = set->malformed.size();
  o.progress = &std::cerr;
  harness::CompletionSource source = [&](const harness::Problem& p, int n) { return (*generator)->generate(p, n); };
  auto run = harness::run_eval(**bench, set->problems, source, **executor, o);
  if (!run) return report_error(run.error(), global);
  for (const std::string& e : run->generation_errors) std::cerr << "codeloom: warning: generation failed: " << e << "\n";
  if (global.json) {
    print_json(nlohmann::json::parse(harness::results_json(run->summary)));
  } else {
    std::cout << harness::format_summary(run->summary);
    if (run->resumed_problems) std::cout << "  (" << run->resumed_problems << " problems resumed from samples.jsonl)\n";
    std::cout << "  wrote " << a.out << "/samples.jsonl, results.json, report.html\n";
  }
  return kExitOk;
}

}  // namespace

Command add_eval_command(CLI::App& app, GlobalOptions& global) {
  auto a = std::make_shared<EvalArgs>();
  CLI::App* sub = app.add_subcommand("eval", "Benchmark a model with sandboxed execution (pass@k), or check a benchmark");
  std::string names;
  for (const auto& n : harness::benchmark_names()) names += (names.empty() ? "" : " | ") + n;
  sub->footer(
      "Benchmarks: " + names + "\n"
      "Writes <out>/samples.jsonl (task_id, completion, result, passed; human-eval/EvalPlus compatible),\n"
      "<out>/results.json (pass@k, counts, per-problem status, latency percentiles) and <out>/report.html.\n"
      "Re-running with the same --out resumes: problems already in samples.jsonl are skipped.\n\n"
      "Examples:\n"
      "  codeloom eval humaneval --canonical\n"
      "  codeloom eval humaneval --model qwen2.5-coder-1.5b-instruct-q4_k_m.gguf --limit 20 --out runs/he\n"
      "  codeloom eval humanevalplus --model m.gguf --n 10 --k 1,10 --temperature 0.8 --out runs/hep");
  sub->add_option("benchmark", a->benchmark, "Benchmark name (see --list)");
  sub->add_flag("--list", a->list, "List the benchmarks and their default files");
  sub->add_flag("--canonical", a->canonical,
                "Check the reference solutions (must pass) and empty/wrong completions (must fail); no model");
  sub->add_option("--data", a->data, "Dataset file (default: <data-dir>/<the benchmark's file>)");
  sub->add_option("--data-dir", a->data_dir, "Dataset root (default: $CODELOOM_DATA_DIR, else the benchmark files shipped with codeloom, "
                  "share/codeloom/benchmarks; files there are checked by sha256)");
  sub->add_option("--model,-m", a->model, "GGUF model (default: $CODELOOM_MODEL, models/codeloom-tiny.gguf)");
  sub->add_option("--out,-o", a->out, "Output directory")->capture_default_str();
  sub->add_option("--n", a->n, "Samples per problem")->capture_default_str()->check(CLI::Range(1, 1000));
  sub->add_option("--k", a->ks, "pass@k values, comma-separated (each <= n)")->capture_default_str();
  sub->add_option("--temperature", a->temperature, "Sampling temperature; 0 = greedy")->capture_default_str()->check(CLI::Range(0.0, 10.0));
  sub->add_option("--top-p", a->top_p, "Nucleus sampling mass (1 = off)")->capture_default_str()->check(CLI::Range(0.0, 1.0));
  sub->add_option("--top-k", a->top_k, "Keep the k most likely tokens (0 = off)")->capture_default_str()->check(CLI::Range(0, 1 << 20));
  sub->add_option("--seed", a->seed, "Random seed")->capture_default_str();
  sub->add_option("--max-tokens", a->max_tokens, "Maximum new tokens per sample")->capture_default_str()->check(CLI::Range(1, 1 << 16));
  sub->add_option("--ctx", a->ctx, "Context length in tokens")->capture_default_str()->check(CLI::Range(64, 1 << 20));
  sub->add_option("--threads,-t", a->threads, "CPU threads for the model (0 = all cores)")->capture_default_str()->check(CLI::Range(0, 1024));
  sub->add_option("--limit", a->limit, "Only the first K problems (0 = all)")->capture_default_str();
  sub->add_option("--workers", a->workers, "Parallel sandbox jobs (0 = all cores)")->capture_default_str()->check(CLI::Range(0, 256));
  sub->add_flag("--no-calibrate", a->no_calibrate, "Do not lengthen timeouts for slow machines");
  sub->add_flag("--allow-weak-sandbox", a->weak_sandbox,
                "Run even when some isolation layers are unavailable (see docs/sandbox.md)");
  return {sub, [a, &global] { return run_eval_command(*a, global); }};
}

}  // namespace codeloom::cli
