// Fuzz target: a GGUF file loaded the way `codeloom model info` loads it
// (llm::Model::load), and when it loads, used the way `codeloom complete`
// uses it (a session, a short prompt prefilled, one token decoded). Nothing
// may abort: a malformed file must come back as an Error.
//
// Inputs are GGUF headers (tests/data/fuzz/gguf/: header-only tiny models);
// the file is extended with zero tensor data up to what its header declares
// (sparse, capped), so mutations reach libllama instead of all stopping at the
// "truncated" check. Shared by fuzz/gguf_fuzz.cpp (libFuzzer) and
// tests/llm/gguf_fuzz_test.cpp (bounded, each input in a child process).
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "codeloom/common/status.h"
#include "codeloom/llm/model.h"
#include "codeloom/llm/session.h"
#include "support/gguf_edit.h"

namespace codeloom::fuzz {

// Tensor data beyond this is not materialised (the file stays "truncated").
inline constexpr std::uint64_t kMaxGgufFuzzFile = 256ull << 20;

// "ok ..." or "error <code>: <message>"; aborts only on a bug.
inline std::string probe_model_file(const std::string& path) {
  auto model = llm::Model::load(path);
  if (!model) return std::string("error ") + error_code_name(model.error().code) + ": " + model.error().message;
  llm::SessionOptions so;
  so.n_ctx = 64;
  so.n_batch = 32;
  so.n_threads = 1;
  auto session = llm::Session::create(*model, so);
  if (!session) return std::string("session error: ") + session.error().message;
  auto tokens = (*model)->tokenize("def add(a, b):\n    return a", /*add_special=*/true);
  if (tokens.size() > 16) tokens.resize(16);
  if (tokens.empty()) tokens.push_back(0);
  auto st = (*session)->prefill(tokens);
  if (!st) return std::string("prefill error: ") + st.error().message;
  const auto logits = (*session)->logits();
  llm::Token best = 0;
  for (std::size_t i = 1; i < logits.size(); ++i) {
    if (logits[i] > logits[static_cast<std::size_t>(best)]) best = static_cast<llm::Token>(i);
  }
  if (Status s = (*session)->push(best); !s) return std::string("push error: ") + s.error().message;
  return "ok " + (*model)->info().architecture + " " + std::to_string((*model)->info().n_vocab) + " tokens";
}

// Writes `bytes` to `path`, extends the tensor data with zeros, probes it.
inline std::string probe_gguf_bytes(const std::string& bytes, const std::string& path) {
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  testing::extend_with_zero_tensor_data(path, kMaxGgufFuzzFile);
  return probe_model_file(path);
}

// libFuzzer entry body.
inline int gguf_target(const std::uint8_t* data, std::size_t size) {
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("codeloom-gguf-fuzz-" + std::to_string(::getpid()) + ".gguf"))
          .string();
  probe_gguf_bytes(std::string(reinterpret_cast<const char*>(data), size), path);
  return 0;
}

}  // namespace codeloom::fuzz
