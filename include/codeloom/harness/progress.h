// A one-line progress bar for stderr: "[#####.....] 41/164 25% 1.3/s ETA 1m35s".
// Redraws at most every `min_interval` (and always on the last item).
//
//   harness::ProgressBar bar(std::cerr, problems.size(), "humaneval");
//   bar.advance();   // from any thread
//   bar.finish();
//
// Thread-safe. The clock is injectable for tests.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>

namespace codeloom::harness {

class ProgressBar {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  ProgressBar(std::ostream& out, std::size_t total, std::string label, Clock clock = {},
              std::chrono::milliseconds min_interval = std::chrono::milliseconds(200));
  void advance(std::size_t n = 1);
  void finish();  // final redraw and newline (once)

  // The line as it would be drawn now (no "\r").
  std::string render() const;

 private:
  std::chrono::steady_clock::time_point now() const;
  std::string render_locked() const;

  std::ostream& out_;
  std::size_t total_;
  std::string label_;
  Clock clock_;
  std::chrono::milliseconds min_interval_;
  mutable std::mutex mu_;
  std::size_t done_ = 0;  // guarded by mu_
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace codeloom::harness
