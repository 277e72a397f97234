#include "codeloom/server/settings.h"

#include <charconv>
#include <fstream>
#include <limits>
#include <sstream>
#include <variant>

#include <nlohmann/json.hpp>

#include "codeloom/llm/kv_type.h"
#include "codeloom/prompt/infill.h"

namespace codeloom::server {
namespace {

// One row of the registry: where the value lives and which values are legal.
struct Row {
  const char* name;
  std::variant<std::string Settings::*, int Settings::*, long long Settings::*, bool Settings::*> field;
  long long min = 0;
  long long max = 0;
  const char* doc;
  bool secret = false;
};

constexpr long long kBig = std::numeric_limits<int>::max();

const std::vector<Row>& rows() {
  static const std::vector<Row> r = {
      {"host", &Settings::host, 0, 0, "Address to listen on (127.0.0.1: this machine only; 0.0.0.0 exposes the server)"},
      {"port", &Settings::port, 0, 65535, "TCP port (0 = any free port, printed at start-up)"},
      {"api_key", &Settings::api_key, 0, 0, "Require 'Authorization: Bearer <key>' on every endpoint but /health", true},
      {"model", &Settings::model, 0, 0, "GGUF model (default: $CODELOOM_MODEL, models/codeloom-tiny.gguf)"},
      {"model_alias", &Settings::model_alias, 0, 0, "Model id clients send and see (default: file name without .gguf)"},
      {"chat_template", &Settings::chat_template, 0, 0,
       "Chat template for /v1/chat/completions: a llama.cpp built-in name or template text (default: the model's, else chatml)"},
      {"slots", &Settings::slots, 1, 64, "Requests generated in parallel (one KV cache each)"},
      {"batching", &Settings::batching, 0, 0,
       "Continuous batching: one shared context, one decode step over all slots (false: one context per slot)"},
      {"ctx_per_slot", &Settings::ctx_per_slot, 64, 1 << 20, "Context tokens per slot (capped at the model's training context)"},
      {"threads", &Settings::threads, 0, 1024, "CPU threads per decode (0 = all cores)"},
      {"batch", &Settings::batch, 1, 1 << 16, "Prompt tokens per decode batch"},
      {"fim_order", &Settings::fim_order, 0, 0,
       "Fill-in-the-middle order: auto (spm for codeloom models, psm otherwise) | psm | spm"},
      {"kv_cache_type", &Settings::kv_cache_type, 0, 0,
       "KV cache element type: auto (bf16 on CPUs with AVX512-BF16, else f16) | f16 | bf16 | f32"},
      {"queue_size", &Settings::queue_size, 0, 100000, "Requests that may wait for a slot; more get 429 + Retry-After"},
      {"retry_after_s", &Settings::retry_after_s, 0, 3600, "Seconds in the Retry-After header of a 429"},
      {"max_body_bytes", &Settings::max_body_bytes, 1024, 1LL << 32, "Largest request body, counted after chunked decoding and decompression; larger ones get 413"},
      {"max_tokens_limit", &Settings::max_tokens_limit, 1, 1 << 20,
       "Most tokens one completion generates; a larger max_tokens / n_predict is lowered to it (as llama.cpp's --n-predict)"},
      {"max_n", &Settings::max_n, 1, 64, "Largest n (candidates) a request may ask for"},
      {"max_stop", &Settings::max_stop, 0, 4096, "Most stop strings per request (more: 400)"},
      {"default_max_tokens", &Settings::default_max_tokens, 1, 1 << 20, "max_tokens when a request gives none"},
      {"request_time_limit_ms", &Settings::request_time_limit_ms, 1, 86400000, "Generation time cap per request"},
      {"queue_timeout_ms", &Settings::queue_timeout_ms, 1, 86400000, "Longest wait for a free slot before 503"},
      {"drain_timeout_ms", &Settings::drain_timeout_ms, 0, 86400000, "On SIGTERM: time in-flight requests get to finish"},
      {"http_threads", &Settings::http_threads, 2, 4096,
       "Threads answering requests (waiting requests hold one each; requests still arriving never do)"},
      {"max_connections_per_ip", &Settings::max_connections_per_ip, 1, 100000,
       "Open connections one client address may hold; more are answered 503 and closed"},
      {"max_connections", &Settings::max_connections, 1, 100000,
       "Open connections in all (keep below the process's file descriptor limit); more get 503"},
      {"header_timeout_ms", &Settings::header_timeout_ms, 100, 3600000,
       "Request line and headers must arrive within this after their first byte (else 408)"},
      {"body_timeout_ms", &Settings::body_timeout_ms, 100, 3600000,
       "A request body must arrive within this after its headers (else 408)"},
      {"keep_alive_timeout_ms", &Settings::keep_alive_timeout_ms, 100, 3600000,
       "An idle kept-alive connection is closed after this"},
      {"feedback_db", &Settings::feedback_db, 0, 0, "SQLite file for served completions and feedback events"},
      {"log_requests", &Settings::log_requests, 0, 0, "Log one structured (JSON) line per request at info level"},
      {"strict_model", &Settings::strict_model, 0, 0,
       "Answer 404 to an OpenAI request whose 'model' is not the served id (default: ignore 'model', as llama.cpp)"},
  };
  return r;
}

const Row* find_row(std::string_view name) {
  for (const auto& r : rows()) {
    if (name == r.name) return &r;
  }
  return nullptr;
}

Error bad(std::string msg) { return make_error(ErrorCode::kInvalidArgument, std::move(msg)); }

Status set_integer(const Row& row, long long v, long long* out) {
  if (v < row.min || v > row.max) {
    return bad(std::string("setting '") + row.name + "' must be between " + std::to_string(row.min) + " and " +
               std::to_string(row.max) + ", got " + std::to_string(v));
  }
  *out = v;
  return Status::Ok();
}

std::string render(const Settings& s, const Row& row) {
  return std::visit(
      [&](auto member) -> std::string {
        const auto& v = s.*member;
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<V, bool>) {
          return v ? "true" : "false";
        } else {
          return std::to_string(v);
        }
      },
      row.field);
}

}  // namespace

const std::vector<SettingSpec>& settings_registry() {
  static const std::vector<SettingSpec> specs = [] {
    std::vector<SettingSpec> out;
    const Settings defaults;
    for (const auto& r : rows()) {
      SettingType t = std::holds_alternative<std::string Settings::*>(r.field) ? SettingType::kString
                      : std::holds_alternative<bool Settings::*>(r.field)      ? SettingType::kBool
                                                                                : SettingType::kInt;
      out.push_back({r.name, t, r.doc, render(defaults, r), r.secret});
    }
    return out;
  }();
  return specs;
}

std::string flag_name(std::string_view setting) {
  std::string f = "--";
  for (char c : setting) f += c == '_' ? '-' : c;
  return f;
}

Status apply_setting(Settings& s, std::string_view name, std::string_view value) {
  const Row* row = find_row(name);
  if (!row) return bad("unknown setting '" + std::string(name) + "'");
  return std::visit(
      [&](auto member) -> Status {
        auto& field = s.*member;
        using V = std::decay_t<decltype(field)>;
        if constexpr (std::is_same_v<V, std::string>) {
          field = std::string(value);
          return Status::Ok();
        } else if constexpr (std::is_same_v<V, bool>) {
          if (value == "true" || value == "1" || value == "on" || value == "yes") {
            field = true;
          } else if (value == "false" || value == "0" || value == "off" || value == "no") {
            field = false;
          } else {
            return bad(std::string("setting '") + row->name + "' must be true or false, got '" + std::string(value) + "'");
          }
          return Status::Ok();
        } else {
          long long v = 0;
          auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
          if (ec != std::errc() || p != value.data() + value.size() || value.empty()) {
            return bad(std::string("setting '") + row->name + "' must be an integer, got '" + std::string(value) + "'");
          }
          long long out = 0;
          if (Status st = set_integer(*row, v, &out); !st) return st;
          field = static_cast<V>(out);
          return Status::Ok();
        }
      },
      row->field);
}

Status apply_config_json(Settings& s, std::string_view text, const std::string& origin) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return bad(origin + ": not valid JSON (" + e.what() + ")");
  }
  if (!j.is_object()) return bad(origin + ": expected a JSON object of settings, e.g. {\"port\": 8012}");
  for (const auto& [key, value] : j.items()) {
    const Row* row = find_row(key);
    if (!row) return bad(origin + ": unknown setting '" + key + "' (see codeloom serve --help)");
    const bool is_string = std::holds_alternative<std::string Settings::*>(row->field);
    const bool is_bool = std::holds_alternative<bool Settings::*>(row->field);
    std::string text_value;
    if (is_string) {
      if (!value.is_string()) return bad(origin + ": setting '" + key + "' must be a string");
      text_value = value.get<std::string>();
    } else if (is_bool) {
      if (!value.is_boolean()) return bad(origin + ": setting '" + key + "' must be true or false");
      text_value = value.get<bool>() ? "true" : "false";
    } else {
      if (!value.is_number_integer()) return bad(origin + ": setting '" + key + "' must be an integer");
      text_value = std::to_string(value.get<long long>());
    }
    if (Status st = apply_setting(s, key, text_value); !st) return bad(origin + ": " + st.error().message);
  }
  return Status::Ok();
}

Status apply_config_file(Settings& s, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kNotFound, "config file '" + path + "' cannot be opened");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return make_error(ErrorCode::kIo, "config file '" + path + "' could not be read");
  return apply_config_json(s, buf.str(), path);
}

std::string setting_value(const Settings& s, std::string_view name) {
  const Row* row = find_row(name);
  if (!row) return "";
  if (row->secret) return s.*std::get<std::string Settings::*>(row->field) == "" ? "" : "***";
  return render(s, *row);
}

Status validate(const Settings& s) {
  if (s.host.empty()) return bad("setting 'host' must not be empty");
  if (auto o = prompt::parse_fim_order(s.fim_order); !o) return bad("setting 'fim_order': " + o.error().message);
  if (auto kv = llm::parse_kv_type(s.kv_cache_type); !kv) return bad("setting 'kv_cache_type': " + kv.error().message);
  if (s.default_max_tokens > s.max_tokens_limit) {
    return bad("default_max_tokens (" + std::to_string(s.default_max_tokens) + ") exceeds max_tokens_limit (" +
               std::to_string(s.max_tokens_limit) + ")");
  }
  return Status::Ok();
}

}  // namespace codeloom::server
