// Natural language -> code prompts.
//
// Instruct models (a chat template in the model, or one passed in options)
// get a chat: a system message, a user message with the description, the
// language and the optional signature, then the assistant turn start followed
// by an opening code fence ("```python\n"), so the reply is code that ends at
// the closing fence (returned in `stop`). Base models get a docstring-style
// prompt the model continues with the body:
//   Python:        def sig:\n    """description"""\n
//   Java/C++/JS:   /**\n * description\n */\nsig {\n
//
//   prompt::NlRequest req{.description = "Return the sum of a and b.",
//                         .language = lang::Language::kPython,
//                         .signature = "def add(a: int, b: int) -> int:"};
//   auto p = prompt::build_nl_prompt(*model, req);
//   session.prefill(p->tokens);   // stop on p->stop
//
// Pure function of its inputs: thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/lang/language.h"
#include "codeloom/llm/model.h"

namespace codeloom::prompt {

struct NlRequest {
  std::string description;  // what the code should do (required)
  lang::Language language = lang::Language::kPython;
  std::string signature;    // optional, as written in the language, e.g. "int add(int a, int b)"
};

enum class NlStyle { kAuto, kChat, kDocstring };

struct NlOptions {
  NlStyle style = NlStyle::kAuto;  // kAuto: chat when a template is available
  // A chat template: a llama.cpp built-in name ("chatml", "llama3", ...) or
  // template text. Empty = the model's tokenizer.chat_template.
  std::string chat_template;
  std::string system_message =
      "You are a coding assistant. Reply with one complete, correct code block "
      "in the requested language and nothing else.";
};

struct NlPrompt {
  std::string text;                // the prompt as text (special tokens spelled out)
  std::vector<llm::Token> tokens;  // ready for Session::prefill
  bool chat = false;               // true: formatted with a chat template
  std::size_t assistant_start = 0; // byte offset in `text` where the assistant's reply begins
  std::vector<std::string> stop;   // stop strings for generation (e.g. "```" for chat)
};

// Errors: kInvalidArgument (empty description, invalid UTF-8), kUnsupported
// (style kChat but no template, or a template llama.cpp cannot apply; the
// message names the built-in templates to try).
Result<NlPrompt> build_nl_prompt(const llm::Model& model, const NlRequest& request,
                                 const NlOptions& options = {});

// The docstring-style text alone (no model needed): useful for tests and tools.
std::string docstring_prompt(const NlRequest& request);

// llama.cpp's built-in chat template names.
std::vector<std::string> builtin_chat_templates();

}  // namespace codeloom::prompt
