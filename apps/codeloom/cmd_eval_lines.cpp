// codeloom eval-lines: line completion on held-out functions of a mined corpus,
// with a GGUF model (plain completion or fill-in-the-middle) or with the
// Kneser–Ney n-gram baseline trained on the corpus's train split.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

#include "cli.h"
#include "codeloom/data/shards.h"
#include "codeloom/lineeval/line_tasks.h"
#include "codeloom/ngram/source.h"
#include "codeloom/prompt/infill.h"
#include "codeloom/tokenizer/gguf.h"
#include "codeloom/tokenizer/tokenizer.h"
#include "engine_options.h"

namespace codeloom::cli {
namespace {

struct EvalLinesArgs {
  std::string corpus;
  lineeval::TaskOptions tasks;
  EngineArgs engine;
  std::string mode = "plain";
  std::string fim_order = "auto";
  bool ngram = false;
  std::string tokenizer;
  int order = 4;
  std::string train_split = "train";
  int max_tokens = 64;
  std::string out;
  bool quiet = false;
};

using Predictor = lineeval::Predictor;

decode::GenerateOptions greedy_line(int max_tokens) {
  decode::GenerateOptions o;
  o.max_tokens = max_tokens;
  o.sampling.temperature = 0;
  o.scope = decode::Scope::kLine;
  return o;
}

std::string first_candidate(const std::vector<decode::Candidate>& c) { return c.empty() ? std::string() : c[0].text; }

// The n-gram baseline: tokenizer + KN model over the train split, generating
// through NgramSource with the tokenizer's vocabulary-only GGUF.
struct NgramEngine {
  std::unique_ptr<tokenizer::Tokenizer> tok;
  std::unique_ptr<ngram::KneserNey> lm;
  std::shared_ptr<llm::Model> vocab;
  std::unique_ptr<ngram::NgramSource> source;
};

Result<NgramEngine> open_ngram(const EvalLinesArgs& a, bool progress) {
  NgramEngine e;
  auto tok = tokenizer::Tokenizer::load(a.tokenizer);
  if (!tok) return tok.error();
  e.tok = std::make_unique<tokenizer::Tokenizer>(std::move(*tok));
  std::vector<std::vector<std::int32_t>> seqs;
  const std::int32_t eot = e.tok->specials().eot;
  auto st = data::for_each_sample(a.corpus, a.train_split, [&](const data::CorpusSample& s) {
    auto ids = e.tok->encode(s.text);
    ids.insert(ids.begin(), eot);
    ids.push_back(eot);
    seqs.push_back(std::move(ids));
    if (progress && seqs.size() % 5000 == 0) std::cerr << "\rtokenizing: " << seqs.size() << " samples" << std::flush;
  });
  if (!st) return st.error();
  if (progress) std::cerr << "\rtraining the " << a.order << "-gram model on " << seqs.size() << " samples\n";
  auto lm = ngram::KneserNey::train(seqs, e.tok->vocab_size(), {a.order});
  if (!lm) return lm.error();
  e.lm = std::make_unique<ngram::KneserNey>(std::move(*lm));
  const std::string gguf = (std::filesystem::temp_directory_path() /
                            ("codeloom-eval-lines-" + std::to_string(::getpid()) + ".gguf")).string();
  if (auto s = tokenizer::write_vocab_gguf(*e.tok, gguf); !s) return s.error();
  auto vocab = llm::Model::load(gguf, {.vocab_only = true});
  std::error_code ec;
  std::filesystem::remove(gguf, ec);
  if (!vocab) return vocab.error();
  e.vocab = std::move(*vocab);
  e.source = std::make_unique<ngram::NgramSource>(*e.lm, *e.vocab);
  return e;
}

int run_eval_lines(const EvalLinesArgs& a, GlobalOptions& global) {
  if (a.mode != "plain" && a.mode != "infill")
    return report_error(make_error(ErrorCode::kInvalidArgument, "--mode must be plain or infill"), global);
  auto fim_order = prompt::parse_fim_order(a.fim_order);
  if (!fim_order) return report_error(fim_order.error(), global);
  if (a.ngram && a.mode == "infill")
    return report_error(make_error(ErrorCode::kInvalidArgument, "the n-gram baseline cannot fill in the middle; use --mode plain"), global);
  if (a.ngram && a.tokenizer.empty())
    return report_error(make_error(ErrorCode::kInvalidArgument, "--ngram needs --tokenizer (from `codeloom tokenizer train`)"), global);
  const bool progress = !a.quiet && !global.json && ::isatty(STDERR_FILENO);
  auto tasks = lineeval::make_tasks(a.corpus, a.tasks);
  if (!tasks) return report_error(tasks.error(), global);
  if (tasks->empty())
    return report_error(make_error(ErrorCode::kInvalidArgument, "no line-completion task in the " + a.tasks.split + " split"), global);

  Predictor predict;
  NgramEngine ng;
  Engine engine;
  std::string model_name;
  const decode::GenerateOptions options = greedy_line(a.max_tokens);
  if (a.ngram) {
    auto e = open_ngram(a, progress);
    if (!e) return report_error(e.error(), global);
    ng = std::move(*e);
    model_name = std::to_string(a.order) + "-gram Kneser-Ney (" + a.tokenizer + ")";
    predict = [&](const lineeval::LineTask& t) -> Result<std::string> {
      auto ids = ng.tok->encode(t.prefix);
      ids.insert(ids.begin(), ng.tok->specials().eot);
      auto c = decode::generate(*ng.source, std::vector<llm::Token>(ids.begin(), ids.end()), options);
      if (!c) return c.error();
      return first_candidate(*c);
    };
  } else {
    auto e = open_engine(a.engine);
    if (!e) return report_error(e.error(), global);
    engine = std::move(*e);
    model_name = engine.model->info().path;
    predict = [&](const lineeval::LineTask& t) -> Result<std::string> {
      prompt::PromptBudget budget;
      budget.n_ctx = engine.session->n_ctx();
      budget.max_new_tokens = a.max_tokens;
      prompt::InfillRequest req;
      req.prefix = t.prefix;
      req.suffix = t.suffix;
      req.order = *fim_order;
      auto p = a.mode == "plain" ? prompt::build_completion_prompt(*engine.model, t.prefix, budget)
                                 : prompt::build_infill_prompt(*engine.model, req, budget);
      if (!p) return p.error();
      decode::GenerateOptions o = options;
      o.stop_tokens = p->stop_tokens;
      auto c = decode::generate(*engine.session, p->tokens, o);
      if (!c) return c.error();
      return first_candidate(*c);
    };
  }
  std::ofstream out;
  if (!a.out.empty()) {
    out.open(a.out, std::ios::trunc);
    if (!out) return report_error(make_error(ErrorCode::kIo, "cannot write " + a.out), global);
  }
  std::size_t done = 0;
  auto summary = lineeval::run(*tasks, predict, [&](const lineeval::TaskResult& r) {
    ++done;
    if (out.is_open())
      out << nlohmann::json({{"id", r.id}, {"language", r.language}, {"prediction", r.prediction},
                             {"exact", r.exact}, {"edit_similarity", r.edit_similarity}, {"ms", r.ms}})
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
          << "\n";
    if (progress && (done % 10 == 0 || done == tasks->size()))
      std::cerr << "\rline completion: " << done << "/" << tasks->size() << std::flush;
  });
  if (progress) std::cerr << "\n";
  if (!summary) return report_error(summary.error(), global);
  const auto score_json = [](const lineeval::Score& s) {
    return nlohmann::json{{"n", s.n}, {"exact_match", s.exact_match}, {"edit_similarity", s.edit_similarity}};
  };
  if (global.json) {
    nlohmann::json j = {{"model", model_name}, {"mode", a.mode}, {"fim_order", a.fim_order}, {"split", a.tasks.split}, {"seed", a.tasks.seed},
                        {"all", score_json(summary->all)}, {"p50_ms", summary->p50_ms}, {"p95_ms", summary->p95_ms}};
    for (const auto& [lang, s] : summary->by_language) j["languages"][lang] = score_json(s);
    print_json(j);
  } else {
    std::cout << model_name << " (" << a.mode << "), " << summary->all.n << " tasks of the " << a.tasks.split
              << " split: exact match " << summary->all.exact_match << ", edit similarity "
              << summary->all.edit_similarity << ", p50 " << summary->p50_ms << " ms\n";
    for (const auto& [lang, s] : summary->by_language)
      std::cout << "  " << lang << ": " << s.n << " tasks, exact match " << s.exact_match << ", edit similarity "
                << s.edit_similarity << "\n";
  }
  return kExitOk;
}

}  // namespace

Command add_eval_lines_command(CLI::App& app, GlobalOptions& global) {
  auto a = std::make_shared<EvalLinesArgs>();
  CLI::App* sub = app.add_subcommand("eval-lines", "Line completion on held-out functions of a mined corpus");
  sub->footer(
      "Each task cuts one function of the split before a line; the model writes that line\n"
      "(greedy, up to the end of the line); exact match and edit similarity after stripping.\n"
      "Examples:\n"
      "  codeloom eval-lines --corpus corpus/ --model m.gguf\n"
      "  codeloom eval-lines --corpus corpus/ --model m.gguf --mode infill\n"
      "  codeloom eval-lines --corpus corpus/ --ngram --tokenizer tokenizer.json --order 4");
  sub->add_option("--corpus", a->corpus, "Output directory of `codeloom data mine`")->required();
  sub->add_option("--split", a->tasks.split, "Split the tasks come from")->capture_default_str();
  sub->add_option("--n", a->tasks.n, "Functions (one task each)")->capture_default_str();
  sub->add_option("--seed", a->tasks.seed, "Task selection seed")->capture_default_str();
  sub->add_option("--mode", a->mode, "plain (prefix only) | infill (prefix and suffix)")->capture_default_str();
  sub->add_option("--fim-order", a->fim_order, "Infill order: auto (spm for codeloom models) | psm | spm")
      ->capture_default_str();
  sub->add_option("--max-tokens", a->max_tokens, "Tokens per prediction")->capture_default_str();
  sub->add_flag("--ngram", a->ngram, "Use the Kneser-Ney n-gram baseline instead of a GGUF model");
  sub->add_option("--tokenizer", a->tokenizer, "Tokenizer of the n-gram baseline");
  sub->add_option("--order", a->order, "n-gram order")->capture_default_str()->check(CLI::Range(1, 8));
  sub->add_option("--train-split", a->train_split, "Split the n-gram baseline is trained on")->capture_default_str();
  sub->add_option("--out,-o", a->out, "Write one JSON line per task here");
  sub->add_flag("--quiet,-q", a->quiet, "No progress output");
  add_engine_options(sub, a->engine);  // --json: added by main for every command
  return {sub, [a, &global] { return run_eval_lines(*a, global); }};
}

}  // namespace codeloom::cli
