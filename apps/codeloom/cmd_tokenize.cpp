// codeloom tokenize TEXT: how a model's tokenizer splits text.
#include <iostream>

#include "cli.h"
#include "codeloom/common/text.h"
#include "codeloom/llm/model.h"
#include "input.h"

namespace codeloom::cli {
namespace {

struct TokenizeArgs {
  std::string text;
  std::string file;
  std::string model;
  bool no_special = false;
  bool parse_special = false;
};

int run_tokenize(const TokenizeArgs& args, GlobalOptions& global) {
  std::string text;
  if (!args.file.empty()) {
    auto in = args.file == "-" ? read_stdin_text("stdin") : read_text_file(args.file);
    if (!in) return report_error(in.error(), global);
    text = std::move(*in);
  } else {
    if (Status s = check_text(args.text, "the text"); !s) return report_error(s.error(), global);
    text = args.text;
  }
  auto path = resolve_model_path(args.model);
  if (!path) return report_error(path.error(), global);
  // The vocabulary is all tokenizing needs: skip the weights.
  auto model = llm::Model::load(*path, {.vocab_only = true});
  if (!model) return report_error(model.error(), global);
  const llm::Model& m = **model;
  const auto tokens = m.tokenize(text, !args.no_special, args.parse_special);

  if (global.json) {
    nlohmann::json out = {{"model", m.info().path}, {"count", tokens.size()}};
    auto& ts = out["tokens"] = nlohmann::json::array();
    for (llm::Token t : tokens) ts.push_back({{"id", t}, {"piece", m.token_to_piece(t, true)}});
    print_json(out);
    return kExitOk;
  }
  for (llm::Token t : tokens) {
    std::cout << t << "\t'" << m.token_to_piece(t, true) << "'\n";
  }
  std::cout << tokens.size() << " tokens\n";
  return kExitOk;
}

}  // namespace

Command add_tokenize_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<TokenizeArgs>();
  CLI::App* sub = app.add_subcommand("tokenize", "Show how the model's tokenizer splits text");
  sub->footer(
      "Examples:\n"
      "  codeloom tokenize \"for (int i = 0; i < n; ++i)\" --model m.gguf\n"
      "  codeloom tokenize --file heapq.py --json\n"
      "  codeloom tokenize \"<|fim_prefix|>x\" --parse-special");
  auto* text = sub->add_option("text", args->text, "Text to tokenize");
  auto* file = sub->add_option("--file,-f", args->file, "Read the text from a file (- for stdin)");
  text->excludes(file);
  sub->add_option("--model,-m", args->model, "GGUF model (default: $CODELOOM_MODEL, models/codeloom-tiny.gguf)");
  sub->add_flag("--no-special", args->no_special, "Do not add BOS/EOS the way the model would");
  sub->add_flag("--parse-special", args->parse_special, "Turn special-token text such as <|fim_prefix|> into the token");
  return {sub, [args, &global] { return run_tokenize(*args, global); }};
}

}  // namespace codeloom::cli
