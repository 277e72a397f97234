// One function per endpoint; each validates its request and never throws
// (Server wraps them in a last-resort catch all the same).
#pragma once

#include "context.h"
#include "http.h"

namespace codeloom::server {

HttpResponse handle_completions(ServerContext& ctx, const HttpRequest& req);  // POST /v1/completions
HttpResponse handle_chat(ServerContext& ctx, const HttpRequest& req);         // POST /v1/chat/completions
HttpResponse handle_infill(ServerContext& ctx, const HttpRequest& req);       // POST /infill
HttpResponse handle_feedback(ServerContext& ctx, const HttpRequest& req);     // POST /v1/feedback
HttpResponse handle_models(ServerContext& ctx, const HttpRequest& req);       // GET /v1/models
HttpResponse handle_health(ServerContext& ctx, const HttpRequest& req);       // GET /health
HttpResponse handle_metrics(ServerContext& ctx, const HttpRequest& req);      // GET /metrics
HttpResponse handle_props(ServerContext& ctx, const HttpRequest& req);        // GET /props (llama.cpp)
HttpResponse handle_slots(ServerContext& ctx, const HttpRequest& req);        // GET /slots (llama.cpp)

// The response for a failed start_job (adds Retry-After to 429).
HttpResponse busy_response(const ServerContext& ctx, const ApiError& e);

}  // namespace codeloom::server
