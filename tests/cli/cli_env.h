// Paths and helpers shared by the CLI black-box tests.
#pragma once

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/run_process.h"

namespace codeloom::testing {

inline std::string codeloom_bin() { return std::string(CODELOOM_BINARY_DIR) + "/bin/codeloom"; }

// Runs `codeloom args...` with CODELOOM_MODEL unset unless given in env.
inline ProcessOutput codeloom(std::vector<std::string> args, const std::string& stdin_text = "",
                              std::vector<std::string> env = {}) {
  args.insert(args.begin(), codeloom_bin());
  // An empty CODELOOM_MODEL counts as unset: tests do not depend on the caller's environment.
  bool has_model = false;
  for (const auto& e : env) has_model |= e.rfind("CODELOOM_MODEL=", 0) == 0;
  if (!has_model) env.push_back("CODELOOM_MODEL=");
  auto r = run_process(args, {.stdin_text = stdin_text, .env = env, .timeout_s = 300});
  EXPECT_TRUE(r) << r.error().message;
  return r ? *r : ProcessOutput{};
}

inline std::string write_temp_file(const std::string& name, const std::string& content) {
  const auto dir = std::filesystem::temp_directory_path() / ("codeloom-cli-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

// Number of lines in s (a trailing newline does not start a new line).
inline int line_count(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  if (!s.empty() && s.back() != '\n') ++n;
  return n;
}

}  // namespace codeloom::testing
