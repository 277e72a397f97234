// codeloom export: a training checkpoint → GGUF (llama arch) with codeloom's
// tokenizer, loadable by libllama (and so by `codeloom complete --model`).
#include <filesystem>
#include <iostream>

#include "cli.h"
#include "codeloom/tokenizer/gguf.h"
#include "codeloom/tokenizer/tokenizer.h"
#include "codeloom/train/export.h"
#include "codeloom/train/recipe.h"

namespace codeloom::cli {
namespace {

struct Args {
  std::string checkpoint, tokenizer, out, type = "f32", name;
};

int run(const Args& a, GlobalOptions& global) {
  auto type = train::parse_export_type(a.type);
  if (!type) return report_error(type.error(), global);
  auto ck = train::load_checkpoint(a.checkpoint);
  if (!ck) return report_error(ck.error(), global);
  std::string tok_path = a.tokenizer;
  if (tok_path.empty()) {
    auto r = train::parse_recipe(ck->recipe_toml, a.checkpoint + " (recipe)");
    if (!r) return report_error(r.error(), global);
    tok_path = r->data.tokenizer;
    if (tok_path.rfind("~/", 0) == 0 && std::getenv("HOME") != nullptr) tok_path = std::getenv("HOME") + tok_path.substr(1);
  }
  auto tok = tokenizer::Tokenizer::load(tok_path);
  if (!tok) return report_error(tok.error(), global);
  const std::int64_t n_vocab = train::checkpoint_vocab_size(*ck);
  if (n_vocab != tok->vocab_size())
    return report_error(make_error(ErrorCode::kInvalidArgument,
                                   "the checkpoint's model has " + std::to_string(n_vocab) + " vocabulary rows but '" +
                                       tok_path + "' has " + std::to_string(tok->vocab_size()) +
                                       " tokens; pass the tokenizer the model was trained with (--tokenizer)"),
                        global);
  train::ExportOptions o;
  o.type = *type;
  o.name = a.name;
  const tokenizer::Tokenizer& t = *tok;
  Status s = train::export_gguf(*ck, a.out, o, [&t](gguf_context* g) { return tokenizer::write_gguf_tokenizer(t, g); });
  if (!s) return report_error(s.error(), global);
  const auto bytes = std::filesystem::file_size(a.out);
  if (global.json) {
    print_json({{"out", a.out}, {"type", a.type}, {"bytes", bytes}, {"step", ck->step}});
  } else {
    std::cout << "wrote " << a.out << " (" << a.type << ", " << bytes << " bytes, step " << ck->step << ")\n";
  }
  return kExitOk;
}

}  // namespace

Command add_export_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("export", "Export a training checkpoint as GGUF for llama.cpp (docs/train.md)");
  sub->add_option("--checkpoint", args->checkpoint, "checkpoint.clck written by codeloom train")->required();
  sub->add_option("--out", args->out, "Output .gguf")->required();
  sub->add_option("--type", args->type, "f32 | f16 | q8_0 (default f32)");
  sub->add_option("--tokenizer", args->tokenizer, "Tokenizer (default: data.tokenizer of the checkpoint's recipe)");
  sub->add_option("--name", args->name, "general.name (default: the recipe name)");
  return {sub, [args, &global] { return run(*args, global); }};
}

}  // namespace codeloom::cli
