#include "generation.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <random>

#include "codeloom/common/log.h"

namespace codeloom::server {

using SteadyClock = std::chrono::steady_clock;

std::string new_id(const char* prefix) {
  static const std::uint64_t seed = [] {
    std::random_device rd;
    return (static_cast<std::uint64_t>(rd()) << 32) ^ rd() ^
           static_cast<std::uint64_t>(SteadyClock::now().time_since_epoch().count());
  }();
  static std::atomic<std::uint64_t> counter{0};
  const std::uint64_t n = counter.fetch_add(1);
  std::mt19937_64 mix(seed ^ (n * 0x9E3779B97F4A7C15ULL));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s-%016llx%08llx", prefix, static_cast<unsigned long long>(mix()),
                static_cast<unsigned long long>(n & 0xffffffffULL));
  return buf;
}

std::int64_t unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// llama.cpp's per-request adapters: [{"id": int, "scale": number}]. None are
// loaded here, so only an empty list is valid.
static void read_lora(Fields& f, const nlohmann::json& lora) {
  if (!lora.is_array()) {
    f.fail("'lora' must be an array of {\"id\": integer, \"scale\": number}", "lora");
  } else if (!lora.empty()) {
    f.fail("'lora' asks for " + std::to_string(lora.size()) +
               " LoRA adapter(s), but this server has no adapters loaded; send \"lora\": [] or leave the field out "
               "(llama.vscode: clear the setting lora_completion / lora_chat)",
           "lora");
  }
}

SamplingFields read_sampling(Fields& f, const nlohmann::json& body, const ServerContext& ctx,
                             std::initializer_list<const char*> openai_limit_keys) {
  const Settings& st = ctx.settings;
  constexpr long long kIntMax = 2147483647;
  SamplingFields s;
  auto& o = s.options;
  s.n_cmpl = f.has("n_cmpl");
  o.n = static_cast<int>(f.integer(s.n_cmpl ? "n_cmpl" : "n", 1, st.max_n).value_or(1));
  // llama.cpp's n_predict (-1: no limit of the client's; the server default
  // here) wins over the OpenAI names; 0 only evaluates the prompt.
  long long mt = -1;
  if (f.has("n_predict")) {
    mt = f.integer("n_predict", -1, kIntMax).value_or(-1);
  } else {
    for (const char* key : openai_limit_keys) {
      if (!f.has(key)) continue;
      mt = f.integer(key, 0, kIntMax).value_or(-1);
      break;
    }
  }
  o.max_tokens = static_cast<int>(mt < 0 ? st.default_max_tokens : std::min<long long>(mt, st.max_tokens_limit));
  if (auto t = f.number("temperature", 0.0, 10.0)) o.sampling.temperature = static_cast<float>(*t);
  if (auto p = f.number("top_p", 0.0, 1.0)) o.sampling.top_p = static_cast<float>(*p);
  if (auto k = f.integer("top_k", 0, 1 << 20)) o.sampling.top_k = static_cast<int>(*k);
  if (auto m = f.number("min_p", 0.0, 1.0)) o.sampling.min_p = static_cast<float>(*m);
  if (auto r = f.number("repeat_penalty", 0.0, 10.0)) o.sampling.repetition_penalty = static_cast<float>(*r);
  if (auto seed = f.integer("seed", -1, 0xffffffffLL); seed && *seed >= 0) {
    o.sampling.seed = static_cast<std::uint32_t>(*seed);
  }
  if (auto stop = f.strings("stop", static_cast<std::size_t>(st.max_stop), 256)) o.stop = *stop;
  o.min_indent = static_cast<int>(f.integer("n_indent", 0, kIntMax).value_or(0));
  o.ignore_eos = f.boolean("ignore_eos").value_or(false);  // llama.cpp server's field
  s.stream = f.boolean("stream").value_or(false);
  s.user = f.string("user", 256).value_or("");
  s.model = f.string("model", 512).value_or("");
  long long limit = st.request_time_limit_ms;
  if (auto t = f.integer("t_max_predict_ms", -1, 86400000); t && *t > 0) limit = std::min(limit, *t);
  o.time_limit = std::chrono::milliseconds(limit);
  if (f.has("lora")) read_lora(f, body["lora"]);
  return s;
}

int generation_reserve(const decode::GenerateOptions& o, int n_ctx) { return std::min(o.max_tokens, n_ctx / 2); }

std::optional<ApiError> check_model(const ServerContext& ctx, const std::string& requested) {
  if (!ctx.settings.strict_model || requested.empty() || requested == ctx.model_id) return std::nullopt;
  ApiError e;
  e.status = 404;
  e.message = "The model '" + requested + "' does not exist; this server serves '" + ctx.model_id +
              "' (started with --strict-model true)";
  e.param = "model";
  e.code = "model_not_found";
  return e;
}

void StreamChannel::push(int index, std::string_view delta) {
  {
    std::lock_guard lock(mu_);
    pending_.emplace_back(index, std::string(delta));
  }
  cv_.notify_one();
}

std::vector<std::pair<int, std::string>> StreamChannel::take(std::chrono::milliseconds wait) {
  std::unique_lock lock(mu_);
  cv_.wait_for(lock, wait, [&] { return !pending_.empty(); });
  std::vector<std::pair<int, std::string>> out;
  out.swap(pending_);
  return out;
}

std::variant<Running, ApiError> start_job(ServerContext& ctx, std::vector<llm::Token> prompt,
                                          decode::GenerateOptions options, std::string affinity_key, bool stream) {
  Running run;
  run.started = SteadyClock::now();
  run.job = std::make_shared<Job>();
  run.job->prompt = std::move(prompt);
  run.job->options = std::move(options);
  run.job->affinity_key = std::move(affinity_key);
  if (stream) {
    run.channel = std::make_shared<StreamChannel>();
    run.job->on_text = [ch = run.channel](int i, std::string_view d) { ch->push(i, d); };
  }
  Status st = ctx.engine->submit(run.job);
  if (!st) {
    ApiError e;
    if (st.error().code == ErrorCode::kOutOfRange) {
      ctx.metrics.rejected();
      e.status = 429;
      e.type = "rate_limit_error";
      e.code = "queue_full";
    } else {
      e.status = 503;
      e.type = "unavailable_error";
    }
    e.message = st.error().message;
    return e;
  }
  return run;
}

std::variant<const JobResult*, ApiError> wait_job(ServerContext& ctx, Running& run,
                                                  const std::function<bool()>& client_gone) {
  const auto queue_deadline = run.started + std::chrono::milliseconds(ctx.settings.queue_timeout_ms);
  bool withdrawn = false;
  for (;;) {
    const auto now = SteadyClock::now();
    auto step = std::chrono::milliseconds(client_gone ? 50 : ctx.settings.queue_timeout_ms);
    if (!withdrawn) {
      step = std::min(step, std::chrono::duration_cast<std::chrono::milliseconds>(queue_deadline - now) +
                                std::chrono::milliseconds(1));
    }
    if (step < std::chrono::milliseconds(1)) step = std::chrono::milliseconds(1);
    if (run.job->wait_for(step)) break;
    if (!withdrawn && SteadyClock::now() >= queue_deadline) {
      ctx.engine->withdraw(run.job);  // no-op when it is already running
      withdrawn = true;
    }
    if (client_gone && client_gone()) {
      run.job->cancelled = true;  // a running job stops at its next token
      ctx.engine->withdraw(run.job);
      run.job->wait();
      ctx.metrics.cancelled();
      ApiError e;
      e.status = 499;  // nginx's "client closed request": nobody reads it
      e.type = "cancelled";
      e.message = "the client closed the connection";
      return e;
    }
    if (withdrawn && !client_gone) break;
  }
  const JobResult& r = run.job->wait();
  if (!r.candidates && r.slot < 0) {
    ApiError e;
    e.status = 503;
    e.type = "unavailable_error";
    e.message = r.candidates.error().code == ErrorCode::kCancelled && !ctx.draining
                    ? "no slot became free within " + std::to_string(ctx.settings.queue_timeout_ms) + " ms; retry later"
                    : r.candidates.error().message;
    return e;
  }
  if (!r.candidates) return generation_error(r.candidates.error());
  return &r;
}

bool pump_stream(ServerContext& ctx, Running& run, const std::function<bool(int, const std::string&)>& emit,
                 const StreamWriter& write) {
  auto since_write = SteadyClock::now();
  for (;;) {
    const bool finished = run.job->done();  // read before draining: no delta arrives after done
    for (auto& [i, d] : run.channel->take(std::chrono::milliseconds(finished ? 0 : 20))) {
      if (!emit(i, d)) {
        run.job->cancelled = true;
        ctx.engine->withdraw(run.job);
        ctx.metrics.cancelled();
        return false;
      }
      since_write = SteadyClock::now();
    }
    if (finished) return true;
    // An SSE comment now and then: a write is how a closed connection shows
    // up, so a client that left while the job waits or thinks is noticed.
    if (SteadyClock::now() - since_write > std::chrono::milliseconds(250)) {
      if (!write(": keep-alive\n\n")) {
        run.job->cancelled = true;
        ctx.engine->withdraw(run.job);
        ctx.metrics.cancelled();
        return false;
      }
      since_write = SteadyClock::now();
    }
  }
}

ApiError generation_error(const Error& e) {
  ApiError a;
  switch (e.code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kOutOfRange:
    case ErrorCode::kUnsupported: a.status = 400; break;
    case ErrorCode::kCancelled:
      a.status = 503;
      a.type = "unavailable_error";
      break;
    default:
      a.status = 500;
      a.type = "server_error";
  }
  a.message = e.message;
  return a;
}

static std::string prompt_hash(const std::vector<llm::Token>& tokens) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over the token ids
  for (llm::Token t : tokens) {
    for (int b = 0; b < 4; ++b) {
      h ^= static_cast<std::uint8_t>(static_cast<std::uint32_t>(t) >> (8 * b));
      h *= 1099511628211ULL;
    }
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

void record_served(ServerContext& ctx, const std::string& id, const std::string& endpoint, const SamplingFields& s,
                   const std::vector<llm::Token>& prompt, const std::string& language, const JobResult& r) {
  std::size_t generated = 0;
  if (r.candidates) {
    for (const auto& c : *r.candidates) generated += c.tokens.size();
  }
  ctx.metrics.generation(r.prompt_tokens, r.reused_tokens, generated, r.generate_ms / 1000.0);
  if (!r.candidates) return;
  ServedCompletion c;
  c.id = id;
  c.user_id = s.user;
  c.model = ctx.model_id;
  c.endpoint = endpoint;
  c.prompt_hash = prompt_hash(prompt);
  c.language = language;
  const auto& o = s.options;
  c.params_json = dump({{"n", o.n},
                        {"max_tokens", o.max_tokens},
                        {"temperature", o.sampling.temperature},
                        {"top_p", o.sampling.top_p},
                        {"top_k", o.sampling.top_k},
                        {"min_p", o.sampling.min_p},
                        {"seed", o.sampling.seed},
                        {"stop", o.stop}});
  for (const auto& cand : *r.candidates) c.candidates.push_back(cand.text);
  c.created_ms = unix_ms();
  c.latency_ms = r.queue_ms + r.prefill_ms + r.generate_ms;
  if (Status st = ctx.feedback->record_completion(c); !st) {
    // The client still gets its completion; feedback for it cannot be joined.
    CODELOOM_LOG(kWarn, "could not record completion " << id << ": " << st.error().message);
  }
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string sse(const nlohmann::json& j) { return "data: " + dump(j) + "\n\n"; }

const char* openai_finish(decode::FinishReason f) {
  switch (f) {
    case decode::FinishReason::kLength:
    case decode::FinishReason::kTimeLimit: return "length";
    default: return "stop";
  }
}

}  // namespace codeloom::server
