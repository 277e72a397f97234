// The shape of a code prompt before tokenization (internal to the prompt module).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "codeloom/llm/model.h"
#include "codeloom/prompt/fim_format.h"
#include "codeloom/prompt/infill.h"

namespace codeloom::prompt::detail {

enum class PartKind {
  kToken,   // one special token
  kFixed,   // text that is always kept (repository name, current file path)
  kExtra,   // one context file; dropped whole when the budget is short
  kPrefix,  // the prefix (cut from its start)
  kSuffix,  // the suffix (cut from its end)
};

struct Part {
  PartKind kind = PartKind::kFixed;
  llm::Token token = llm::kNoToken;       // kToken: the token; kExtra: its separator token, if any
  std::string text;
  std::size_t extra_index = 0;            // kExtra: index into InfillRequest::extra
  bool natural = false;  // tokenize with the vocabulary's dummy leading space (SPM); see tokenize_text.h
};

// FIM layout for `format` (docs/prompt.md, "Layouts"). Extra files use the
// family's repository style when it has the needed tokens, else inline chunks.
std::vector<Part> fim_layout(const llm::Model& model, const FimFormat& format, const InfillRequest& req);

// Plain completion layout: [BOS] inline extra chunks, then the prefix.
std::vector<Part> plain_layout(const llm::Model& model, const InfillRequest& req);

// "#path\ncontent\n": DeepSeek-Coder's documented repository-level convention,
// used for every family without file tokens.
std::string inline_chunk(const ContextFile& file);

}  // namespace codeloom::prompt::detail
