// Helpers shared by the harness tests: one Executor per test binary, data paths.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "codeloom/harness/executor.h"

namespace codeloom::harness::testing {

// Full isolation, calibrated, 2 workers (the test machine is shared).
inline Executor& shared_executor() {
  static std::unique_ptr<Executor> ex = [] {
    ExecutorOptions o;
    o.workers = 2;
    o.sandbox.scratch_root = "/tmp/codeloom-sandbox-harness-test";
    auto r = Executor::create(o);
    if (!r) {
      ADD_FAILURE() << r.error().message;
      return std::unique_ptr<Executor>();
    }
    return std::move(*r);
  }();
  if (!ex) std::abort();
  return *ex;
}

inline std::string data_path(const std::string& rel) {
  return std::string(CODELOOM_TEST_DATA_DIR) + "/harness/" + rel;
}

}  // namespace codeloom::harness::testing
