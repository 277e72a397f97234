// Fill-in-the-middle (FIM) prompt formats, detected from the special tokens in
// a model's vocabulary — never from its file name.
//
//   auto fmt = codeloom::prompt::detect_fim_format(*model);
//   if (!fmt) { report(fmt.error()); }           // kUnsupported: no FIM tokens
//   else std::cout << fmt->spec->name;            // "qwen2.5-coder"
//
// The families and their exact layouts are documented in docs/prompt.md.
// Everything here is a pure function of the (immutable) model: thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/llm/model.h"

namespace codeloom::prompt {

enum class FimFamily { kCodeloom, kCodeGemma, kQwenCoder, kDeepSeekCoder, kStarCoder, kCodeLlama };

// Where repository context (other files) goes for a family.
enum class RepoStyle {
  kQwen,        // <repo>name\n <sep>path\ncontent\n ... <sep>path\n <PRE>prefix...
  kStarCoder2,  // <repo>name <sep>path\ncontent ... <sep> <PRE>path\nprefix...
  kSeparator,   // <sep>path\ncontent\n ... <sep>path\n <PRE>prefix... (no repo token)
  kInline,      // no file tokens: "#path\ncontent\n" chunks before the prefix text
};

// Static description of one family: token texts exactly as in the vocabulary.
// Optional tokens are empty strings.
struct FimFamilySpec {
  FimFamily family;
  std::string_view name;         // "qwen2.5-coder", "deepseek-coder", ...
  std::string_view prefix, suffix, middle;           // required
  std::string_view pad, repo_name, file_sep, eot;    // optional
  std::string_view distinguishing;  // must also be present (e.g. CodeGemma's <|file_separator|>)
  RepoStyle repo_style;
  bool suffix_without_leading_space;  // CodeLlama: the suffix is encoded without SentencePiece's dummy space
};

// Every family in detection order (most specific first).
std::vector<const FimFamilySpec*> fim_families();

// A family resolved against one vocabulary: token ids present in that model.
struct FimFormat {
  const FimFamilySpec* spec = nullptr;  // static storage, never null in a valid format
  llm::Token prefix = llm::kNoToken, suffix = llm::kNoToken, middle = llm::kNoToken;
  llm::Token pad = llm::kNoToken, repo_name = llm::kNoToken, file_sep = llm::kNoToken,
             eot = llm::kNoToken;
  // Tokens that end a completion besides the model's own end-of-generation set:
  // every FIM/file token of the family that the vocabulary has (a model that
  // emits <file_sep> or <fim_prefix> has finished the middle).
  std::vector<llm::Token> stop_tokens;
};

// Detects the FIM format of `model`. kUnsupported (with an actionable message
// naming the model and FIM models that work) when no family matches.
Result<FimFormat> detect_fim_format(const llm::Model& model);

// A short human name for the model in messages: general.name, else the file name.
std::string model_display_name(const llm::Model& model);

}  // namespace codeloom::prompt
