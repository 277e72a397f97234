// POST /v1/completions — OpenAI's legacy completions API. "suffix" turns it
// into fill-in-the-middle (what Continue and other FIM clients send).
// llama.cpp's fields work too (n_predict, n_cmpl, n_indent, lora: []), and
// codeloom's scopes (codeloom_scope, codeloom_language; request_scope.h).
#include "codeloom/prompt/infill.h"
#include "generation.h"
#include "handlers.h"
#include "request_scope.h"

namespace codeloom::server {
namespace {

nlohmann::json logprobs_json(const llm::Model& model, const decode::Candidate& c) {
  nlohmann::json tokens = nlohmann::json::array(), lps = nlohmann::json::array(), top = nlohmann::json::array(),
                 offsets = nlohmann::json::array();
  std::size_t offset = 0;
  for (std::size_t i = 0; i < c.tokens.size(); ++i) {
    const std::string piece = model.token_to_piece(c.tokens[i]);
    tokens.push_back(piece);
    lps.push_back(c.logprobs[i]);
    // Only the chosen token's log-probability is known (no alternatives are kept).
    top.push_back(nlohmann::json::object({{piece, c.logprobs[i]}}));
    offsets.push_back(offset);
    offset += piece.size();
  }
  return {{"tokens", tokens}, {"token_logprobs", lps}, {"top_logprobs", top}, {"text_offset", offsets}};
}

}  // namespace

HttpResponse busy_response(const ServerContext& ctx, const ApiError& e) {
  HttpResponse r = error_response(e);
  if (e.status == 429) r.headers.emplace_back("Retry-After", std::to_string(ctx.settings.retry_after_s));
  return r;
}

HttpResponse handle_completions(ServerContext& ctx, const HttpRequest& req) {
  nlohmann::json body;
  if (auto e = parse_object(req.body, &body)) return error_response(*e);
  Fields f(body);
  const std::size_t max_text = static_cast<std::size_t>(ctx.settings.max_body_bytes);
  std::string prompt_text;
  if (!f.has("prompt")) {
    f.fail("'prompt' is required (a string)", "prompt");
  } else if (body["prompt"].is_array()) {
    // OpenAI allows a batch of prompts; one prompt per request here.
    if (body["prompt"].size() != 1 || !body["prompt"][0].is_string()) {
      f.fail("'prompt' must be a string or an array holding exactly one string", "prompt");
    } else {
      prompt_text = body["prompt"][0].get<std::string>();
    }
  } else {
    prompt_text = f.string("prompt", max_text).value_or("");
  }
  const auto suffix = f.string("suffix", max_text);
  const auto logprobs = f.integer("logprobs", 0, 5);
  if (f.boolean("echo").value_or(false)) f.fail("'echo' is not supported", "echo");
  SamplingFields s = read_sampling(f, body, ctx, {"max_tokens"});
  const std::string language = read_scope(f, body, prompt_text, s.options);
  if (f.error) return error_response(*f.error);
  if (auto e = check_model(ctx, s.model)) return error_response(*e);

  prompt::PromptBudget budget;
  budget.n_ctx = ctx.engine->n_ctx();
  budget.max_new_tokens = generation_reserve(s.options, budget.n_ctx);
  Result<prompt::CodePrompt> p = make_error(ErrorCode::kInternal, "");
  if (suffix) {
    prompt::InfillRequest ir;
    ir.prefix = prompt_text;
    ir.suffix = *suffix;
    ir.order = ctx.fim_order;
    p = prompt::build_infill_prompt(*ctx.model, ir, budget);
  } else {
    p = prompt::build_completion_prompt(*ctx.model, prompt_text, budget);
  }
  if (!p) {
    ApiError e = bad_request(p.error().message, suffix ? "suffix" : "prompt");
    return error_response(e);
  }
  s.options.stop_tokens = p->stop_tokens;
  const std::vector<llm::Token> tokens = p->tokens;
  auto started = start_job(ctx, tokens, s.options, s.user.empty() ? req.remote_addr : s.user, s.stream);
  if (auto* e = std::get_if<ApiError>(&started)) return busy_response(ctx, *e);
  Running run = std::move(std::get<Running>(started));

  const std::string id = new_id("cmpl");
  const std::int64_t created = unix_ms() / 1000;
  ServerContext* c = &ctx;
  if (!s.stream) {
    auto waited = wait_job(ctx, run, req.client_gone);
    if (auto* e = std::get_if<ApiError>(&waited)) return error_response(*e);
    const JobResult& r = *std::get<const JobResult*>(waited);
    record_served(ctx, id, "/v1/completions", s, tokens, language, r);
    nlohmann::json choices = nlohmann::json::array();
    std::size_t completion_tokens = 0;
    for (std::size_t i = 0; i < r.candidates->size(); ++i) {
      const auto& cand = (*r.candidates)[i];
      completion_tokens += cand.tokens.size();
      choices.push_back({{"text", cand.text},
                         {"index", i},
                         {"logprobs", logprobs ? logprobs_json(*ctx.model, cand) : nlohmann::json(nullptr)},
                         {"finish_reason", openai_finish(cand.finish)}});
    }
    HttpResponse out;
    out.body = dump({{"id", id},
                     {"object", "text_completion"},
                     {"created", created},
                     {"model", ctx.model_id},
                     {"choices", choices},
                     {"usage",
                      {{"prompt_tokens", tokens.size()},
                       {"completion_tokens", completion_tokens},
                       {"total_tokens", tokens.size() + completion_tokens},
                       {"prompt_tokens_details", {{"cached_tokens", r.reused_tokens}}}}}});
    return out;
  }

  HttpResponse out;
  out.content_type = "text/event-stream";
  out.headers.emplace_back("Cache-Control", "no-cache");
  out.stream = [c, run, id, created, s, tokens, language](const StreamWriter& write) mutable {
    auto chunk = [&](int index, const std::string& text, const nlohmann::json& finish) {
      return nlohmann::json{{"id", id},
                            {"object", "text_completion"},
                            {"created", created},
                            {"model", c->model_id},
                            {"choices", {{{"text", text}, {"index", index}, {"logprobs", nullptr}, {"finish_reason", finish}}}}};
    };
    const bool alive = pump_stream(
        *c, run, [&](int i, const std::string& d) { return write(sse(chunk(i, d, nullptr))); }, write);
    const JobResult& r = run.job->wait();
    record_served(*c, id, "/v1/completions", s, tokens, language, r);
    if (!alive) return;
    if (!r.candidates) {
      write(sse(error_json(generation_error(r.candidates.error()))));
      return;
    }
    // Candidates are streamed by generation index; duplicates removed from the
    // ranked list still get their own finish chunk.
    for (int i = 0; i < s.options.n; ++i) {
      const char* finish = "stop";
      for (const auto& cand : *r.candidates) {
        if (cand.index == i) finish = openai_finish(cand.finish);
      }
      if (!write(sse(chunk(i, "", finish)))) return;
    }
    write("data: [DONE]\n\n");
  };
  return out;
}

}  // namespace codeloom::server
