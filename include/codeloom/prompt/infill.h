// Building code-completion prompts at the token level: fill-in-the-middle
// (prefix + suffix, with optional repository context) or plain prefix-only
// completion, cut to a token budget while keeping the code nearest the cursor.
//
//   prompt::InfillRequest req{.prefix = before_cursor, .suffix = after_cursor};
//   req.extra.push_back({"util.py", util_text});
//   auto p = prompt::build_code_prompt(*model, req, {.n_ctx = 4096, .max_new_tokens = 128});
//   if (!p) return p.error();              // kUnsupported: suffix given, model has no FIM tokens
//   session.prefill(p->tokens);
//
// Truncation policy (docs/prompt.md has the precise rules and examples):
//   available = n_ctx - max_new_tokens - fixed tokens (BOS, FIM markers, file headers);
//   the suffix gets at most suffix_share of it, the prefix the rest, and a
//   share one side does not need goes to the other; extra files are dropped
//   first (whole files, in the given order, kept while they fit in what is
//   left). The prefix keeps its END, the suffix its START, cut on line
//   boundaries when a whole line fits.
//
// Pure functions of their inputs (the model is immutable): thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/llm/model.h"
#include "codeloom/prompt/fim_format.h"

namespace codeloom::prompt {

enum class FimOrder {
  kAuto,  // kSpm for codeloom's own models, kPsm for every other family
  kPsm,   // prefix, suffix, middle — what every family is trained on
  kSpm,   // suffix first (the FIM paper's SPM variant: <PRE><SUF>suffix<MID>prefix)
};
// Why kAuto picks SPM for codeloom models (trained on both orders): on 1,000
// held-out lines codeloom-tiny infills far better in SPM (edit similarity 0.295
// vs 0.179 in PSM, models/codeloom-tiny.md), and with the suffix first an edit
// in the prefix keeps the suffix's KV cache. Third-party families are trained
// mostly or only on PSM.

// "auto" | "psm" | "spm"; kInvalidArgument otherwise.
Result<FimOrder> parse_fim_order(std::string_view name);
const char* fim_order_name(FimOrder order);
// kAuto resolved for `format`; kPsm / kSpm unchanged.
FimOrder resolve_fim_order(FimOrder order, const FimFormat& format);

struct ContextFile {
  std::string filename;  // path shown to the model, e.g. "src/util.py"
  std::string text;
};

struct InfillRequest {
  std::string prefix;  // code before the cursor (may be empty)
  std::string suffix;  // code after the cursor (may be empty)
  std::vector<ContextFile> extra;  // other files, most relevant first
  std::string filename;            // current file's path; used with repository context
  std::string repo_name = "project";
  FimOrder order = FimOrder::kAuto;
};

struct PromptBudget {
  int n_ctx = 4096;           // the session's context length
  int max_new_tokens = 256;   // reserved for the completion
  double suffix_share = 0.25; // the most of the available tokens the suffix may take
};

struct TruncationReport {
  std::size_t prefix_bytes_dropped = 0;  // from the start of the prefix
  std::size_t suffix_bytes_dropped = 0;  // from the end of the suffix
  std::vector<std::string> extra_files_dropped;  // filenames, in request order
  std::size_t prefix_tokens = 0;  // tokens of the kept prefix text
  std::size_t suffix_tokens = 0;
  std::size_t extra_tokens = 0;   // tokens of the kept extra files (with their headers)
  std::size_t fixed_tokens = 0;   // BOS, FIM markers, repository/file headers
  std::size_t available = 0;      // n_ctx - max_new_tokens - fixed_tokens
  bool truncated() const {
    return prefix_bytes_dropped || suffix_bytes_dropped || !extra_files_dropped.empty();
  }
};

struct CodePrompt {
  std::vector<llm::Token> tokens;  // ready for Session::prefill
  bool fim = false;                // false: plain prefix-only completion
  FimFormat format;                // valid when fim
  std::string kept_prefix;         // the prefix text that is in the prompt (ends at the cursor)
  std::string kept_suffix;         // the suffix text that is in the prompt (starts at the cursor)
  std::vector<llm::Token> stop_tokens;  // end the completion on these too (FIM/file tokens)
  TruncationReport report;
};

// FIM prompt. Errors: kUnsupported (the model has no FIM tokens; the message
// says to omit the suffix or use a FIM model), kInvalidArgument (text not
// valid UTF-8, bad budget), kOutOfRange (the budget cannot hold even the fixed tokens).
Result<CodePrompt> build_infill_prompt(const llm::Model& model, const InfillRequest& request,
                                       const PromptBudget& budget = {});

// Plain completion: [BOS] + the end of `prefix` that fits n_ctx - max_new_tokens - BOS.
// Works on any model. Same argument errors as above.
Result<CodePrompt> build_completion_prompt(const llm::Model& model, const std::string& prefix,
                                           const PromptBudget& budget = {});

// Picks for the caller: FIM when the model has FIM tokens; plain completion
// when it has none and the request has no suffix (extra files are then put
// before the prefix as "#path" chunks); kUnsupported when it has none and a
// suffix was given.
Result<CodePrompt> build_code_prompt(const llm::Model& model, const InfillRequest& request,
                                     const PromptBudget& budget = {});

// Renders tokens for humans and golden files: each token's piece with special
// tokens shown as their text (e.g. "<|fim_prefix|>def f():").
std::string render_tokens(const llm::Model& model, const std::vector<llm::Token>& tokens);

}  // namespace codeloom::prompt
