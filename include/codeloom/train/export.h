// GGUF export of a training checkpoint for llama.cpp (arch `llama`), so the
// inference engine (llm module) serves our models like third-party ones.
//
//   auto ck = train::load_checkpoint("runs/tiny/checkpoint.clck");
//   Status s = train::export_gguf(*ck, "tiny-q8_0.gguf", {.type = ExportType::kQ8_0},
//       [&](gguf_context* g) { return tokenizer::write_gguf_tokenizer(tok, g); });
//
// Tensor names are llama.cpp's (token_embd, blk.N.attn_q, ..., output_norm,
// output); torch's [out, in] matrices become ggml's ne = {in, out} with the same
// bytes. Q/K are written as trained: our RoPE already rotates adjacent pairs as
// llama.cpp's "normal" RoPE does, so no HF-style permutation is applied.
// Norm vectors stay f32; with q8_0 a matrix whose rows are not a multiple of
// 32 falls back to f16.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "codeloom/common/status.h"
#include "codeloom/train/checkpoint.h"

struct gguf_context;

namespace codeloom::train {

enum class ExportType { kF32, kF16, kQ8_0 };

// "f32" | "f16" | "q8_0"; kInvalidArgument otherwise.
Result<ExportType> parse_export_type(std::string_view text);

struct ExportOptions {
  ExportType type = ExportType::kF32;
  std::string name;  // general.name; empty = the recipe's [recipe] name
};

// Sets the tokenizer.ggml.* keys (the tokenizer module's write_gguf_tokenizer).
using TokenizerWriter = std::function<Status(gguf_context*)>;

// Number of vocabulary rows the checkpoint's model has (token_embd rows); 0 if absent.
std::int64_t checkpoint_vocab_size(const Checkpoint& ck);

// Errors: kCorrupt (the checkpoint lacks a tensor or holds an impossible
// shape), whatever the tokenizer writer returns, kIo (writing failed).
Status export_gguf(const Checkpoint& ck, const std::string& out_path, const ExportOptions& options,
                   const TokenizerWriter& write_tokenizer);

}  // namespace codeloom::train
