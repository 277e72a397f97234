// Keyword tables read from each grammar: its anonymous word-like symbols
// ("def", "static", "#include"), so they always match the grammar in use.
#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <string>
#include <vector>

#include "codeloom/lang/tokens.h"
#include "grammar.h"

namespace codeloom::lang {
namespace detail {

bool is_word(std::string_view s) {
  if (!s.empty() && s.front() == '#') s.remove_prefix(1);  // preprocessor directives
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s.front())) || s.front() == '_'))
    return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

}  // namespace detail

namespace {

std::vector<std::string> build(Language language) {
  const TSLanguage* g = detail::grammar(language);
  std::vector<std::string> out;
  const uint32_t count = ts_language_symbol_count(g);
  for (uint32_t i = 0; i < count; ++i) {
    const auto sym = static_cast<TSSymbol>(i);
    if (ts_language_symbol_type(g, sym) != TSSymbolTypeAnonymous) continue;
    const char* name = ts_language_symbol_name(g, sym);
    if (name && detail::is_word(name)) out.emplace_back(name);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

const std::vector<std::string>& keywords(Language language) {
  static std::array<std::vector<std::string>, 4> tables;
  static std::once_flag once;
  std::call_once(once, [] {
    for (Language l : all_languages()) tables[static_cast<std::size_t>(l)] = build(l);
  });
  return tables[static_cast<std::size_t>(language)];
}

bool is_keyword(Language language, std::string_view word) {
  const auto& table = keywords(language);
  return std::binary_search(table.begin(), table.end(), word,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

}  // namespace codeloom::lang
