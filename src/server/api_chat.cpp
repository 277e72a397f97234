// POST /v1/chat/completions — OpenAI chat, for natural language -> code.
// Messages are formatted with the chat template resolved at start-up
// (--chat-template, else the model's, else chatml) by llama.cpp's built-in
// template engine; the reply ends at the model's end-of-turn token.
#include <llama.h>

#include "generation.h"
#include "handlers.h"

namespace codeloom::server {
namespace {

struct Message {
  std::string role;
  std::string content;
};

// Content is a string or an array of {"type": "text", "text": ...} parts.
std::optional<ApiError> read_messages(const nlohmann::json& body, std::size_t max_bytes, std::vector<Message>* out) {
  auto it = body.find("messages");
  if (it == body.end() || it->is_null()) return bad_request("'messages' is required (an array of {role, content})", "messages");
  if (!it->is_array() || it->empty()) return bad_request("'messages' must be a non-empty array of {role, content}", "messages");
  std::size_t total = 0;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& m = (*it)[i];
    const std::string where = "messages[" + std::to_string(i) + "]";
    if (!m.is_object()) return bad_request(where + " must be an object, got " + json_type_name(m), "messages");
    if (!m.contains("role") || !m["role"].is_string()) return bad_request(where + ".role must be a string", "messages");
    Message msg{m["role"].get<std::string>(), ""};
    if (msg.role != "system" && msg.role != "user" && msg.role != "assistant" && msg.role != "developer") {
      return bad_request(where + ".role must be system, developer, user or assistant, got '" + msg.role + "'", "messages");
    }
    if (msg.role == "developer") msg.role = "system";
    const auto c = m.find("content");
    if (c == m.end() || c->is_null()) {
      msg.content = "";
    } else if (c->is_string()) {
      msg.content = c->get<std::string>();
    } else if (c->is_array()) {
      for (const auto& part : *c) {
        if (!part.is_object() || part.value("type", "") != "text" || !part.contains("text") || !part["text"].is_string()) {
          return bad_request(where + ".content parts must be {\"type\": \"text\", \"text\": string}", "messages");
        }
        msg.content += part["text"].get<std::string>();
      }
    } else {
      return bad_request(where + ".content must be a string or an array of text parts", "messages");
    }
    total += msg.content.size();
    if (total > max_bytes) return bad_request("'messages' hold more text than the server accepts", "messages");
    out->push_back(std::move(msg));
  }
  return std::nullopt;
}

Result<std::string> apply_template(const std::string& tmpl, const std::vector<Message>& msgs) {
  std::vector<llama_chat_message> chat;
  std::size_t size = 0;
  for (const auto& m : msgs) {
    chat.push_back({m.role.c_str(), m.content.c_str()});
    size += m.content.size();
  }
  std::vector<char> buf(2 * size + 1024);
  int32_t n = llama_chat_apply_template(tmpl.c_str(), chat.data(), chat.size(), true, buf.data(),
                                        static_cast<int32_t>(buf.size()));
  if (n > static_cast<int32_t>(buf.size())) {
    buf.resize(static_cast<std::size_t>(n));
    n = llama_chat_apply_template(tmpl.c_str(), chat.data(), chat.size(), true, buf.data(), n);
  }
  if (n < 0) {
    return make_error(ErrorCode::kUnsupported,
                      "the chat template is not one llama.cpp can apply; start the server with --chat-template chatml "
                      "(or another built-in name)");
  }
  return std::string(buf.data(), static_cast<std::size_t>(n));
}

}  // namespace

HttpResponse handle_chat(ServerContext& ctx, const HttpRequest& req) {
  nlohmann::json body;
  if (auto e = parse_object(req.body, &body)) return error_response(*e);
  std::vector<Message> messages;
  if (auto e = read_messages(body, static_cast<std::size_t>(ctx.settings.max_body_bytes), &messages)) {
    return error_response(*e);
  }
  Fields f(body);
  const bool logprobs = f.boolean("logprobs").value_or(false);
  SamplingFields s = read_sampling(f, body, ctx, {"max_completion_tokens", "max_tokens"});
  if (f.error) return error_response(*f.error);
  if (auto e = check_model(ctx, s.model)) return error_response(*e);

  auto text = apply_template(ctx.chat_template, messages);
  if (!text) return error_response(generation_error(text.error()));
  std::vector<llm::Token> tokens = ctx.model->tokenize(*text, /*add_special=*/true, /*parse_special=*/true);
  // As llama.cpp: the conversation must fit with room for one token (none
  // for n_predict 0); generation then stops when the context is full.
  if (tokens.size() + static_cast<std::size_t>(std::min(s.options.max_tokens, 1)) >
      static_cast<std::size_t>(ctx.engine->n_ctx())) {
    return error_response(bad_request("the conversation (" + std::to_string(tokens.size()) +
                                          " tokens) leaves no room in the context of " +
                                          std::to_string(ctx.engine->n_ctx()) + " tokens; shorten the messages",
                                      "messages"));
  }
  // End-of-turn markers of the common templates, in case the vocabulary does not flag them as end-of-generation.
  for (const char* eot : {"<|im_end|>", "<|eot_id|>", "<|end|>", "<|endoftext|>"}) {
    if (auto t = ctx.model->find_token(eot)) s.options.stop_tokens.push_back(*t);
  }
  auto started = start_job(ctx, tokens, s.options, s.user.empty() ? req.remote_addr : s.user, s.stream);
  if (auto* e = std::get_if<ApiError>(&started)) return busy_response(ctx, *e);
  Running run = std::move(std::get<Running>(started));
  const std::string id = new_id("chatcmpl");
  const std::int64_t created = unix_ms() / 1000;
  ServerContext* c = &ctx;

  if (!s.stream) {
    auto waited = wait_job(ctx, run, req.client_gone);
    if (auto* e = std::get_if<ApiError>(&waited)) return error_response(*e);
    const JobResult& r = *std::get<const JobResult*>(waited);
    record_served(ctx, id, "/v1/chat/completions", s, tokens, "", r);
    nlohmann::json choices = nlohmann::json::array();
    std::size_t completion_tokens = 0;
    for (std::size_t i = 0; i < r.candidates->size(); ++i) {
      const auto& cand = (*r.candidates)[i];
      completion_tokens += cand.tokens.size();
      nlohmann::json lp = nullptr;
      if (logprobs) {
        lp = {{"content", nlohmann::json::array()}};
        for (std::size_t k = 0; k < cand.tokens.size(); ++k) {
          lp["content"].push_back({{"token", ctx.model->token_to_piece(cand.tokens[k])},
                                   {"logprob", cand.logprobs[k]},
                                   {"bytes", nullptr},
                                   {"top_logprobs", nlohmann::json::array()}});
        }
      }
      choices.push_back({{"index", i},
                         {"message", {{"role", "assistant"}, {"content", cand.text}}},
                         {"logprobs", lp},
                         {"finish_reason", openai_finish(cand.finish)}});
    }
    HttpResponse out;
    out.body = dump({{"id", id},
                     {"object", "chat.completion"},
                     {"created", created},
                     {"model", ctx.model_id},
                     {"choices", choices},
                     {"usage",
                      {{"prompt_tokens", tokens.size()},
                       {"completion_tokens", completion_tokens},
                       {"total_tokens", tokens.size() + completion_tokens}}}});
    return out;
  }

  HttpResponse out;
  out.content_type = "text/event-stream";
  out.headers.emplace_back("Cache-Control", "no-cache");
  out.stream = [c, run, id, created, s, tokens](const StreamWriter& write) mutable {
    auto chunk = [&](int index, const nlohmann::json& delta, const nlohmann::json& finish) {
      return nlohmann::json{{"id", id},
                            {"object", "chat.completion.chunk"},
                            {"created", created},
                            {"model", c->model_id},
                            {"choices", {{{"index", index}, {"delta", delta}, {"logprobs", nullptr}, {"finish_reason", finish}}}}};
    };
    // The role comes first, as OpenAI sends it.
    for (int i = 0; i < s.options.n; ++i) {
      if (!write(sse(chunk(i, {{"role", "assistant"}, {"content", ""}}, nullptr)))) {
        run.job->cancelled = true;
        c->engine->withdraw(run.job);
        c->metrics.cancelled();
        record_served(*c, id, "/v1/chat/completions", s, tokens, "", run.job->wait());
        return;
      }
    }
    const bool alive = pump_stream(
        *c, run, [&](int i, const std::string& d) { return write(sse(chunk(i, {{"content", d}}, nullptr))); }, write);
    const JobResult& r = run.job->wait();
    record_served(*c, id, "/v1/chat/completions", s, tokens, "", r);
    if (!alive) return;
    if (!r.candidates) {
      write(sse(error_json(generation_error(r.candidates.error()))));
      return;
    }
    for (int i = 0; i < s.options.n; ++i) {
      const char* finish = "stop";
      for (const auto& cand : *r.candidates) {
        if (cand.index == i) finish = openai_finish(cand.finish);
      }
      if (!write(sse(chunk(i, nlohmann::json::object(), finish)))) return;
    }
    write("data: [DONE]\n\n");
  };
  return out;
}

}  // namespace codeloom::server
