// The libtorch forward pass over a checkpoint: the reference that GGUF
// exports are checked against (tests/train/export_parity_test.cpp) and a way
// to score text without exporting. Torch stays behind the pointer.
//
//   auto m = train::ReferenceModel::create(*checkpoint);
//   std::vector<float> l = m->logits(tokens);   // tokens.size() × vocab, row-major
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/train/checkpoint.h"
#include "codeloom/train/fim.h"

namespace codeloom::train {

class ReferenceModel {
 public:
  // kCorrupt when the checkpoint's tensors do not match its recipe.
  static Result<std::unique_ptr<ReferenceModel>> create(const Checkpoint& ck);
  ~ReferenceModel();

  // Logits for every position (float32, tokens.size() × vocab_size()).
  // kOutOfRange beyond model.context, kInvalidArgument for ids outside the vocabulary.
  Result<std::vector<float>> logits(std::span<const TokenId> tokens) const;
  std::int64_t vocab_size() const;

 private:
  ReferenceModel();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace codeloom::train
