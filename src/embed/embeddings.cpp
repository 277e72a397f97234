// Token lookup, cosine similarity and nearest neighbours.
#include "codeloom/embed/embeddings.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>

namespace codeloom::embed {
namespace {

std::uint64_t hash_token(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

Error unknown(std::string_view token) {
  return make_error(ErrorCode::kNotFound, "token '" + std::string(token) +
                                              "' is not in the model's vocabulary (rare tokens are cut by "
                                              "--min-count; tokens are lexer tokens, e.g. push_back, HashMap)");
}

double norm(std::span<const float> v) {
  double s = 0;
  for (float x : v) s += static_cast<double>(x) * x;
  return std::sqrt(s);
}

}  // namespace

void Embeddings::build_index() {
  std::size_t size = 16;
  while (size < tokens.size() * 2) size <<= 1;
  index_.assign(size, 0);
  const std::size_t mask = size - 1;
  for (std::size_t id = 0; id < tokens.size(); ++id) {
    std::size_t h = hash_token(tokens[id]) & mask;
    while (index_[h] != 0) {
      if (tokens[index_[h] - 1] == tokens[id]) break;  // duplicate token (text files): first row wins
      h = (h + 1) & mask;
    }
    if (index_[h] == 0) index_[h] = static_cast<std::uint32_t>(id + 1);
  }
}

std::optional<std::size_t> Embeddings::find(std::string_view token) const {
  if (index_.empty()) {
    for (std::size_t i = 0; i < tokens.size(); ++i)
      if (tokens[i] == token) return i;
    return std::nullopt;
  }
  const std::size_t mask = index_.size() - 1;
  for (std::size_t h = hash_token(token) & mask; index_[h] != 0; h = (h + 1) & mask) {
    if (tokens[index_[h] - 1] == token) return index_[h] - 1;
  }
  return std::nullopt;
}

double cosine(std::span<const float> a, std::span<const float> b) {
  double dot = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) dot += static_cast<double>(a[i]) * b[i];
  const double n = norm(a) * norm(b);
  return n > 0 ? dot / n : 0.0;
}

Result<double> similarity(const Embeddings& e, std::string_view a, std::string_view b) {
  const auto ia = e.find(a);
  if (!ia) return unknown(a);
  const auto ib = e.find(b);
  if (!ib) return unknown(b);
  return cosine(e.row(*ia), e.row(*ib));
}

Result<std::vector<Neighbor>> nearest(const Embeddings& e, std::string_view token, std::size_t k) {
  const auto q = e.find(token);
  if (!q) return unknown(token);
  const auto query = e.row(*q);
  const double qn = norm(query);
  std::vector<std::pair<double, std::size_t>> scored;
  scored.reserve(e.size());
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (i == *q) continue;
    const auto row = e.row(i);
    double dot = 0;
    for (int d = 0; d < e.dim; ++d) dot += static_cast<double>(query[d]) * row[d];
    const double n = qn * norm(row);
    scored.emplace_back(n > 0 ? dot / n : 0.0, i);
  }
  k = std::min(k, scored.size());
  auto better = [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; };
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(k), scored.end(), better);
  std::vector<Neighbor> out;
  for (std::size_t i = 0; i < k; ++i) out.push_back({e.tokens[scored[i].second], scored[i].first});
  return out;
}

}  // namespace codeloom::embed
