#include "codeloom/train/packing.h"

#include <numeric>
#include <random>

namespace codeloom::train {

void SequencePacker::flush_row() {
  if (cur_.empty()) return;
  cur_.resize(static_cast<std::size_t>(seq_len_ + 1), pad_);
  out_.tokens.insert(out_.tokens.end(), cur_.begin(), cur_.end());
  cur_.clear();
}

void SequencePacker::add(const std::vector<TokenId>& doc) {
  const std::size_t row = static_cast<std::size_t>(seq_len_ + 1);
  std::size_t i = 0;
  if (doc.size() <= row && cur_.size() + doc.size() > row) flush_row();  // keep short documents whole
  while (i < doc.size()) {
    const std::size_t take = std::min(row - cur_.size(), doc.size() - i);
    cur_.insert(cur_.end(), doc.begin() + static_cast<std::ptrdiff_t>(i),
                doc.begin() + static_cast<std::ptrdiff_t>(i + take));
    i += take;
    if (cur_.size() == row) flush_row();
  }
}

PackedSequences SequencePacker::finish() && {
  if (cur_.size() >= 2) flush_row();
  cur_.clear();
  return std::move(out_);
}

std::vector<std::int64_t> epoch_order(std::int64_t rows, std::uint64_t seed, std::uint64_t epoch) {
  std::vector<std::int64_t> order(static_cast<std::size_t>(rows));
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL + epoch + 1);
  // Fisher–Yates with our portable uniform_index (std::shuffle is implementation-defined).
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[uniform_index(rng, i)]);
  return order;
}

}  // namespace codeloom::train
