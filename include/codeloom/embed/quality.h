// Intrinsic quality check of code-token embeddings: (anchor, related, unrelated)
// triples; a triple passes when cos(anchor, related) > cos(anchor, unrelated).
//
//   auto triples = embed::read_triples("tests/data/embed/pairs.tsv");
//   auto score = embed::score_triples(emb, *triples);
//   std::cout << score.passed << "/" << score.scored;
#pragma once

#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/embed/embeddings.h"

namespace codeloom::embed {

struct Triple {
  std::string language;  // informational: python | java | cpp | any
  std::string anchor, related, unrelated;
};

// TSV: `language<TAB>anchor<TAB>related<TAB>unrelated`; '#' lines and blank lines
// are skipped. kCorrupt names the bad line.
Result<std::vector<Triple>> read_triples(const std::string& path);

struct TripleResult {
  Triple triple;
  bool scored = false;  // false when a token is not in the vocabulary
  bool passed = false;
  double related = 0, unrelated = 0;
  std::string missing;  // the first token not in the vocabulary
};

struct TripleScore {
  std::size_t total = 0, scored = 0, passed = 0;
  double accuracy() const { return scored ? static_cast<double>(passed) / scored : 0.0; }
  std::vector<TripleResult> results;
};

TripleScore score_triples(const Embeddings& embeddings, const std::vector<Triple>& triples);

}  // namespace codeloom::embed
