// State shared by the handlers of one Server.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "codeloom/llm/model.h"
#include "codeloom/prompt/infill.h"
#include "codeloom/server/engine.h"
#include "codeloom/server/feedback_sink.h"
#include "codeloom/server/settings.h"
#include "http.h"
#include "server_metrics.h"

namespace codeloom::server {

struct ServerContext {
  Settings settings;
  std::shared_ptr<const llm::Model> model;
  std::unique_ptr<Engine> engine;
  std::unique_ptr<FeedbackSink> feedback;
  std::unique_ptr<HttpServer> http;
  ServerMetrics metrics;
  std::string model_id;       // what clients send as "model"
  std::string chat_template;  // resolved at start
  prompt::FimOrder fim_order = prompt::FimOrder::kAuto;  // settings.fim_order
  std::int64_t started_s = 0;
  std::atomic<bool> draining{false};
  std::atomic<int> in_flight{0};
};

// "cmpl-1a2b..." — unique per process run (random seed + counter).
std::string new_id(const char* prefix);
std::int64_t unix_ms();

}  // namespace codeloom::server
