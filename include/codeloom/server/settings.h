// codeloom::server::Settings — every knob of `codeloom serve`, declared once.
//
// The registry (settings_registry()) is one table of name / type / default /
// doc. It feeds the command-line flags (--name-with-dashes), the JSON config
// file ({"name_with_underscores": value}) and `codeloom serve --help`, so a
// setting added here appears everywhere at once. Precedence: default <
// config file < flag.
//
//   server::Settings s;                                  // defaults
//   if (auto st = server::apply_config_file(s, "serve.json"); !st) fail(st.error());
//   if (auto st = server::apply_setting(s, "slots", "4"); !st) fail(st.error());
//
// Value types; thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::server {

struct Settings {
  // Network
  std::string host = "127.0.0.1";
  int port = 8012;
  std::string api_key;             // empty: no authentication
  // Model and engine
  std::string model;               // GGUF path (empty: $CODELOOM_MODEL, models/codeloom-tiny.gguf)
  std::string model_alias;         // the id clients send as "model" (empty: file name without .gguf)
  std::string chat_template;       // empty: the model's, else "chatml"
  int slots = 2;                   // parallel requests served at once
  bool batching = true;            // continuous batching over one shared context
  int ctx_per_slot = 4096;         // context tokens of each slot
  int threads = 0;                 // CPU threads per decode (0 = all cores)
  int batch = 512;                 // prompt tokens per decode batch
  // Fill-in-the-middle order: "psm", "spm", or "auto" (SPM for codeloom's own
  // models, trained on both orders; PSM for every other family). With SPM the
  // suffix comes first, so an edit in the prefix keeps the suffix's KV cache.
  std::string fim_order = "auto";
  std::string kv_cache_type = "auto";  // auto (bf16 where the CPU has it natively, else f16) | f16 | bf16 | f32
  int queue_size = 16;             // requests waiting for a slot before 429
  int retry_after_s = 1;           // Retry-After header on 429
  // Limits
  long long max_body_bytes = 1 << 20;   // larger bodies get 413
  int max_tokens_limit = 2048;          // larger max_tokens / n_predict are lowered to this
  int max_n = 8;                        // largest n accepted
  int max_stop = 256;                   // most stop strings accepted (Continue sends 12+)
  int default_max_tokens = 128;         // when the request gives none
  long long request_time_limit_ms = 60000;  // generation time cap per request
  long long queue_timeout_ms = 30000;   // longest wait for a slot before 503
  long long drain_timeout_ms = 30000;   // SIGTERM: how long in-flight requests may finish
  int http_threads = 32;                // connection-handling threads
  // Slow and hostile clients: request heads and bodies are read by one poll
  // thread under these total deadlines, so they never hold an HTTP thread.
  int max_connections_per_ip = 128;     // open connections per client address; more get 503
  int max_connections = 512;            // open connections in all; more get 503
  long long header_timeout_ms = 10000;  // request line + headers complete within this (else 408)
  long long body_timeout_ms = 30000;    // body complete within this after its head (else 408)
  long long keep_alive_timeout_ms = 5000;  // idle kept-alive connections are closed after this
  // Storage and logs
  std::string feedback_db = "codeloom-feedback.db";  // completions and feedback events
  bool log_requests = true;             // one structured log line per request
  // Clients
  bool strict_model = false;            // 404 for an OpenAI request naming another model (/infill never checks)
};

enum class SettingType { kString, kInt, kBool };

struct SettingSpec {
  std::string name;   // snake_case; the flag is --name-with-dashes
  SettingType type;
  std::string doc;
  std::string default_value;  // rendered from Settings{}
  bool secret = false;        // never printed (api_key)
};

// The table, in documentation order.
const std::vector<SettingSpec>& settings_registry();

// "--queue-size" form of a setting name.
std::string flag_name(std::string_view setting);

// Sets one setting from text (a flag value). kInvalidArgument: unknown name,
// not a number / bool, out of the setting's range.
Status apply_setting(Settings& settings, std::string_view name, std::string_view value);

// Reads a JSON object of settings. kNotFound / kIo (file), kInvalidArgument
// (not JSON, unknown key, wrong type — the message names the key).
Status apply_config_file(Settings& settings, const std::string& path);
Status apply_config_json(Settings& settings, std::string_view json_text, const std::string& origin);

// Current value of a setting as text ("" for unknown; "***" for secrets).
std::string setting_value(const Settings& settings, std::string_view name);

// Cross-setting checks after everything is applied (e.g. slots >= 1).
Status validate(const Settings& settings);

}  // namespace codeloom::server
