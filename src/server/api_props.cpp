// GET /props and GET /slots — llama.cpp server's introspection endpoints, in
// the shape its clients read: llama.vscode sizes its chat context from
// /props default_generation_settings.n_ctx; llama.cpp's web UI and scripts read
// total_slots, model_alias, chat_template and /slots' is_processing.
#include "generation.h"
#include "handlers.h"

namespace codeloom::server {
namespace {

// llama.cpp's task_params::to_json subset with codeloom's defaults.
nlohmann::json default_params(const ServerContext& ctx) {
  const decode::SamplingOptions d;
  return {{"n_predict", ctx.settings.default_max_tokens},
          {"max_tokens", ctx.settings.default_max_tokens},
          {"temperature", d.temperature},
          {"top_k", d.top_k},
          {"top_p", d.top_p},
          {"min_p", d.min_p},
          {"repeat_last_n", d.last_n},
          {"repeat_penalty", d.repetition_penalty},
          {"seed", d.seed},
          {"stop", nlohmann::json::array()},
          {"n_indent", 0},
          {"ignore_eos", false},
          {"stream", false},
          {"lora", nlohmann::json::array()}};
}

std::string piece(const llm::Model& m, llm::Token t) { return t == llm::kNoToken ? "" : m.token_to_piece(t, true); }

}  // namespace

HttpResponse handle_props(ServerContext& ctx, const HttpRequest&) {
  HttpResponse out;
  out.body = dump({{"default_generation_settings", {{"n_ctx", ctx.engine->n_ctx()}, {"params", default_params(ctx)}}},
                   {"total_slots", ctx.settings.slots},
                   {"model_alias", ctx.model_id},
                   {"model_path", ctx.model->info().path},
                   {"modalities", {{"vision", false}, {"video", false}, {"audio", false}}},
                   {"endpoint_slots", true},
                   {"endpoint_props", true},
                   {"endpoint_metrics", true},
                   {"chat_template", ctx.chat_template},
                   {"bos_token", piece(*ctx.model, ctx.model->bos())},
                   {"eos_token", piece(*ctx.model, ctx.model->eos())},
                   {"build_info", "codeloom"},
                   {"is_sleeping", false}});
  return out;
}

HttpResponse handle_slots(ServerContext& ctx, const HttpRequest&) {
  const EngineStats st = ctx.engine->stats();
  nlohmann::json slots = nlohmann::json::array();
  for (std::size_t i = 0; i < st.slot_busy.size(); ++i) {
    slots.push_back(
        {{"id", i}, {"n_ctx", ctx.engine->n_ctx()}, {"speculative", false}, {"is_processing", static_cast<bool>(st.slot_busy[i])}});
  }
  HttpResponse out;
  out.body = dump(slots);
  return out;
}

}  // namespace codeloom::server
