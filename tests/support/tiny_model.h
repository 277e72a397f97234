// Tiny real GGUF models for tests and benches: llama-architecture weights
// (random, deterministic for the seed) around a real tokenizer copied from one
// of llama.cpp's vocabulary files (share/vocab/ggml-vocab-<name>.gguf).
//
//   codeloom::testing::TinyModelOptions o;
//   o.vocab = "deepseek-coder";
//   auto path = codeloom::testing::tiny_model_path(o);
//   ASSERT_TRUE(path) << path.error().message;
//   auto model = codeloom::llm::Model::load(*path);
//
// Models are written once and cached under CODELOOM_BINARY_DIR/test-models/
// (or $CODELOOM_TEST_MODEL_DIR) keyed by a hash of the options, so repeated
// calls are cheap.
//
// Thread-safety: safe to call from several threads and from several processes
// at once (tests run in parallel): a model is written to a unique temporary
// file and renamed into place atomically, so a reader never sees a partial file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::testing {

struct TinyModelOptions {
  std::string vocab = "qwen2";  // ggml-vocab-<vocab>.gguf, or a path to any GGUF with tokenizer.* keys
  std::string arch = "llama";   // general.architecture: llama | qwen2 (same tensors, <arch>.* keys)
  int n_embd = 64;
  int n_layer = 2;
  int n_head = 4;
  int n_head_kv = 4;
  int n_ff = 128;
  int n_ctx_train = 2048;
  std::uint32_t seed = 42;
  std::string type = "f32";  // weight type of the 2-D matrices: f32 | f16 (norms stay f32)
  // Added as CONTROL tokens (e.g. CodeLlama's "▁<PRE>"): into the vocabulary's
  // "[PAD<id>]" placeholder slots first, else appended. Tokens already present
  // are only marked CONTROL.
  // Note: vocab "qwen2" always gets Qwen2.5-Coder's added tokens at their real
  // ids (<|fim_prefix|> = 151659 ... <|file_sep|> = 151664), which llama.cpp's
  // Qwen1.5-era vocab file only holds as placeholders.
  std::vector<std::string> extra_special_tokens;
  bool vocab_only = false;  // write only the tokenizer (no tensors)
  // Write the header only (metadata and tensor infos, no tensor data): small
  // GGUF files for the fuzz corpus (tests/data/fuzz/gguf/).
  bool header_only = false;
  // true: no "output.weight", the output projection reuses token_embd (as in
  // Qwen2.5-Coder-0.5B; half the file size). false: a separate random output
  // matrix, which makes greedy generation of a random model far less repetitive.
  bool tied_output = true;
};

// Returns the path of a GGUF file for `options`, writing it if needed.
// Errors: kInvalidArgument (bad shape or type), kNotFound (vocab file
// missing), kCorrupt (vocab file unreadable), kIo (cannot write the cache).
Result<std::string> tiny_model_path(const TinyModelOptions& options = {});

// Writes the model for `options` to exactly `path` (no cache). Same errors.
Status write_tiny_model(const TinyModelOptions& options, const std::string& path);

// Path of a llama.cpp vocabulary file, e.g. "qwen2" -> <vocab dir>/ggml-vocab-qwen2.gguf.
std::string llama_vocab_path(const std::string& name);

// Path of a llama.cpp tool, e.g. "llama-simple" -> CODELOOM_LLAMA_BIN_DIR/llama-simple.
std::string llama_tool_path(const std::string& name);

// A fresh empty directory under the system temp dir, unique to this process
// and call; the caller removes it (tests use it for corrupt-file cases).
std::string make_temp_dir(const std::string& prefix);

}  // namespace codeloom::testing
