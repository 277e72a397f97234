// A small leveled logger with a replaceable sink. No formatting work happens
// below the threshold: build messages inside CODELOOM_LOG so they are skipped.
//
//   codeloom::log::set_level(codeloom::log::Level::kDebug);
//   CODELOOM_LOG(kInfo, "loaded " << n << " tensors");
//   codeloom::log::set_sink([](Level l, std::string_view m) { ... });
#pragma once

#include <functional>
#include <sstream>
#include <string_view>

namespace codeloom::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3, kOff = 4 };

using Sink = std::function<void(Level, std::string_view)>;

// Thread-safe. The default sink writes "codeloom: <level>: <msg>" to stderr;
// the default level is kWarn, or the value of CODELOOM_LOG_LEVEL at start-up
// read once by the CLI (debug, info, warn, error, off).
void set_level(Level level);
Level level();
void set_sink(Sink sink);  // nullptr restores the default sink
void write(Level level, std::string_view message);
bool parse_level(std::string_view text, Level* out);

inline bool enabled(Level l) { return l >= level() && l != Level::kOff; }

}  // namespace codeloom::log

#define CODELOOM_LOG(lvl, expr)                                                \
  do {                                                                         \
    if (::codeloom::log::enabled(::codeloom::log::Level::lvl)) {              \
      std::ostringstream codeloom_log_os_;                                     \
      codeloom_log_os_ << expr;                                                \
      ::codeloom::log::write(::codeloom::log::Level::lvl, codeloom_log_os_.str()); \
    }                                                                          \
  } while (0)
