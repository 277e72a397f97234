// POST /v1/feedback, GET /v1/models, GET /health, GET /metrics.
#include "generation.h"
#include "handlers.h"

namespace codeloom::server {

HttpResponse handle_feedback(ServerContext& ctx, const HttpRequest& req) {
  nlohmann::json body;
  if (auto e = parse_object(req.body, &body)) return error_response(*e);
  Fields f(body);
  const std::size_t max_text = static_cast<std::size_t>(ctx.settings.max_body_bytes);
  FeedbackEventIn ev;
  if (!f.has("completion_id")) f.fail("'completion_id' is required (the id of a served completion)", "completion_id");
  if (!f.has("event")) f.fail("'event' is required: shown, accepted, rejected or edited", "event");
  ev.completion_id = f.string("completion_id", 128).value_or("");
  ev.type = f.string("event", 32).value_or("");
  if (!f.error && !is_feedback_event_type(ev.type)) {
    f.fail("'event' must be shown, accepted, rejected or edited, got '" + ev.type + "'", "event");
  }
  ev.user_id = f.string("user", 256).value_or("");
  ev.candidate_index = static_cast<int>(f.integer("candidate_index", 0, 64).value_or(-1));
  ev.accepted_text = f.string("accepted_text", max_text).value_or("");
  ev.edited_text = f.string("edited_text", max_text).value_or("");
  ev.client_ms = f.integer("timestamp_ms", 0, 1LL << 53).value_or(0);
  if (f.error) return error_response(*f.error);
  if (ev.completion_id.empty()) return error_response(bad_request("'completion_id' must not be empty", "completion_id"));
  ev.server_ms = unix_ms();
  // Answered only after the sink committed: a 200 means the event is stored.
  if (Status st = ctx.feedback->record_event(ev); !st) {
    ApiError e;
    switch (st.error().code) {
      case ErrorCode::kNotFound:  // events must join a served completion
        e.status = 404;
        e.type = "not_found_error";
        e.param = "completion_id";
        break;
      case ErrorCode::kInvalidArgument:
      case ErrorCode::kOutOfRange:
        e.status = 400;
        e.param = st.error().code == ErrorCode::kOutOfRange ? "candidate_index" : "";
        break;
      default:
        e.status = 500;
        e.type = "server_error";
    }
    e.message = "feedback not stored: " + st.error().message;
    return error_response(e);
  }
  HttpResponse out;
  out.body = dump({{"ok", true}, {"completion_id", ev.completion_id}, {"event", ev.type}, {"server_ms", ev.server_ms}});
  return out;
}

HttpResponse handle_models(ServerContext& ctx, const HttpRequest&) {
  const auto& info = ctx.model->info();
  HttpResponse out;
  out.body = dump({{"object", "list"},
                   {"data",
                    {{{"id", ctx.model_id},
                      {"object", "model"},
                      {"created", ctx.started_s},
                      {"owned_by", "codeloom"},
                      {"meta",
                       {{"architecture", info.architecture},
                        {"description", info.description},
                        {"n_params", info.n_params},
                        {"size", info.size_bytes},
                        {"n_ctx_train", info.n_ctx_train},
                        {"n_ctx_slot", ctx.engine->n_ctx()},
                        {"fim", ctx.model->fim_prefix() != llm::kNoToken}}}}}}});
  return out;
}

HttpResponse handle_health(ServerContext& ctx, const HttpRequest&) {
  const EngineStats st = ctx.engine->stats();
  HttpResponse out;
  const bool draining = ctx.draining.load();
  out.status = draining ? 503 : 200;
  out.body = dump({{"status", draining ? "draining" : "ok"},
                   {"slots_idle", st.slots - st.busy},
                   {"slots_processing", st.busy},
                   {"queue", st.queued},
                   {"feedback", ctx.feedback->describe()}});
  return out;
}

HttpResponse handle_metrics(ServerContext& ctx, const HttpRequest&) {
  HttpResponse out;
  out.content_type = metrics::kContentType;
  out.body = ctx.metrics.render(ctx.engine->stats());
  return out;
}

}  // namespace codeloom::server
