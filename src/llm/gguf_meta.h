// Private to the llm module: typed, checked reads of GGUF metadata for the
// model checks (gguf_hparams.cpp, gguf_vocab.cpp, gguf_tensors.cpp). Types are
// as strict as libllama's loader (a uint32 key must be stored as uint32), so a
// value that passes here is read by libllama exactly as checked.
//
//   MetaReader meta(ctx, path);
//   auto n = meta.u32("llama.block_count", /*required=*/true);   // Result<std::optional<uint32_t>>
//   if (!n) return n.error();
//   if (**n == 0) return meta.bad("llama.block_count", "is 0");
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "codeloom/common/status.h"

struct gguf_context;

namespace codeloom::llm::detail {

class MetaReader {
 public:
  MetaReader(const gguf_context* ctx, std::string path) : ctx_(ctx), path_(std::move(path)) {}

  bool has(const std::string& key) const;
  // nullopt when the key is absent and not required.
  Result<std::optional<std::uint32_t>> u32(const std::string& key, bool required = false) const;
  Result<std::optional<float>> f32(const std::string& key, bool required = false) const;
  Result<std::optional<bool>> boolean(const std::string& key, bool required = false) const;
  Result<std::optional<std::string>> str(const std::string& key, bool required = false) const;
  // A scalar uint32 repeated `n` times, or an array of exactly `n` uint32/int32
  // values (libllama's get_key_or_arr); nullopt when absent and not required.
  Result<std::optional<std::vector<std::uint32_t>>> u32_or_array(const std::string& key, std::uint32_t n,
                                                                 bool required = false) const;

  // "model file P: KEY WHAT; the file is corrupt or not a model" (kCorrupt).
  Error bad(const std::string& key, const std::string& what) const;
  // "model file P: WHAT" with the given code.
  Error fail(ErrorCode code, const std::string& what) const;

  const gguf_context* ctx() const { return ctx_; }
  const std::string& path() const { return path_; }

 private:
  Result<std::int64_t> find(const std::string& key, int want_type, bool required) const;
  const gguf_context* ctx_;
  std::string path_;
};

}  // namespace codeloom::llm::detail
