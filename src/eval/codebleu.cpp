// CodeBLEU orchestration: preprocessing, the four components, the weighted sum.
#include "codeloom/eval/codebleu.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "codebleu_clean.h"
#include "codeloom/common/text.h"
#include "codebleu_dataflow.h"
#include "codebleu_keywords.h"
#include "codebleu_ngram.h"
#include "codebleu_syntax.h"
#include "codeloom/lang/ast.h"
#include "codeloom/lang/source_tree.h"
#include "codeloom/lang/tokens.h"
#include "py_text.h"

namespace codeloom::eval {
namespace {

using detail::Tokens;

struct Parsed {
  std::string code;  // the text that was parsed (comment-stripped)
  lang::AstNode ast;
  std::string sexp;  // tree-sitter's own string of the root when it has errors (see subtree_keys)
};

Result<Parsed> parse(std::string code, lang::Language language) {
  auto tree = lang::SourceTree::parse(code, language);
  if (!tree) return tree.error();
  auto ast = lang::to_ast(*tree, {.named_only = false, .leaf_text = true});
  if (!ast) return ast.error();
  // Only error recovery adds MISSING tokens that our walk may not see; an
  // error-free tree prints exactly as the AST does, so skip the string.
  std::string sexp = tree->has_errors() ? tree->sexp() : std::string();
  return Parsed{std::move(code), std::move(*ast), std::move(sexp)};
}

// kCorrected: comments blanked (bytes -> spaces, newlines kept) using the lexer.
Result<std::string> blank_comments(const std::string& code, lang::Language language) {
  auto tree = lang::SourceTree::parse(code, language);
  if (!tree) return tree.error();
  std::string out = code;
  for (const lang::Token& t : lang::classify_tokens(*tree))
    if (t.cls == lang::TokenClass::kComment)
      for (std::size_t i = t.start_byte; i < t.end_byte; ++i)
        if (out[i] != '\n') out[i] = ' ';
  return detail::drop_blank_lines(out);
}

// kCorrected tokens: the lexer's leaves, comments excluded.
Result<Tokens> lexer_tokens(const std::string& code, lang::Language language) {
  auto tree = lang::SourceTree::parse(code, language);
  if (!tree) return tree.error();
  Tokens out;
  for (const lang::Token& t : lang::classify_tokens(*tree))
    if (t.cls != lang::TokenClass::kComment && !t.text.empty()) out.emplace_back(t.text);
  return out;
}

Result<std::string> clean(const std::string& code, lang::Language language, bool compat) {
  if (compat) return detail::remove_comments_compat(code, language);
  return blank_comments(code, language);
}

}  // namespace

Result<CodebleuResult> calc_codebleu(std::span<const std::vector<std::string>> references,
                                     std::span<const std::string> predictions,
                                     lang::Language language, const CodebleuOptions& options) {
  if (language == lang::Language::kJavaScript)
    return make_error(ErrorCode::kUnsupported, "codebleu: JavaScript is not supported (python, java, cpp are)");
  if (references.size() != predictions.size() || predictions.empty())
    return make_error(ErrorCode::kInvalidArgument,
                      "codebleu: need the same non-zero number of references and predictions");
  for (std::size_t i = 0; i < predictions.size(); ++i) {
    if (references[i].empty())
      return make_error(ErrorCode::kInvalidArgument, "codebleu: prediction " + std::to_string(i) + " has no reference");
    // Checked up front: the compat cleaners work on code points and would hide bad bytes.
    if (Status st = check_text(predictions[i], "prediction " + std::to_string(i)); !st) return st.error();
    for (const auto& r : references[i])
      if (Status st = check_text(r, "reference of prediction " + std::to_string(i)); !st) return st.error();
  }
  const bool compat = options.mode == CodebleuMode::kCodebleuCompat;

  // Inputs are stripped first, as calc_codebleu does.
  std::vector<std::vector<std::string>> refs;
  std::vector<std::string> hyps;
  for (std::size_t i = 0; i < predictions.size(); ++i) {
    hyps.emplace_back(detail::py_strip(predictions[i]));
    refs.emplace_back();
    for (const auto& r : references[i]) refs.back().emplace_back(detail::py_strip(r));
  }

  // 1 + 2: n-gram and weighted n-gram match.
  std::vector<std::vector<Tokens>> ref_tokens(refs.size());
  std::vector<Tokens> hyp_tokens;
  for (std::size_t i = 0; i < hyps.size(); ++i) {
    if (compat) {
      hyp_tokens.push_back(detail::py_split(hyps[i]));
      for (const auto& r : refs[i]) ref_tokens[i].push_back(detail::py_split(r));
    } else {
      auto h = lexer_tokens(hyps[i], language);
      if (!h) return h.error();
      hyp_tokens.push_back(std::move(*h));
      for (const auto& r : refs[i]) {
        auto t = lexer_tokens(r, language);
        if (!t) return t.error();
        ref_tokens[i].push_back(std::move(*t));
      }
    }
  }
  CodebleuResult out;
  out.ngram_match = detail::nltk_corpus_bleu(ref_tokens, hyp_tokens);
  const std::vector<std::string>& kw = compat ? detail::codebleu_keywords(language) : lang::keywords(language);
  std::unordered_set<std::string> keywords(kw.begin(), kw.end());
  out.weighted_ngram_match = detail::weighted_corpus_bleu(
      ref_tokens, hyp_tokens, keywords, {.reference_length_quirk = compat});

  // 3 + 4: syntax and data-flow match, over the same cleaned, parsed code.
  // In compat mode the k-th reference sees the candidate cleaned k times, as
  // codebleu's loop re-assigns `candidate` (a no-op for one reference in practice).
  long long syntax_match = 0, syntax_total = 0, flow_match = 0, flow_total = 0;
  for (std::size_t i = 0; i < hyps.size(); ++i) {
    std::string cand = hyps[i];
    for (const auto& ref_raw : refs[i]) {
      auto c = clean(cand, language, compat);
      if (!c) return c.error();
      cand = *c;
      auto r = clean(ref_raw, language, compat);
      if (!r) return r.error();
      auto cp = parse(cand, language);
      if (!cp) return cp.error();
      auto rp = parse(*r, language);
      if (!rp) return rp.error();

      std::vector<detail::SexpKey> cs = detail::subtree_keys(cp->ast, cp->sexp);
      std::vector<detail::SexpKey> rs = detail::subtree_keys(rp->ast, rp->sexp);
      std::unordered_map<detail::SexpKey, long long, detail::SexpKeyHash> cand_count;
      for (auto& s : cs) ++cand_count[s];
      if (compat) {
        for (const auto& s : rs) syntax_match += cand_count.count(s) ? 1 : 0;
      } else {
        std::unordered_map<detail::SexpKey, long long, detail::SexpKeyHash> ref_count;
        for (auto& s : rs) ++ref_count[s];
        for (const auto& [s, n] : ref_count) {
          auto it = cand_count.find(s);
          if (it != cand_count.end()) syntax_match += std::min(n, it->second);
        }
      }
      syntax_total += static_cast<long long>(rs.size());

      auto cand_flow = detail::normalized_dataflow(cp->ast, cp->code, language);
      auto ref_flow = detail::normalized_dataflow(rp->ast, rp->code, language);
      flow_total += static_cast<long long>(ref_flow.size());
      for (const auto& f : ref_flow) {
        auto it = std::find(cand_flow.begin(), cand_flow.end(), f);
        if (it != cand_flow.end()) {
          ++flow_match;
          cand_flow.erase(it);
        }
      }
    }
  }
  out.syntax_match = syntax_total > 0 ? static_cast<double>(syntax_match) / static_cast<double>(syntax_total) : 0.0;
  out.dataflow_available = flow_total > 0;
  out.dataflow_match = flow_total > 0 ? static_cast<double>(flow_match) / static_cast<double>(flow_total) : 0.0;

  const CodebleuWeights& w = options.weights;
  double sum = w.ngram * out.ngram_match + w.weighted_ngram * out.weighted_ngram_match +
               w.syntax * out.syntax_match;
  if (compat) {
    // `theta * (dataflow_match_score or 1)`: a score of exactly 0 counts as 1.
    out.codebleu = sum + w.dataflow * (out.dataflow_match == 0.0 ? 1.0 : out.dataflow_match);
  } else if (out.dataflow_available) {
    out.codebleu = sum + w.dataflow * out.dataflow_match;
  } else {
    double rest = w.ngram + w.weighted_ngram + w.syntax;
    out.codebleu = rest > 0 ? sum / rest : 0.0;
  }
  return out;
}

Result<CodebleuResult> calc_codebleu(std::span<const std::string> references,
                                     std::span<const std::string> predictions,
                                     lang::Language language, const CodebleuOptions& options) {
  std::vector<std::vector<std::string>> refs;
  refs.reserve(references.size());
  for (const auto& r : references) refs.push_back({r});
  return calc_codebleu(std::span<const std::vector<std::string>>(refs), predictions, language, options);
}

}  // namespace codeloom::eval
