// Private to the llm module: the model-level half of the GGUF pre-check.
// gguf_check.cpp validates the container (magic, version, lengths, tensor
// ranges); these functions validate what libllama would otherwise assert on
// (GGML_ASSERT -> abort) while loading the model or building its first graph:
// hyper-parameters, the tokenizer arrays, and every tensor's name, shape and
// type against the architecture. Only architectures whose every assert is
// covered here are accepted (kSupportedArchitectures); see docs/llm.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "gguf_meta.h"

namespace codeloom::llm::detail {

// Architectures whose hyper-parameters and tensors are fully checked.
inline const std::vector<std::string> kSupportedArchitectures = {"llama", "qwen2"};

// The checked shape of a supported model (uniform over layers).
struct ModelShape {
  std::string arch;
  std::uint32_t n_layer = 0, n_embd = 0, n_ff = 0, n_head = 0, n_head_kv = 0;
  std::uint32_t head_dim = 0;  // key = value = rope dimension
  bool longrope = false;       // rope.scaling.type == "longrope"
  std::uint32_t n_vocab = 0;   // tokenizer.ggml.tokens length
};

// tokenizer.* keys: model type, token list (non-empty, unique), scores,
// token types, merges. Returns the number of tokens.
Result<std::uint32_t> check_vocab(const MetaReader& meta);

// general.architecture and <arch>.* hyper-parameters of a supported architecture.
Result<ModelShape> check_hparams(const MetaReader& meta, const std::string& arch);

// Every tensor is one libllama expects for `shape`, with that exact shape and
// a type the CPU backend computes with; every required tensor is present.
Status check_tensors(const MetaReader& meta, const ModelShape& shape);

// All of the above, in order (vocab_only: only the vocabulary, as libllama
// reads nothing else then).
Status check_model_metadata(const MetaReader& meta, bool vocab_only);

}  // namespace codeloom::llm::detail
