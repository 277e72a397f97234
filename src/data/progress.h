// Module-internal: a one-line progress bar on stderr ("\r" updates, rate and ETA).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace codeloom::data {

class ProgressBar {
 public:
  ProgressBar(std::string label, std::size_t total_bytes, bool enabled);
  // Redraws at most every 200 ms unless `force`.
  void update(std::size_t files_done, std::size_t files_total, std::size_t bytes_done, std::size_t functions,
              bool force = false);
  void finish();

 private:
  std::string label_;
  std::size_t total_bytes_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace codeloom::data
