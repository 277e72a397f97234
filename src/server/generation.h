// The path every generating endpoint shares: sampling fields, submitting a
// job, waiting for it (non-streaming) or pumping its text to the client
// (streaming, with cancellation when the client goes away), and recording the
// served completion for feedback joins.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "api_error.h"
#include "context.h"

namespace codeloom::server {

// Common sampling fields, read as llama.cpp's server reads them on every
// endpoint: the token limit is n_predict (-1 = server default), else the
// endpoint's OpenAI names in `openai_limit_keys` (first present wins); a limit
// above --max-tokens-limit is lowered to it. Candidates: n_cmpl, else n.
// n_indent (llama.cpp's minimum indentation), lora (only an empty list: no
// adapters are loaded), stop (at most --max-stop strings).
struct SamplingFields {
  decode::GenerateOptions options;
  bool stream = false;
  bool n_cmpl = false;  // the request said n_cmpl (llama.cpp's name) rather than n
  std::string user;
  std::string model;  // as sent; checked against the served id only with --strict-model
};
SamplingFields read_sampling(Fields& f, const nlohmann::json& body, const ServerContext& ctx,
                             std::initializer_list<const char*> openai_limit_keys);

// Tokens of the context kept free for generation when a prompt must be
// truncated: max_tokens, but at most half the context (llama.cpp generates
// until the context is full rather than refusing a large n_predict).
int generation_reserve(const decode::GenerateOptions& o, int n_ctx);

// With --strict-model: 404 model_not_found unless `requested` is empty or the
// served model id. Without it (the default, as llama.cpp's single-model
// server): never an error.
std::optional<ApiError> check_model(const ServerContext& ctx, const std::string& requested);

// Text deltas from the engine thread to the connection thread.
class StreamChannel {
 public:
  void push(int index, std::string_view delta);
  // Moves out what arrived, waiting up to `wait` when nothing has.
  std::vector<std::pair<int, std::string>> take(std::chrono::milliseconds wait);

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::pair<int, std::string>> pending_;
};

struct Running {
  std::shared_ptr<Job> job;
  std::shared_ptr<StreamChannel> channel;  // streaming only
  std::chrono::steady_clock::time_point started;
};

// Submits; ApiError 429 (queue full, with Retry-After) or 503 (shutting down).
std::variant<Running, ApiError> start_job(ServerContext& ctx, std::vector<llm::Token> prompt,
                                          decode::GenerateOptions options, std::string affinity_key, bool stream);

// Waits for a non-streaming job; a job still queued after queue_timeout_ms is
// withdrawn (503). While it waits it polls `client_gone` (when set) every
// 50 ms: a client that hung up cancels the job (499, counted as cancelled).
// Returns the result or the API error to send.
std::variant<const JobResult*, ApiError> wait_job(ServerContext& ctx, Running& run,
                                                  const std::function<bool()>& client_gone);

// Streams deltas through `emit(index, delta)` (which formats and writes one
// event and returns false when the client is gone) until the job finishes.
// Returns false when the client went away (the job was cancelled).
bool pump_stream(ServerContext& ctx, Running& run, const std::function<bool(int, const std::string&)>& emit,
                 const StreamWriter& write);

// Maps an engine error to an API error (400 for bad prompts, 500 otherwise).
ApiError generation_error(const Error& e);

// Records metrics and (when the job succeeded) the served completion.
void record_served(ServerContext& ctx, const std::string& id, const std::string& endpoint, const SamplingFields& s,
                   const std::vector<llm::Token>& prompt, const std::string& language, const JobResult& r);

// SSE framing: "data: <json>\n\n".
std::string sse(const nlohmann::json& j);
std::string dump(const nlohmann::json& j);  // never throws on invalid UTF-8

// OpenAI finish_reason for a decode finish.
const char* openai_finish(decode::FinishReason f);

}  // namespace codeloom::server
