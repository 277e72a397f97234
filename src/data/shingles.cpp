// k-token shingles hashed to 32 bits (see shingles.h for why 32).
#include "codeloom/data/shingles.h"

#include <xxhash.h>

#include <algorithm>
#include <string>

#include "codeloom/lang/source_tree.h"

namespace codeloom::data {
namespace {

std::string_view shingle_text(const lang::Token& t, bool normalize_identifiers) {
  if (normalize_identifiers && t.cls == lang::TokenClass::kIdentifier) return "$ID";
  return t.text;
}

}  // namespace

std::size_t count_shingle_tokens(std::span<const lang::Token> tokens) {
  return static_cast<std::size_t>(std::count_if(tokens.begin(), tokens.end(), [](const lang::Token& t) {
    return t.cls != lang::TokenClass::kComment;
  }));
}

std::vector<std::uint32_t> shingles_from_tokens(std::span<const lang::Token> tokens,
                                                const ShingleOptions& options) {
  std::vector<std::string_view> words;
  words.reserve(tokens.size());
  for (const auto& t : tokens) {
    if (t.cls == lang::TokenClass::kComment) continue;
    words.push_back(shingle_text(t, options.normalize_identifiers));
  }
  std::vector<std::uint32_t> out;
  if (words.empty()) return out;
  const std::size_t k = std::max<std::size_t>(1, std::min(options.k, words.size()));
  out.reserve(words.size() - k + 1);
  std::string buf;
  for (std::size_t i = 0; i + k <= words.size(); ++i) {
    buf.clear();
    for (std::size_t j = 0; j < k; ++j) {
      if (j) buf += '\x1f';  // unit separator: cannot occur inside a token
      buf += words[i + j];
    }
    out.push_back(static_cast<std::uint32_t>(XXH64(buf.data(), buf.size(), 0)));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<std::vector<std::uint32_t>> shingles_from_text(std::string_view code, lang::Language language,
                                                      const ShingleOptions& options) {
  lang::ParseOptions parse;
  if (language == lang::Language::kCpp) parse.ignore_macros = lang::libstdcxx_macros();
  auto tree = lang::SourceTree::parse(std::string(code), language, parse);
  if (!tree) return tree.error();
  auto tokens = lang::classify_tokens(*tree);
  return shingles_from_tokens(tokens, options);
}

double exact_jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  if (a.empty() && b.empty()) return 1.0;
  std::size_t i = 0, j = 0, inter = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++inter; ++i; ++j; }
  }
  return static_cast<double>(inter) / static_cast<double>(a.size() + b.size() - inter);
}

}  // namespace codeloom::data
