// libllama back-end initialisation and log routing into codeloom::log.
#include <mutex>
#include <string>

#include "backend.h"
#include "codeloom/common/log.h"
#include "codeloom/llm/model.h"
#include "llama.h"

namespace codeloom::llm {
namespace detail {
namespace {

thread_local LogCapture* t_capture = nullptr;
// libllama logs one line in several calls (GGML_LOG_LEVEL_CONT continues the
// previous one); assemble full lines per thread before forwarding.
thread_local std::string t_line;
thread_local int t_line_level = GGML_LOG_LEVEL_INFO;

void forward(int level, const std::string& line) {
  if (line.empty()) return;
  capture_line(level, line);
  // libllama is chatty at info level, and its warnings and errors reach the
  // user through our own Status messages (LogCapture), so they are shown only
  // when asked for: a bad model must give one error line, not a log dump.
  if (level >= GGML_LOG_LEVEL_WARN) {
    CODELOOM_LOG(kInfo, "llama: " << line);
  } else {
    CODELOOM_LOG(kDebug, "llama: " << line);
  }
}

void on_llama_log(ggml_log_level level, const char* text, void* /*user*/) {
  if (text == nullptr) return;
  if (level != GGML_LOG_LEVEL_CONT) {
    if (!t_line.empty()) forward(t_line_level, t_line);
    t_line.clear();
    t_line_level = level;
  }
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p == '\n') {
      forward(t_line_level, t_line);
      t_line.clear();
    } else {
      t_line.push_back(*p);
    }
  }
}

}  // namespace

LogCapture::LogCapture() : outer_(t_capture) { t_capture = this; }
LogCapture::~LogCapture() { t_capture = outer_; }
std::string LogCapture::text() const { return lines_; }

void capture_line(int level, const std::string& line) {
  if (t_capture == nullptr || level < GGML_LOG_LEVEL_WARN) return;
  if (t_capture->lines_.size() > 2000) return;  // keep messages one screen long
  if (!t_capture->lines_.empty()) t_capture->lines_ += "; ";
  t_capture->lines_ += line;
}

void install_log_callback() { llama_log_set(on_llama_log, nullptr); }

}  // namespace detail

void ensure_backend() {
  static std::once_flag once;
  std::call_once(once, [] {
    detail::install_log_callback();
    llama_backend_init();
  });
}

}  // namespace codeloom::llm
