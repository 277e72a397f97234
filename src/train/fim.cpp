#include "codeloom/train/fim.h"

#include <algorithm>

namespace codeloom::train {

std::uint64_t uniform_index(std::mt19937_64& rng, std::uint64_t n) {
  // Rejection sampling removes the modulo bias.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t x = rng();
  while (x >= limit) x = rng();
  return x % n;
}

double uniform_unit(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);  // 53 bits
}

std::vector<std::size_t> char_boundaries(std::string_view text) {
  std::vector<std::size_t> out;
  out.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Continuation bytes are 10xxxxxx: every other byte starts a code point.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(text.size());
  return out;
}

std::vector<TokenId> make_training_document(std::string_view text, const Encoder& encode,
                                            const FimTokens& ids, const FimOptions& options,
                                            std::mt19937_64& rng) {
  std::vector<TokenId> out;
  auto append = [&](std::string_view piece) {
    if (piece.empty()) return;
    std::vector<TokenId> t = encode(piece);
    out.insert(out.end(), t.begin(), t.end());
  };
  // Draw every random number up front so the stream consumed per document is
  // fixed (4 draws), whatever branch is taken: resuming never depends on it,
  // but reproducing a document in isolation does.
  const double fim_draw = uniform_unit(rng);
  const double spm_draw = uniform_unit(rng);
  const std::vector<std::size_t> cuts = char_boundaries(text);
  std::size_t a = cuts[uniform_index(rng, cuts.size())];
  std::size_t b = cuts[uniform_index(rng, cuts.size())];
  if (a > b) std::swap(a, b);
  if (fim_draw >= options.fim_rate || text.empty()) {
    append(text);
    out.push_back(ids.eot);
    return out;
  }
  const std::string_view prefix = text.substr(0, a), middle = text.substr(a, b - a), suffix = text.substr(b);
  if (spm_draw < options.spm_rate) {
    out.push_back(ids.prefix);
    out.push_back(ids.suffix);
    append(suffix);
    out.push_back(ids.middle);
    append(prefix);
    append(middle);
  } else {
    out.push_back(ids.prefix);
    append(prefix);
    out.push_back(ids.suffix);
    append(suffix);
    out.push_back(ids.middle);
    append(middle);
  }
  out.push_back(ids.eot);
  return out;
}

}  // namespace codeloom::train
