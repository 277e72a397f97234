#include "codeloom/server/server.h"

#include <cctype>
#include <chrono>
#include <optional>
#include <filesystem>
#include <thread>

#include "codeloom/common/log.h"
#include "generation.h"
#include "handlers.h"

namespace codeloom::server {
namespace {

using SteadyClock = std::chrono::steady_clock;

// Compares in time independent of where the strings differ (the length may show).
bool same_secret(const std::string& given, const std::string& key) {
  if (given.size() != key.size() || key.empty()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < key.size(); ++i) diff |= static_cast<unsigned char>(given[i] ^ key[i]);
  return diff == 0;
}

struct Route {
  const char* method;
  const char* path;
  HttpResponse (*handler)(ServerContext&, const HttpRequest&);
  bool public_route;  // no API key needed
  bool generates;     // refused while draining
};

constexpr Route kRoutes[] = {
    {"POST", "/v1/completions", handle_completions, false, true},
    {"POST", "/completions", handle_completions, false, true},
    {"POST", "/v1/chat/completions", handle_chat, false, true},
    {"POST", "/chat/completions", handle_chat, false, true},
    {"POST", "/infill", handle_infill, false, true},
    {"POST", "/v1/feedback", handle_feedback, false, false},
    {"GET", "/v1/models", handle_models, false, false},
    {"GET", "/models", handle_models, false, false},
    {"GET", "/health", handle_health, true, false},
    {"GET", "/metrics", handle_metrics, false, false},
    {"GET", "/props", handle_props, false, false}, {"GET", "/v1/props", handle_props, false, false},
    {"GET", "/slots", handle_slots, false, false},
};

// The key from "Authorization: Bearer <key>"; the scheme is case-insensitive
// (RFC 7235) and any amount of spaces may follow it. "" when absent or another scheme.
std::string bearer_token(const std::string& header) {
  std::size_t i = 0;
  while (i < header.size() && header[i] == ' ') ++i;
  const std::string scheme = "bearer";
  if (header.size() < i + scheme.size() + 1) return "";
  for (std::size_t k = 0; k < scheme.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(header[i + k])) != scheme[k]) return "";
  }
  i += scheme.size();
  if (header[i] != ' ' && header[i] != '\t') return "";
  while (i < header.size() && (header[i] == ' ' || header[i] == '\t')) ++i;
  std::size_t end = header.size();
  while (end > i && (header[end - 1] == ' ' || header[end - 1] == '\t')) --end;
  return header.substr(i, end - i);
}

const Route* find_route(const std::string& method, const std::string& path) {
  for (const Route& r : kRoutes) {
    if (method == r.method && path == r.path) return &r;
  }
  return nullptr;
}

// Runs on the request head, before the body is read and before routing: with
// an API key, everything but the public routes — unknown paths included —
// needs it, so a client without the key learns nothing and costs no body read.
std::optional<HttpResponse> admit(ServerContext& ctx, const HttpRequest& head) {
  if (ctx.settings.api_key.empty()) return std::nullopt;
  const Route* route = find_route(head.method, head.path);
  if (route && route->public_route) return std::nullopt;
  if (same_secret(bearer_token(head.header("authorization")), ctx.settings.api_key)) return std::nullopt;
  ApiError e;
  e.status = 401;
  e.type = "authentication_error";
  e.code = "invalid_api_key";
  e.message = "missing or wrong API key: send 'Authorization: Bearer <key>'";
  HttpResponse res = error_response(e);
  res.headers.emplace_back("WWW-Authenticate", "Bearer");
  if (route) ctx.metrics.request(route->path, 401, 0.0);  // unknown paths would grow the label set
  if (ctx.settings.log_requests) {
    CODELOOM_LOG(kInfo, dump({{"event", "request"},
                              {"endpoint", route ? route->path : "(unknown)"},
                              {"status", 401},
                              {"ms", 0.0},
                              {"remote", head.remote_addr}}));
  }
  return res;
}

// Draining, the last-resort catch, metrics and the structured log line.
HttpResponse serve(ServerContext& ctx, const Route& route, const HttpRequest& req) {
  const auto t0 = SteadyClock::now();
  ctx.in_flight.fetch_add(1);
  HttpResponse res;
  if (route.generates && ctx.draining.load()) {
    ApiError e;
    e.status = 503;
    e.type = "unavailable_error";
    e.message = "the server is shutting down";
    res = error_response(e);
  }
  if (res.status == 200) {
    try {
      res = route.handler(ctx, req);
    } catch (const std::exception& ex) {  // never let a handler take the process down
      ApiError e;
      e.status = 500;
      e.type = "server_error";
      e.message = std::string("internal error: ") + ex.what();
      CODELOOM_LOG(kError, route.path << ": " << e.message);
      res = error_response(e);
    }
  }
  const std::string endpoint = route.path;
  auto finish = [&ctx, endpoint, t0, remote = req.remote_addr](int status) {
    const double s = std::chrono::duration<double>(SteadyClock::now() - t0).count();
    ctx.metrics.request(endpoint, status, s);
    if (ctx.settings.log_requests) {
      CODELOOM_LOG(kInfo, dump({{"event", "request"},
                                {"endpoint", endpoint},
                                {"status", status},
                                {"ms", s * 1000.0},
                                {"remote", remote}}));
    }
    ctx.in_flight.fetch_sub(1);
  };
  if (res.stream) {
    // The stream runs after this function returns: count and log it when it ends.
    auto inner = std::move(res.stream);
    const int status = res.status;
    res.stream = [inner, finish, status](const StreamWriter& write) {
      try {
        inner(write);
      } catch (const std::exception& ex) {
        CODELOOM_LOG(kError, "stream failed: " << ex.what());
      }
      finish(status);
    };
  } else {
    finish(res.status);
  }
  return res;
}

}  // namespace

Result<std::unique_ptr<Server>> Server::create(const Settings& settings, std::shared_ptr<const llm::Model> model,
                                               std::unique_ptr<FeedbackSink> feedback) {
  if (Status st = validate(settings); !st) return st.error();
  if (!model) return make_error(ErrorCode::kInvalidArgument, "no model");
  if (!feedback) feedback = std::make_unique<MemoryFeedbackSink>();
  std::unique_ptr<Server> srv(new Server());
  srv->ctx_ = std::make_unique<ServerContext>();
  ServerContext& ctx = *srv->ctx_;
  ctx.settings = settings;
  ctx.model = model;
  ctx.feedback = std::move(feedback);
  ctx.started_s = unix_ms() / 1000;
  ctx.model_id = settings.model_alias;
  if (ctx.model_id.empty()) ctx.model_id = std::filesystem::path(model->info().path).stem().string();
  ctx.chat_template = !settings.chat_template.empty()        ? settings.chat_template
                      : !model->info().chat_template.empty() ? model->info().chat_template
                                                             : "chatml";
  ctx.fim_order = *prompt::parse_fim_order(settings.fim_order);  // validated above
  EngineOptions eo;
  eo.slots = settings.slots;
  eo.n_ctx = settings.ctx_per_slot;
  if (model->info().n_ctx_train > 0) eo.n_ctx = std::min(eo.n_ctx, model->info().n_ctx_train);
  eo.n_threads = settings.threads;
  eo.n_batch = settings.batch;
  eo.queue_size = settings.queue_size;
  eo.batched = settings.batching;
  eo.kv_type = *llm::parse_kv_type(settings.kv_cache_type);  // validated above
  auto engine = Engine::create(model, eo);
  if (!engine) return engine.error();
  ctx.engine = std::move(*engine);

  HttpOptions ho;
  ho.host = settings.host;
  ho.port = settings.port;
  ho.max_body_bytes = static_cast<std::size_t>(settings.max_body_bytes);
  // Waiting requests hold a connection thread each; leave room for /health and /metrics.
  ho.threads = std::max(settings.http_threads, settings.slots + settings.queue_size + 4);
  ho.max_connections_per_ip = settings.max_connections_per_ip;
  ho.max_connections = settings.max_connections;
  ho.header_timeout_ms = static_cast<int>(settings.header_timeout_ms);
  ho.body_timeout_ms = static_cast<int>(settings.body_timeout_ms);
  ho.keep_alive_timeout_ms = static_cast<int>(settings.keep_alive_timeout_ms);
  ho.error_body = [](int status, const std::string& message) {
    ApiError e;
    e.status = status;
    e.message = message;
    e.type = status == 404 ? "not_found_error" : status >= 500 ? "server_error" : "invalid_request_error";
    return dump(error_json(e));
  };
  ServerContext* c = &ctx;
  ho.admit = [c](const HttpRequest& head) { return admit(*c, head); };
  ctx.http = HttpServer::create(ho);
  for (const Route& r : kRoutes) {
    ctx.http->route(r.method, r.path, [c, &r](const HttpRequest& req) { return serve(*c, r, req); });
  }
  return srv;
}

Server::~Server() {
  if (ctx_ && ctx_->engine) ctx_->engine->shutdown();
}

Result<int> Server::bind() { return ctx_->http->bind(); }

void Server::run() { ctx_->http->run(); }

void Server::drain_and_stop() {
  ServerContext& ctx = *ctx_;
  ctx.draining = true;
  const auto deadline = SteadyClock::now() + std::chrono::milliseconds(ctx.settings.drain_timeout_ms);
  // in_flight counts the drain caller's own request never: drain runs on the signal thread.
  while (ctx.in_flight.load() > 0 && SteadyClock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (ctx.in_flight.load() > 0) {
    CODELOOM_LOG(kWarn, "drain timeout: " << ctx.in_flight.load() << " requests still running are cut off");
  }
  ctx.engine->shutdown();
  ctx.http->stop();
}

}  // namespace codeloom::server
