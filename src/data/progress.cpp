#include "progress.h"

#include <cstdio>

namespace codeloom::data {

ProgressBar::ProgressBar(std::string label, std::size_t total_bytes, bool enabled)
    : label_(std::move(label)), total_bytes_(total_bytes), enabled_(enabled),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

void ProgressBar::update(std::size_t files_done, std::size_t files_total, std::size_t bytes_done,
                         std::size_t functions, bool force) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double mbps = secs > 0 ? bytes_done / 1e6 / secs : 0;
  const double frac = total_bytes_ ? static_cast<double>(bytes_done) / static_cast<double>(total_bytes_) : 1.0;
  const double eta = frac > 0 && frac < 1 ? secs * (1 - frac) / frac : 0;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(frac * kWidth + 0.5);
  std::fprintf(stderr, "\r%s [%.*s%*s] %3.0f%% %zu/%zu files, %zu functions, %.1f MB/s, %.0f fn/s, ETA %.0fs   ",
               label_.c_str(), filled, "##############################", kWidth - filled, "", frac * 100,
               files_done, files_total, functions, mbps, secs > 0 ? functions / secs : 0.0, eta);
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (enabled_) std::fputc('\n', stderr);
}

}  // namespace codeloom::data
