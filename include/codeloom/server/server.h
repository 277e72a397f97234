// codeloom::server::Server — the HTTP API over an Engine.
//
// Endpoints (docs/server.md has request/response examples):
//   POST /v1/completions       OpenAI completions (prompt, suffix = FIM, n, stream, logprobs, ...)
//   POST /v1/chat/completions  OpenAI chat (natural language -> code), streaming
//   POST /infill               llama.cpp server's infill (llama.vim, llama.vscode)
//   POST /v1/feedback          shown / accepted / rejected / edited events
//   GET  /v1/models, /health, /metrics
//
//   auto srv = Server::create(settings, model, std::make_unique<MemoryFeedbackSink>());
//   auto port = (*srv)->bind();
//   std::thread t([&] { (*srv)->run(); });
//   ... (*srv)->drain_and_stop();  t.join();
//
// Thread-safety: bind() and run() from one thread; drain_and_stop() from any.
#pragma once

#include <memory>

#include "codeloom/common/status.h"
#include "codeloom/llm/model.h"
#include "codeloom/server/feedback_sink.h"
#include "codeloom/server/settings.h"

namespace codeloom::server {

struct ServerContext;

class Server {
 public:
  // Creates the engine (slots) and routes. Errors of Engine::create and settings validation.
  static Result<std::unique_ptr<Server>> create(const Settings& settings, std::shared_ptr<const llm::Model> model,
                                                std::unique_ptr<FeedbackSink> feedback);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  Result<int> bind();  // the port actually bound
  void run();          // serves until drain_and_stop()
  // New requests get 503; in-flight ones get up to drain_timeout_ms to
  // finish; then the listener closes and run() returns.
  void drain_and_stop();

 private:
  Server() = default;
  std::unique_ptr<ServerContext> ctx_;
};

}  // namespace codeloom::server
