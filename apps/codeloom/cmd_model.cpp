// codeloom model info: what a GGUF model is and how codeloom will prompt it.
#include <iostream>

#include "cli.h"
#include "codeloom/llm/model.h"
#include "codeloom/prompt/fim_format.h"

namespace codeloom::cli {
namespace {

struct ModelArgs {
  std::string model;
};

std::string token_or_none(const llm::Model& m, llm::Token t) {
  return t == llm::kNoToken ? std::string("-") : m.token_text(t);
}

int run_info(const ModelArgs& args, GlobalOptions& global) {
  auto path = resolve_model_path(args.model);
  if (!path) return report_error(path.error(), global);
  auto model = llm::Model::load(*path, {.vocab_only = false});
  if (!model) return report_error(model.error(), global);
  const llm::Model& m = **model;
  const llm::ModelInfo& info = m.info();
  auto fim = prompt::detect_fim_format(m);

  if (global.json) {
    nlohmann::json out = {{"path", info.path},
                          {"architecture", info.architecture},
                          {"name", info.name},
                          {"description", info.description},
                          {"parameters", info.n_params},
                          {"size_bytes", info.size_bytes},
                          {"vocab_type", info.vocab_type},
                          {"vocab_size", info.n_vocab},
                          {"context_train", info.n_ctx_train},
                          {"embedding", info.n_embd},
                          {"layers", info.n_layer},
                          {"chat_template", !info.chat_template.empty()},
                          {"bos", token_or_none(m, m.bos())},
                          {"eos", token_or_none(m, m.eos())}};
    if (fim) {
      out["fim"] = {{"family", std::string(fim->spec->name)},
                    {"prefix", token_or_none(m, fim->prefix)},
                    {"suffix", token_or_none(m, fim->suffix)},
                    {"middle", token_or_none(m, fim->middle)}};
    } else {
      out["fim"] = nullptr;
      out["fim_unavailable"] = fim.error().message;
    }
    print_json(out);
    return kExitOk;
  }
  std::cout << "path:          " << info.path << "\n"
            << "architecture:  " << info.architecture << "\n"
            << "name:          " << (info.name.empty() ? "-" : info.name) << "\n"
            << "description:   " << info.description << "\n"
            << "parameters:    " << info.n_params << "\n"
            << "file size:     " << info.size_bytes << " bytes\n"
            << "vocabulary:    " << info.n_vocab << " tokens (" << info.vocab_type << ")\n"
            << "context:       " << info.n_ctx_train << " tokens (training)\n"
            << "layers x embd: " << info.n_layer << " x " << info.n_embd << "\n"
            << "chat template: " << (info.chat_template.empty() ? "no" : "yes") << "\n"
            << "bos / eos:     " << token_or_none(m, m.bos()) << " / " << token_or_none(m, m.eos()) << "\n";
  if (fim) {
    std::cout << "fill-in-the-middle: " << fim->spec->name << " ("
              << token_or_none(m, fim->prefix) << " " << token_or_none(m, fim->suffix) << " "
              << token_or_none(m, fim->middle) << ")\n";
  } else {
    std::cout << "fill-in-the-middle: unavailable (" << fim.error().message << ")\n";
  }
  return kExitOk;
}

}  // namespace

Command add_model_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<ModelArgs>();
  CLI::App* sub = app.add_subcommand("model", "Inspect a GGUF model");
  sub->require_subcommand(1);
  CLI::App* info = sub->add_subcommand("info", "Architecture, size, vocabulary, FIM format and chat template");
  info->footer("Examples:\n  codeloom model info --model qwen2.5-coder-0.5b.gguf\n  codeloom model info --json");
  info->add_option("--model,-m", args->model, "GGUF model (default: $CODELOOM_MODEL, models/codeloom-tiny.gguf)");
  info->add_flag("--json", global.json, "Print machine-readable JSON on stdout");
  return {sub, [args, &global] { return run_info(*args, global); }};
}

}  // namespace codeloom::cli
