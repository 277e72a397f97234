#include "codeloom/eval/edit_similarity.h"

#include <algorithm>
#include <vector>

#include "py_text.h"

namespace codeloom::eval {
namespace {

std::size_t levenshtein_cp(const std::u32string& a, const std::u32string& b) {
  const std::u32string& s = a.size() < b.size() ? b : a;  // longer
  const std::u32string& t = a.size() < b.size() ? a : b;  // shorter: the row
  std::vector<std::size_t> row(t.size() + 1);
  for (std::size_t j = 0; j <= t.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= s.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= t.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({up + 1, row[j - 1] + 1, diag + (s[i - 1] == t[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[t.size()];
}

}  // namespace

std::size_t levenshtein(std::string_view a, std::string_view b) {
  return levenshtein_cp(detail::decode_utf8(a), detail::decode_utf8(b));
}

double edit_similarity(std::string_view a, std::string_view b) {
  std::u32string ca = detail::decode_utf8(a), cb = detail::decode_utf8(b);
  std::size_t longest = std::max(ca.size(), cb.size());
  if (longest == 0) return 1.0;
  return 1.0 - static_cast<double>(levenshtein_cp(ca, cb)) / static_cast<double>(longest);
}

}  // namespace codeloom::eval
