// Module-internal: Walker's alias table for the unigram^0.75 noise distribution.
// One 64-bit random draw gives a sample in O(1) (high half: column, low half:
// coin), with a table of 8 bytes per token instead of word2vec.c's 1e8-entry one.
#pragma once

#include <cstdint>
#include <vector>

namespace codeloom::embed::detail {

struct AliasTable {
  std::vector<std::uint32_t> prob;   // keep column i when coin < prob[i] (scaled to 2^32)
  std::vector<std::uint32_t> alias;  // otherwise take alias[i]
};

// weights[i] = count[i]^power, normalized internally. Deterministic.
AliasTable build_alias_table(const std::vector<std::uint64_t>& counts, double power);

// The exact probability of each outcome the table encodes (for tests).
std::vector<double> alias_probabilities(const AliasTable& table);

}  // namespace codeloom::embed::detail
