// Shared helpers for the lang tests: locating and reading test data.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace codeloom::lang::testing {

inline std::filesystem::path data_dir() {
  return std::filesystem::path(CODELOOM_TEST_DATA_DIR) / "lang";
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Set CODELOOM_UPDATE_GOLDEN=1 to rewrite expected files instead of comparing.
inline bool update_golden() {
  const char* v = std::getenv("CODELOOM_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

}  // namespace codeloom::lang::testing
