// Helpers shared by the sandbox tests: one Sandbox per test binary, file I/O.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "codeloom/sandbox/sandbox.h"

namespace codeloom::sandbox::testing {

// Created on first use; the tests need the full isolation mode (they check
// containment), so a machine without it fails loudly instead of skipping.
inline const Sandbox& shared_sandbox() {
  static std::unique_ptr<Sandbox> sb = [] {
    SandboxOptions o;
    o.scratch_root = "/tmp/codeloom-sandbox-test";
    Result<std::unique_ptr<Sandbox>> r = Sandbox::create(o);
    if (!r) {
      ADD_FAILURE() << r.error().message;
      return std::unique_ptr<Sandbox>();
    }
    return std::move(*r);
  }();
  if (!sb) std::abort();
  return *sb;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string data_path(const std::string& rel) {
  return std::string(CODELOOM_TEST_DATA_DIR) + "/sandbox/" + rel;
}

inline Job python_job(std::string code, int timeout_ms = 5000) {
  Job j;
  j.language = Language::kPython;
  j.files = {{"main.py", std::move(code)}};
  j.limits.wall_timeout = std::chrono::milliseconds(timeout_ms);
  return j;
}

}  // namespace codeloom::sandbox::testing
