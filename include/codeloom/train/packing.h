// Sequence packing: documents (already FIM-transformed and ending in <eot>)
// are laid end to end into fixed-length rows of seq_len + 1 tokens (inputs are
// row[0..seq_len), targets row[1..seq_len]). A document that does not fit the
// rest of the current row starts the next one and the gap is filled with
// <fim_pad>, whose target positions are ignored by the loss; a document longer
// than a whole row is split across rows.
//
//   SequencePacker p(/*seq_len=*/128, ids.pad);
//   for (auto& doc : docs) p.add(doc);
//   PackedSequences seqs = std::move(p).finish();
//   auto order = epoch_order(seqs.rows(), seed, epoch);   // shuffled row ids
#pragma once

#include <cstdint>
#include <vector>

#include "codeloom/train/fim.h"

namespace codeloom::train {

struct PackedSequences {
  std::int64_t seq_len = 0;        // a row holds seq_len + 1 tokens
  TokenId pad = -1;                // <fim_pad>: targets equal to it are not trained on
  std::vector<TokenId> tokens;     // rows() × (seq_len + 1), row-major
  std::int64_t rows() const { return seq_len == 0 ? 0 : static_cast<std::int64_t>(tokens.size()) / (seq_len + 1); }
  const TokenId* row(std::int64_t i) const { return tokens.data() + i * (seq_len + 1); }
};

class SequencePacker {
 public:
  SequencePacker(std::int64_t seq_len, TokenId pad) : seq_len_(seq_len), pad_(pad) {
    out_.seq_len = seq_len;
    out_.pad = pad;
  }
  void add(const std::vector<TokenId>& document);
  // Pads and keeps a partly filled last row if it holds at least 2 real tokens.
  PackedSequences finish() &&;
  std::int64_t rows() const { return out_.rows(); }

 private:
  void flush_row();
  std::int64_t seq_len_;
  TokenId pad_;
  std::vector<TokenId> cur_;
  PackedSequences out_;
};

// A permutation of [0, rows) for one epoch, fixed by (seed, epoch).
std::vector<std::int64_t> epoch_order(std::int64_t rows, std::uint64_t seed, std::uint64_t epoch);

}  // namespace codeloom::train
