// POST /infill — llama.cpp server's infill API, so llama.vim and llama.vscode
// work unchanged. Request: input_prefix, input_suffix (required), input_extra
// [{filename, text}], prompt (text typed on the cursor line; appended to the
// prefix), n_predict (0: only evaluate the prompt — the clients' cache
// warm-up), n_cmpl (several completions: a JSON array, as llama.cpp),
// n_indent, t_max_predict_ms, sampling fields, stream, response_fields,
// lora (only []), and codeloom's codeloom_scope / codeloom_language
// (request_scope.h). "model" is ignored, as by llama.cpp's single-model
// server. Fields llama.cpp uses for its own scheduling (cache_prompt,
// id_slot, samplers, t_max_prompt_ms) are accepted and ignored.
#include "codeloom/prompt/infill.h"
#include "generation.h"
#include "handlers.h"
#include "request_scope.h"

namespace codeloom::server {
namespace {

const char* stop_type(decode::FinishReason f) {
  switch (f) {
    case decode::FinishReason::kEos: return "eos";
    case decode::FinishReason::kStop:
    case decode::FinishReason::kScope: return "word";
    case decode::FinishReason::kLength:
    case decode::FinishReason::kTimeLimit: return "limit";
    default: return "none";
  }
}

// llama.cpp's json_get_nested_values: keeps only the listed "a/b" paths, keyed by the path.
nlohmann::json select_fields(const std::vector<std::string>& paths, const nlohmann::json& full) {
  if (paths.empty()) return full;
  nlohmann::json out = nlohmann::json::object();
  for (const auto& path : paths) {
    const nlohmann::json* cur = &full;
    bool valid = true;
    std::size_t start = 0;
    while (valid && start <= path.size()) {
      const std::size_t slash = path.find('/', start);
      const std::string key = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      if (cur->is_object() && cur->contains(key)) {
        cur = &(*cur)[key];
      } else {
        valid = false;
      }
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    if (valid) out[path] = *cur;
  }
  return out;
}

nlohmann::json timings(const JobResult& r, std::size_t predicted) {
  const double prompt_n = static_cast<double>(r.prompt_tokens - r.reused_tokens);
  return {{"cache_n", r.reused_tokens},
          {"prompt_n", r.prompt_tokens - r.reused_tokens},
          {"prompt_ms", r.prefill_ms},
          {"prompt_per_token_ms", prompt_n > 0 ? r.prefill_ms / prompt_n : 0.0},
          {"prompt_per_second", r.prefill_ms > 0 ? prompt_n * 1000.0 / r.prefill_ms : 0.0},
          {"predicted_n", predicted},
          {"predicted_ms", r.generate_ms},
          {"predicted_per_token_ms", predicted ? r.generate_ms / static_cast<double>(predicted) : 0.0},
          {"predicted_per_second", r.generate_ms > 0 ? static_cast<double>(predicted) * 1000.0 / r.generate_ms : 0.0}};
}

}  // namespace

HttpResponse handle_infill(ServerContext& ctx, const HttpRequest& req) {
  nlohmann::json body;
  if (auto e = parse_object(req.body, &body)) return error_response(*e);
  Fields f(body);
  const std::size_t max_text = static_cast<std::size_t>(ctx.settings.max_body_bytes);
  prompt::InfillRequest ir;
  ir.order = ctx.fim_order;
  if (!f.has("input_prefix")) f.fail("\"input_prefix\" is required", "input_prefix");
  if (!f.has("input_suffix")) f.fail("\"input_suffix\" is required", "input_suffix");
  ir.prefix = f.string("input_prefix", max_text).value_or("");
  ir.suffix = f.string("input_suffix", max_text).value_or("");
  ir.prefix += f.string("prompt", max_text).value_or("");
  if (f.has("input_extra")) {
    const auto& extra = body["input_extra"];
    if (!extra.is_array()) {
      f.fail("\"input_extra\" must be an array of {\"filename\": string, \"text\": string}", "input_extra");
    } else {
      for (const auto& chunk : extra) {
        if (!chunk.is_object() || !chunk.contains("text") || !chunk["text"].is_string() ||
            (chunk.contains("filename") && !chunk["filename"].is_string())) {
          f.fail("each \"input_extra\" chunk must be {\"filename\": string, \"text\": string}", "input_extra");
          break;
        }
        ir.extra.push_back({chunk.value("filename", std::string("tmp")), chunk["text"].get<std::string>()});
      }
    }
  }
  const auto response_fields = f.strings("response_fields", 64, 256).value_or(std::vector<std::string>{});
  SamplingFields s = read_sampling(f, body, ctx, {"max_completion_tokens", "max_tokens"});
  const std::string language = read_scope(f, body, ir.prefix, s.options);
  if (f.error) return error_response(*f.error);

  prompt::PromptBudget budget;
  budget.n_ctx = ctx.engine->n_ctx();
  budget.max_new_tokens = generation_reserve(s.options, budget.n_ctx);
  auto p = prompt::build_infill_prompt(*ctx.model, ir, budget);
  if (!p) {
    ApiError e = bad_request(p.error().message);
    if (p.error().code == ErrorCode::kUnsupported) {
      e.status = 501;
      e.type = "not_supported_error";
      e.message = "Infill is not supported by this model: " + p.error().message;
    }
    return error_response(e);
  }
  s.options.stop_tokens = p->stop_tokens;
  const std::vector<llm::Token> tokens = p->tokens;
  const bool truncated = p->report.truncated();
  auto started = start_job(ctx, tokens, s.options, s.user.empty() ? req.remote_addr : s.user, s.stream);
  if (auto* e = std::get_if<ApiError>(&started)) return busy_response(ctx, *e);
  Running run = std::move(std::get<Running>(started));
  const std::string id = new_id("infill");
  ServerContext* c = &ctx;

  auto final_json = [c, tokens, truncated, s](const JobResult& r, const decode::Candidate& cand, int index, bool stream) {
    const std::size_t predicted = cand.tokens.size();
    return nlohmann::json{{"index", index},
                          {"content", stream ? std::string() : cand.text},
                          {"tokens", nlohmann::json::array()},
                          {"id_slot", r.slot},
                          {"stop", true},
                          {"model", c->model_id},
                          {"tokens_predicted", predicted},
                          {"tokens_evaluated", tokens.size()},
                          {"generation_settings",
                           {{"n_ctx", c->engine->n_ctx()},
                            {"n_predict", s.options.max_tokens},
                            {"n_indent", s.options.min_indent},
                            {"temperature", s.options.sampling.temperature},
                            {"top_k", s.options.sampling.top_k},
                            {"top_p", s.options.sampling.top_p},
                            {"min_p", s.options.sampling.min_p},
                            {"seed", s.options.sampling.seed},
                            {"stop", s.options.stop}}},
                          {"prompt", ""},
                          {"has_new_line", cand.text.find('\n') != std::string::npos},
                          {"truncated", truncated},
                          {"stop_type", stop_type(cand.finish)},
                          {"stopping_word", ""},
                          {"tokens_cached", r.prompt_tokens + predicted},
                          {"timings", timings(r, predicted)}};
  };

  // One completion: an object. Several (n_cmpl > 1): an array of them, as
  // llama.cpp answers; duplicates are removed, so it may hold fewer.
  const bool several = s.options.n > 1;
  if (!s.stream) {
    auto waited = wait_job(ctx, run, req.client_gone);
    if (auto* e = std::get_if<ApiError>(&waited)) return error_response(*e);
    const JobResult& r = *std::get<const JobResult*>(waited);
    record_served(ctx, id, "/infill", s, tokens, language, r);
    HttpResponse out;
    if (several) {
      nlohmann::json all = nlohmann::json::array();
      for (std::size_t i = 0; i < r.candidates->size(); ++i) {
        all.push_back(select_fields(response_fields, final_json(r, (*r.candidates)[i], static_cast<int>(i), false)));
      }
      out.body = dump(all);
    } else {
      const decode::Candidate empty;
      const auto& best = r.candidates->empty() ? empty : r.candidates->front();
      out.body = dump(select_fields(response_fields, final_json(r, best, 0, false)));
    }
    out.headers.emplace_back("X-Completion-Id", id);
    return out;
  }

  HttpResponse out;
  out.content_type = "text/event-stream";
  out.headers.emplace_back("X-Completion-Id", id);
  out.stream = [c, run, id, s, tokens, final_json, language](const StreamWriter& write) mutable {
    std::vector<std::size_t> predicted(static_cast<std::size_t>(s.options.n), 0);
    const bool alive = pump_stream(
        *c, run,
        [&](int i, const std::string& d) {
          if (i < 0 || i >= s.options.n) return true;  // refill draws past n are not streamed
          ++predicted[static_cast<std::size_t>(i)];
          return write(sse({{"index", i},
                            {"content", d},
                            {"tokens", nlohmann::json::array()},
                            {"stop", false},
                            {"id_slot", -1},
                            {"tokens_predicted", predicted[static_cast<std::size_t>(i)]},
                            {"tokens_evaluated", tokens.size()}}));
        },
        write);
    const JobResult& r = run.job->wait();
    record_served(*c, id, "/infill", s, tokens, language, r);
    if (!alive) return;
    if (!r.candidates) {
      write(sse(error_json(generation_error(r.candidates.error()))));
      return;
    }
    // A final event per streamed candidate (a duplicate removed from the
    // ranked list still ends its stream).
    for (int i = 0; i < s.options.n; ++i) {
      const decode::Candidate empty;
      const decode::Candidate* cand = &empty;
      for (const auto& x : *r.candidates) {
        if (x.index == i) cand = &x;
      }
      if (!write(sse(final_json(r, *cand, i, true)))) return;
    }
  };
  return out;
}

}  // namespace codeloom::server
