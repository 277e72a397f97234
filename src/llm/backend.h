// Private to the llm module: process-wide libllama set-up and a way to catch
// the error lines libllama/ggml log while a call fails (they only return NULL).
#pragma once

#include <string>

namespace codeloom::llm::detail {

// While alive on a thread, collects the warning/error lines that libllama or
// ggml log from that thread, so a failed call can report *why* it failed.
// Not copyable; nests (the inner capture wins).
class LogCapture {
 public:
  LogCapture();
  ~LogCapture();
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;
  // The captured lines joined by "; ", without "func: " prefixes repeated noise.
  std::string text() const;

 private:
  friend void capture_line(int level, const std::string& line);
  std::string lines_;
  LogCapture* outer_ = nullptr;
};

void capture_line(int level, const std::string& line);

}  // namespace codeloom::llm::detail
