// codeloom generate: natural-language description -> a function.
#include <iostream>

#include "cli.h"
#include "codeloom/common/text.h"
#include "codeloom/decode/generate.h"
#include "codeloom/lang/language.h"
#include "codeloom/prompt/nl_prompt.h"
#include "engine_options.h"

namespace codeloom::cli {
namespace {

struct GenerateArgs {
  std::string description;
  std::string signature;
  std::string language = "python";
  std::string style = "auto";
  std::string chat_template;
  EngineArgs engine;
  SamplingArgs sampling;
};

int run_generate(const GenerateArgs& a, const GlobalOptions& global) {
  if (Status s = check_text(a.description, "the description"); !s) return report_error(s.error(), global);
  if (Status s = check_text(a.signature, "the signature"); !s) return report_error(s.error(), global);
  auto language = lang::parse_language_name(a.language);
  if (!language) return report_error(language.error(), global);
  prompt::NlOptions nl;
  if (a.style == "auto") nl.style = prompt::NlStyle::kAuto;
  else if (a.style == "chat") nl.style = prompt::NlStyle::kChat;
  else if (a.style == "docstring") nl.style = prompt::NlStyle::kDocstring;
  else return report_error(make_error(ErrorCode::kInvalidArgument, "--style must be auto, chat or docstring"), global);
  nl.chat_template = a.chat_template;
  auto options = generate_options(a.sampling);
  if (!options) return report_error(options.error(), global);

  auto engine = open_engine(a.engine);
  if (!engine) return report_error(engine.error(), global);
  auto p = prompt::build_nl_prompt(*engine->model, {a.description, *language, a.signature}, nl);
  if (!p) return report_error(p.error(), global);

  for (const auto& s : p->stop) options->stop.push_back(s);
  if (!p->chat) {
    // A base model continues the body after the signature: stop when the function's block closes.
    options->scope = decode::Scope::kBlock;
    options->scope_context.language = *language;
    options->scope_context.prefix = p->text;
  }
  auto candidates = decode::generate(*engine->session, p->tokens, *options);
  if (!candidates) return report_error(candidates.error(), global);

  // Docstring prompts: the function is the prompt's code plus the body.
  const std::string head = p->chat ? std::string() : prompt::docstring_prompt({a.description, *language, a.signature});
  for (auto& c : *candidates) c.text = head + c.text;

  if (global.json) {
    print_json({{"model", engine->model->info().path},
                {"language", lang::language_name(*language)},
                {"style", p->chat ? "chat" : "docstring"},
                {"prompt_tokens", p->tokens.size()},
                {"candidates", candidates_json(*candidates)}});
  } else {
    print_candidates(*candidates);
  }
  return kExitOk;
}

}  // namespace

Command add_generate_command(CLI::App& app, GlobalOptions& global) {
  auto a = std::make_shared<GenerateArgs>();
  CLI::App* sub = app.add_subcommand("generate", "Write a function from a natural-language description");
  sub->footer(
      "Instruct models (with a chat template) are prompted through it; base models get a\n"
      "docstring-style prompt and generation stops when the function's block closes.\n\n"
      "Examples:\n"
      "  codeloom generate \"return the n-th prime number\" --signature \"def nth_prime(n: int) -> int:\"\n"
      "  codeloom generate \"reverse a singly linked list\" --language cpp --n 3 --json\n"
      "  codeloom generate \"parse an ISO date\" --language java --style chat --chat-template chatml");
  sub->add_option("description", a->description, "What the function should do")->required();
  sub->add_option("--signature,-s", a->signature, "Function signature in the target language");
  sub->add_option("--language,-l", a->language, "python | java | cpp | javascript")->capture_default_str();
  sub->add_option("--style", a->style, "auto | chat | docstring")->capture_default_str();
  sub->add_option("--chat-template", a->chat_template, "Chat template name (e.g. chatml) or text; default: the model's");
  a->sampling.max_tokens = 256;  // a whole function needs more room than a completion
  add_engine_options(sub, a->engine);
  add_sampling_options(sub, a->sampling);
  return {sub, [a, &global] { return run_generate(*a, global); }};
}

}  // namespace codeloom::cli
