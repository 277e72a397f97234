// libFuzzer target: HTTP request bodies against an in-process `codeloom serve`
// on a loopback port (the real HTTP layer, JSON parsing and validation of every
// POST endpoint; valid requests generate at most 2 tokens). The model is
// $CODELOOM_MODEL, else models/codeloom-tiny.gguf (run from the source tree):
//
//   build-fuzz/fuzz/http_body_fuzz tests/data/fuzz/http_body -max_len=4096
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "codeloom/common/log.h"
#include "codeloom/llm/model.h"
#include "codeloom/server/server.h"
#include "http_body_target.h"

namespace {
int g_port = 0;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace codeloom;
  log::set_level(log::Level::kError);
  const char* env = std::getenv("CODELOOM_MODEL");
  auto model = llm::Model::load(env ? env : "models/codeloom-tiny.gguf");
  if (!model) {
    std::fprintf(stderr, "http_body_fuzz: %s (set CODELOOM_MODEL)\n", model.error().message.c_str());
    std::abort();
  }
  server::Settings s;
  s.port = 0;
  s.slots = 2;
  s.threads = 1;
  s.default_max_tokens = 1;
  s.max_tokens_limit = 2;
  s.max_n = 2;
  s.max_body_bytes = 65536;
  s.log_requests = false;
  auto srv = server::Server::create(s, *model, nullptr);
  if (!srv) std::abort();
  auto port = (*srv)->bind();
  if (!port) std::abort();
  g_port = *port;
  static server::Server* running = srv->release();  // lives as long as the process
  std::thread([] { running->run(); }).detach();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto v = codeloom::fuzz::http_body(g_port, std::string_view(reinterpret_cast<const char*>(data), size));
  if (!v.ok) {
    std::fprintf(stderr, "http_body_fuzz: %s\n", v.detail.c_str());
    std::abort();
  }
  return 0;
}
