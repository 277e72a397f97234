// codeloom serve: the HTTP API (OpenAI completions/chat, llama.cpp /infill,
// feedback, metrics). Every setting comes from server::settings_registry():
// defaults < --config FILE (JSON) < flags.
#include <fcntl.h>
#include <cerrno>
#include <signal.h>
#include <unistd.h>

#include <iostream>
#include <map>
#include <thread>

#include "cli.h"
#include "codeloom/common/log.h"
#include "codeloom/llm/model.h"
#include "codeloom/server/server.h"
#include "codeloom/server/settings.h"

namespace codeloom::cli {
namespace {

// SIGTERM/SIGINT reach the waiter thread through a self-pipe written by an
// async-signal-safe handler. (Blocking the signals and sigwait()ing is not
// enough: libraries linked into codeloom — OpenBLAS under libtorch — start
// threads before main() with the signals unblocked, and the default action
// would kill the process without draining.)
int g_signal_pipe[2] = {-1, -1};

void on_signal(int sig) {
  const auto b = static_cast<unsigned char>(sig);
  const ssize_t n = ::write(g_signal_pipe[1], &b, 1);
  (void)n;
}

struct ServeArgs {
  std::string config;
  std::map<std::string, std::string> values;      // setting -> flag text
  std::map<std::string, CLI::Option*> options;    // setting -> its flag
};

int run_serve(ServeArgs& a, const GlobalOptions& global) {
  server::Settings settings;
  if (!a.config.empty()) {
    if (Status st = server::apply_config_file(settings, a.config); !st) return report_error(st.error(), global);
  }
  for (const auto& [name, opt] : a.options) {
    if (opt->count() == 0) continue;
    if (Status st = server::apply_setting(settings, name, a.values[name]); !st) return report_error(st.error(), global);
  }
  if (Status st = server::validate(settings); !st) return report_error(st.error(), global);
  // A server's request log is its point: info unless the user chose a level.
  if (global.log_level.empty() && !std::getenv("CODELOOM_LOG_LEVEL")) log::set_level(log::Level::kInfo);

  if (g_signal_pipe[0] < 0 && ::pipe2(g_signal_pipe, O_CLOEXEC) != 0)
    return report_error(make_error(ErrorCode::kIo, "cannot create the signal pipe"), global);
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);

  auto path = resolve_model_path(settings.model);
  if (!path) return report_error(path.error(), global);
  auto model = llm::Model::load(*path);
  if (!model) return report_error(model.error(), global);

  auto sink = server::open_feedback_store(settings.feedback_db);
  if (!sink) return report_error(sink.error(), global);

  auto srv = server::Server::create(settings, *model, std::move(*sink));
  if (!srv) return report_error(srv.error(), global);
  auto port = (*srv)->bind();
  if (!port) return report_error(port.error(), global);
  // Tests and scripts read this line to learn the port (--port 0 picks a free one).
  std::cout << "codeloom serve: listening on http://" << settings.host << ":" << *port << std::endl;
  CODELOOM_LOG(kInfo, "{\"event\":\"start\",\"host\":\"" << settings.host << "\",\"port\":" << *port
                                                      << ",\"slots\":" << settings.slots << ",\"model\":\"" << *path
                                                      << "\"}");

  server::Server* s = srv->get();
  std::thread waiter([s] {
    unsigned char sig = 0;
    while (::read(g_signal_pipe[0], &sig, 1) < 0 && errno == EINTR) {
    }
    if (sig == 0) return;  // woken by run() returning on its own
    CODELOOM_LOG(kInfo, "{\"event\":\"draining\",\"signal\":" << static_cast<int>(sig) << "}");
    s->drain_and_stop();
  });
  s->run();
  // run() returned without a signal (listener failure): wake the waiter.
  const unsigned char wake = 0;
  const ssize_t n = ::write(g_signal_pipe[1], &wake, 1);
  (void)n;
  waiter.join();
  CODELOOM_LOG(kInfo, "{\"event\":\"stopped\"}");
  return kExitOk;
}

}  // namespace

Command add_serve_command(CLI::App& app, GlobalOptions& global) {
  auto a = std::make_shared<ServeArgs>();
  CLI::App* sub = app.add_subcommand("serve", "Serve completions over HTTP (OpenAI API, llama.cpp /infill)");
  sub->footer(
      "Endpoints: POST /v1/completions, /v1/chat/completions, /infill, /v1/feedback;\n"
      "GET /v1/models, /health, /metrics, /props, /slots. See docs/server.md and docs/clients.md.\n"
      "Settings: each flag is also a key of the --config JSON file (dashes -> underscores).\n\n"
      "Examples:\n"
      "  codeloom serve --model qwen2.5-coder-1.5b.gguf --slots 4\n"
      "  codeloom serve --config serve.json --port 8080 --api-key \"$KEY\"");
  sub->add_option("--config", a->config, "JSON file of settings, e.g. {\"port\": 8012, \"slots\": 4}");
  for (const auto& spec : server::settings_registry()) {
    std::string doc = spec.doc;
    if (!spec.secret && !spec.default_value.empty()) doc += " (default: " + spec.default_value + ")";
    a->options[spec.name] = sub->add_option(server::flag_name(spec.name), a->values[spec.name], doc);
  }
  return {sub, [a, &global] { return run_serve(*a, global); }};
}

}  // namespace codeloom::cli
