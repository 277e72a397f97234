// The Llama-architecture decoder in libtorch (private to the train module:
// torch headers stay out of include/). Parameters are plain tensors named as
// llama.cpp's GGUF tensors, so checkpoints and the export need no renaming.
//
// RoPE rotates adjacent pairs (x[2i], x[2i+1]) like llama.cpp's "normal" RoPE
// for arch `llama` (and Meta's original code): the export writes Q/K as they
// are, with no HF-style row permutation.
#pragma once

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

#include "codeloom/train/recipe.h"

namespace codeloom::train {

// Standard deviation of the random weight initialization (GPT-2 / Llama practice).
inline constexpr double kInitStd = 0.02;

struct LlamaLayer {
  torch::Tensor attn_norm, wq, wk, wv, wo, ffn_norm, w_gate, w_up, w_down;
};

class LlamaModel {
 public:
  // Random init (normal 0.02; residual output projections scaled by 1/sqrt(2·n_layers)), seeded.
  LlamaModel(const ModelConfig& cfg, std::uint64_t seed);

  // tokens: [B, T] int64 → logits [B, T, vocab] (float32 unless autocast is on).
  torch::Tensor forward(const torch::Tensor& tokens) const;

  // (GGUF name, parameter) in a fixed order; the tensors are the live parameters.
  const std::vector<std::pair<std::string, torch::Tensor>>& named_parameters() const { return params_; }
  const ModelConfig& config() const { return cfg_; }

 private:
  torch::Tensor attention(const LlamaLayer& l, const torch::Tensor& x, std::int64_t T) const;
  ModelConfig cfg_;
  torch::Tensor tok_embd_, output_norm_, output_;
  std::vector<LlamaLayer> layers_;
  torch::Tensor rope_cos_, rope_sin_;  // [context, head_dim/2]
  std::vector<std::pair<std::string, torch::Tensor>> params_;
};

// Mean cross-entropy over targets != -100 (pad positions), and the count of those targets.
torch::Tensor lm_loss(const torch::Tensor& logits, const torch::Tensor& targets);

}  // namespace codeloom::train
