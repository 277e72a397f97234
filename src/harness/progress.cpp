#include "codeloom/harness/progress.h"

#include <cstdio>

namespace codeloom::harness {

namespace {

std::string format_duration(double seconds) {
  if (seconds < 0) seconds = 0;
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  else if (s >= 60) std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%lds", s);
  return buf;
}

}  // namespace

ProgressBar::ProgressBar(std::ostream& out, std::size_t total, std::string label, Clock clock,
                         std::chrono::milliseconds min_interval)
    : out_(out), total_(total), label_(std::move(label)), clock_(std::move(clock)), min_interval_(min_interval) {
  start_ = now();
  last_draw_ = start_ - min_interval_;
}

std::chrono::steady_clock::time_point ProgressBar::now() const {
  return clock_ ? clock_() : std::chrono::steady_clock::now();
}

std::string ProgressBar::render() const {
  std::lock_guard<std::mutex> lock(mu_);
  return render_locked();
}

std::string ProgressBar::render_locked() const {
  constexpr int kWidth = 24;
  const double frac = total_ == 0 ? 1.0 : static_cast<double>(done_) / static_cast<double>(total_);
  const int filled = static_cast<int>(frac * kWidth);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  const double elapsed = std::chrono::duration<double>(now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0.0;
  std::string eta = "--";
  if (done_ >= total_) eta = "done in " + format_duration(elapsed);
  else if (rate > 0) eta = "ETA " + format_duration(static_cast<double>(total_ - done_) / rate);
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s [%s] %zu/%zu %3.0f%% %.2f/s %s", label_.c_str(), bar.c_str(), done_, total_,
                frac * 100.0, rate, eta.c_str());
  return buf;
}

void ProgressBar::advance(std::size_t n) {
  std::lock_guard<std::mutex> lock(mu_);
  done_ += n;
  const auto t = now();
  if (done_ >= total_ || t - last_draw_ >= min_interval_) {
    last_draw_ = t;
    out_ << "\r" << render_locked() << "\x1b[K" << std::flush;
  }
}

void ProgressBar::finish() {
  std::lock_guard<std::mutex> lock(mu_);
  if (finished_) return;
  finished_ = true;
  out_ << "\r" << render_locked() << "\x1b[K\n" << std::flush;
}

}  // namespace codeloom::harness
