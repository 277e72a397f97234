// Item2Vec initialization of a model's token embedding (recipe key init.item2vec).
//
//   auto emb = embed::load("tokens.c2v");
//   auto init = train::item2vec_init(*emb, vocab.texts, /*dim=*/384, /*seed=*/1234, /*target_std=*/0.02);
//   // init->rows: vocab × dim; copy the rows with init->mapped[i] into token_embd.
//
// Item2Vec vectors are trained on lexer tokens (`if`, `push_back`, `HashMap`),
// the model's vocabulary is BPE pieces (`Ġif`, `push`, `_back`). A piece maps to
// an Item2Vec token when its text with leading whitespace removed is exactly
// that token — whole keywords, identifiers, operators and punctuation; the other
// rows keep their random initialization. The mapped vectors are centred (their
// mean removed: SGNS vectors share a common direction), projected to the model
// width when it differs, and scaled so their RMS equals target_std (the random
// rows' standard deviation), so initialized and random rows have one scale.
//
// Projection: a seeded random matrix with orthonormal columns (Gram–Schmidt on
// a portable Gaussian draw). Widening (source dim < dim) is an exact isometry:
// cosine similarities between mapped tokens are preserved. Narrowing is a
// random orthogonal projection (Johnson–Lindenstrauss). Torch-free and
// deterministic for a seed on every platform.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/embed/embeddings.h"

namespace codeloom::train {

struct Item2VecInit {
  int dim = 0;                        // model width
  int source_dim = 0;                 // Item2Vec width
  std::vector<float> rows;            // token_texts.size() × dim, row-major; 0 where not mapped
  std::vector<std::uint8_t> mapped;   // 1 when the row comes from Item2Vec
  std::int64_t mapped_count = 0;
};

// token_texts[i] = the bytes token i decodes to. kInvalidArgument when dim < 1,
// target_std <= 0, or no token maps (wrong embeddings file for this tokenizer).
Result<Item2VecInit> item2vec_init(const embed::Embeddings& emb, const std::vector<std::string>& token_texts,
                                   int dim, std::uint64_t seed, double target_std);

// The Item2Vec token a piece maps to: its text without leading whitespace ("" = none).
std::string item2vec_key(const std::string& piece_text);

}  // namespace codeloom::train
