#include "codeloom/common/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>

namespace codeloom::log {
namespace {

std::atomic<Level> g_level{Level::kWarn};
std::mutex g_mu;
Sink g_sink;  // guarded by g_mu; empty = default sink

const char* level_name(Level l) {
  switch (l) {
    case Level::kDebug: return "debug";
    case Level::kInfo: return "info";
    case Level::kWarn: return "warning";
    case Level::kError: return "error";
    case Level::kOff: return "off";
  }
  return "?";
}

}  // namespace

void set_level(Level l) { g_level.store(l, std::memory_order_relaxed); }
Level level() { return g_level.load(std::memory_order_relaxed); }

void set_sink(Sink sink) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_sink = std::move(sink);
}

void write(Level l, std::string_view message) {
  std::lock_guard<std::mutex> lock(g_mu);
  if (g_sink) {
    g_sink(l, message);
    return;
  }
  std::fprintf(stderr, "codeloom: %s: %.*s\n", level_name(l), static_cast<int>(message.size()),
               message.data());
}

bool parse_level(std::string_view t, Level* out) {
  static constexpr std::pair<std::string_view, Level> kNames[] = {
      {"debug", Level::kDebug}, {"info", Level::kInfo}, {"warn", Level::kWarn},
      {"warning", Level::kWarn}, {"error", Level::kError}, {"off", Level::kOff}};
  for (const auto& [name, value] : kNames) {
    if (t == name) {
      *out = value;
      return true;
    }
  }
  return false;
}

}  // namespace codeloom::log
