// codeloom score: every metric codeloom implements, on any system's outputs.
// Predictions and references come as plain files (one item per line, stripped,
// as CodeXGLUE's bleu.py and the codebleu package read them) or JSONL (one
// object per line; multi-line code stays whole).
#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

#include "cli.h"
#include "codeloom/eval/ast_similarity.h"
#include "codeloom/eval/bleu.h"
#include "codeloom/eval/codebleu.h"
#include "codeloom/eval/edit_similarity.h"
#include "codeloom/eval/exact_match.h"
#include "codeloom/lang/language.h"
#include "score_input.h"

namespace codeloom::cli {
namespace {

struct ScoreArgs {
  std::string pred;
  std::vector<std::string> refs;
  std::string pairs;
  std::string language;
  std::string format = "auto";
  std::string pred_field;
  std::string ref_field;
  std::string codebleu_mode = "compat";
  bool per_item = false;
};

struct ItemScore {
  double bleu = 0;
  bool exact = false;
  double edit = 0;
  std::optional<double> ast;
  std::optional<eval::CodebleuResult> codebleu;
};

// Python's str.strip() whitespace set for ASCII, enough for the metric inputs.
std::string strip(std::string_view s) {
  const char* ws = " \t\n\r\f\v";
  const auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(ws) - b + 1));
}

nlohmann::json codebleu_json(const eval::CodebleuResult& c) {
  nlohmann::json j = {{"codebleu", c.codebleu},
                      {"ngram_match", c.ngram_match},
                      {"weighted_ngram_match", c.weighted_ngram_match},
                      {"syntax_match", c.syntax_match},
                      {"dataflow_match", c.dataflow_match}};
  if (!c.dataflow_available) j["dataflow_match"] = nullptr;
  return j;
}

int run_score(const ScoreArgs& a, GlobalOptions& global) {
  auto set = load_score_items(a.pairs, a.pred, a.refs, a.format, a.pred_field, a.ref_field);
  if (!set) return report_error(set.error(), global);
  const std::vector<std::string>& preds = set->predictions;
  const std::vector<std::vector<std::string>>& refs = set->references;

  std::optional<lang::Language> language;
  if (!a.language.empty()) {
    auto l = lang::parse_language_name(a.language);
    if (!l) return report_error(l.error(), global);
    language = *l;
  }
  eval::CodebleuOptions cb_options;
  if (a.codebleu_mode == "corrected") {
    cb_options.mode = eval::CodebleuMode::kCorrected;
  } else if (a.codebleu_mode != "compat") {
    return report_error(make_error(ErrorCode::kInvalidArgument, "--codebleu-mode must be compat or corrected"), global);
  }

  // Corpus-level BLEU-4 and CodeBLEU: n-gram counts summed over the corpus.
  auto bleu = eval::codexglue_bleu(std::span<const std::vector<std::string>>(refs), preds);
  if (!bleu) return report_error(bleu.error(), global);
  std::optional<eval::CodebleuResult> codebleu;
  std::string codebleu_note = "needs --language (python, java or cpp)";
  if (language) {
    auto c = eval::calc_codebleu(std::span<const std::vector<std::string>>(refs), preds, *language, cb_options);
    if (c) {
      codebleu = *c;
    } else if (c.error().code == ErrorCode::kUnsupported) {
      codebleu_note = c.error().message;
    } else {
      return report_error(c.error(), global);
    }
  }

  std::vector<ItemScore> items(preds.size());
  double em_sum = 0, edit_sum = 0, ast_sum = 0;
  std::size_t ast_n = 0;
  for (std::size_t i = 0; i < preds.size(); ++i) {
    ItemScore& s = items[i];
    for (const std::string& r : refs[i]) {
      s.exact = s.exact || eval::exact_match(preds[i], r);
      s.edit = std::max(s.edit, eval::edit_similarity(strip(preds[i]), strip(r)));
      if (language) {
        auto t = eval::ast_similarity(preds[i], r, *language);
        if (t) s.ast = std::max(s.ast.value_or(0.0), *t);
      }
    }
    em_sum += s.exact ? 1 : 0;
    edit_sum += s.edit;
    if (s.ast) {
      ast_sum += *s.ast;
      ++ast_n;
    }
    if (a.per_item) {
      const std::vector<std::string> one_pred = {preds[i]};
      const std::vector<std::vector<std::string>> one_ref = {refs[i]};
      auto b = eval::codexglue_bleu(std::span<const std::vector<std::string>>(one_ref), one_pred);
      s.bleu = b ? b->bleu : 0.0;
      if (codebleu) {
        auto c = eval::calc_codebleu(std::span<const std::vector<std::string>>(one_ref), one_pred, *language,
                                     cb_options);
        if (c) s.codebleu = *c;
      }
    }
  }
  const double n = static_cast<double>(preds.size());

  if (global.json) {
    nlohmann::json corpus = {{"bleu", bleu->bleu},
                             {"bleu_x100", eval::codexglue_bleu_x100(*bleu)},
                             {"bleu_precisions", bleu->precisions},
                             {"brevity_penalty", bleu->brevity_penalty},
                             {"exact_match", em_sum / n},
                             {"edit_similarity", edit_sum / n},
                             {"ast_similarity", ast_n ? nlohmann::json(ast_sum / static_cast<double>(ast_n)) : nullptr},
                             {"ast_parsed", ast_n},
                             {"codebleu", codebleu ? codebleu_json(*codebleu) : nlohmann::json(nullptr)}};
    nlohmann::json out = {{"items", preds.size()}, {"format", set->format}, {"corpus", corpus}};
    if (language) out["language"] = lang::language_name(*language);
    if (!codebleu) out["codebleu_note"] = codebleu_note;
    out["execution_success"] = "not computed: run the programs against their tests with codeloom eval";
    if (a.per_item) {
      auto& per = out["per_item"] = nlohmann::json::array();
      for (std::size_t i = 0; i < items.size(); ++i) {
        nlohmann::json j = {{"id", set->ids[i]}, {"bleu", items[i].bleu}, {"exact_match", items[i].exact},
                            {"edit_similarity", items[i].edit},
                            {"ast_similarity", items[i].ast ? nlohmann::json(*items[i].ast) : nullptr}};
        if (items[i].codebleu) j["codebleu"] = codebleu_json(*items[i].codebleu);
        per.push_back(std::move(j));
      }
    }
    print_json(out);
    return kExitOk;
  }

  std::printf("items            %zu (%s)\n", preds.size(), set->format.c_str());
  std::printf("BLEU-4           %.2f   (CodeXGLUE bleu.py, corpus; unrounded %.6f)\n",
              eval::codexglue_bleu_x100(*bleu), bleu->bleu);
  if (codebleu) {
    char dataflow[32] = "n/a";
    if (codebleu->dataflow_available) std::snprintf(dataflow, sizeof dataflow, "%.4f", codebleu->dataflow_match);
    std::printf("CodeBLEU         %.4f (n-gram %.4f, weighted %.4f, syntax %.4f, dataflow %s; %s)\n",
                codebleu->codebleu, codebleu->ngram_match, codebleu->weighted_ngram_match, codebleu->syntax_match,
                dataflow, a.codebleu_mode == "compat" ? "codebleu 0.7.0 compatible" : "corrected");
  } else {
    std::printf("CodeBLEU         n/a (%s)\n", codebleu_note.c_str());
  }
  std::printf("exact match      %.4f\n", em_sum / n);
  std::printf("edit similarity  %.4f\n", edit_sum / n);
  if (ast_n) {
    std::printf("AST similarity   %.4f (%zu of %zu parsed)\n", ast_sum / static_cast<double>(ast_n), ast_n,
                preds.size());
  } else {
    std::printf("AST similarity   n/a (needs --language)\n");
  }
  std::printf("execution        not computed here (needs tests: codeloom eval)\n");
  if (a.per_item) {
    std::printf("\nid\tbleu\texact\tedit\tast%s\n", codebleu ? "\tcodebleu" : "");
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::printf("%s\t%.4f\t%d\t%.4f\t%s", set->ids[i].c_str(), items[i].bleu, items[i].exact ? 1 : 0,
                  items[i].edit, items[i].ast ? std::to_string(*items[i].ast).c_str() : "n/a");
      if (codebleu) std::printf("\t%s", items[i].codebleu ? std::to_string(items[i].codebleu->codebleu).c_str() : "n/a");
      std::printf("\n");
    }
  }
  return kExitOk;
}

}  // namespace

Command add_score_command(CLI::App& app, GlobalOptions& global) {
  auto a = std::make_shared<ScoreArgs>();
  CLI::App* sub = app.add_subcommand("score", "Score predictions against references with every metric codeloom has");
  sub->footer(
      "Inputs: --pred FILE --ref FILE [--ref FILE2 ...] (several references per item allowed), or --pairs FILE.jsonl.\n"
      "Plain files: one item per line, stripped (CodeXGLUE bleu.py / codebleu package format).\n"
      "JSONL: one object per line (or a JSON string per line); fields --pred-field / --ref-field, default\n"
      "prediction|completion|candidate|generation and reference|canonical_solution|target.\n"
      "Metrics: BLEU-4 (CodeXGLUE), CodeBLEU and its components (codebleu 0.7.0), exact match,\n"
      "edit similarity, AST similarity (tree edit distance); CodeBLEU and AST similarity need --language.\n\n"
      "Examples:\n"
      "  codeloom score --pred hyp.txt --ref ref.txt --language java\n"
      "  codeloom score --pairs runs/pairs.jsonl --pred-field candidate --language python --per-item --json");
  sub->add_option("--pred,-p", a->pred, "Predictions file");
  sub->add_option("--ref,-r", a->refs, "References file (repeat for several references per item)");
  sub->add_option("--pairs", a->pairs, "One JSONL file holding prediction and reference per line");
  sub->add_option("--language,-l", a->language, "python | java | cpp | javascript (CodeBLEU, AST similarity)");
  sub->add_option("--format", a->format, "auto | lines | jsonl (auto: .jsonl/.json are JSONL)")->capture_default_str();
  sub->add_option("--pred-field", a->pred_field, "JSONL field of the prediction");
  sub->add_option("--ref-field", a->ref_field, "JSONL field of the reference");
  sub->add_option("--codebleu-mode", a->codebleu_mode, "compat (codebleu 0.7.0) | corrected (docs/metrics.md)")
      ->capture_default_str();
  sub->add_flag("--per-item", a->per_item, "Also print each item's scores");
  return {sub, [a, &global] { return run_score(*a, global); }};
}

}  // namespace codeloom::cli
