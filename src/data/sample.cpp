// Cutting a parsed file into tagged function samples.
#include "codeloom/data/sample.h"

#include <algorithm>
#include <set>

#include "codeloom/data/normalize.h"
#include "codeloom/lang/functions.h"
#include "codeloom/lang/tokens.h"

namespace codeloom::data {
namespace {

// Removes the indentation common to all non-blank lines (methods are indented in
// their class; the sample should start at column 0).
std::string dedent(const std::string& text) {
  std::size_t common = std::string::npos;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) common = std::min(common, text.find_first_not_of(' ', pos) - pos);
    pos = end + 1;
  }
  if (common == 0 || common == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) out.append(text, pos + common, end - pos - common);
    out += '\n';
    pos = end + 1;
  }
  return out;
}

void tag(std::string_view word, Constructs& c) {
  static const std::set<std::string_view> kLoops = {"for", "while", "do"};
  static const std::set<std::string_view> kConds = {"if", "elif", "else", "switch", "case", "?"};
  static const std::set<std::string_view> kExc = {"try", "catch", "except", "finally", "throw", "raise", "throws"};
  c.loops = c.loops || kLoops.count(word);
  c.conditionals = c.conditionals || kConds.count(word);
  c.exceptions = c.exceptions || kExc.count(word);
}

}  // namespace

std::vector<Sample> extract_samples(const lang::SourceTree& tree, const SampleOptions& options,
                                    ExtractCounts* counts) {
  ExtractCounts local;
  ExtractCounts& n = counts ? *counts : local;
  std::vector<Sample> out;
  const auto functions = lang::extract_functions(tree);
  n.functions += functions.size();
  if (functions.empty()) return out;
  const auto tokens = lang::classify_tokens(tree);
  std::vector<std::size_t> error_offsets;
  if (tree.has_errors())
    for (const auto& e : tree.syntax_errors(static_cast<std::size_t>(-1))) error_offsets.push_back(e.byte_offset);
  std::sort(error_offsets.begin(), error_offsets.end());
  const std::string& text = tree.text();

  for (const auto& f : functions) {
    const auto err = std::lower_bound(error_offsets.begin(), error_offsets.end(), f.range.start_byte);
    if (err != error_offsets.end() && *err < f.range.end_byte) {
      ++n.parse_errors;
      continue;
    }
    auto lo = std::lower_bound(tokens.begin(), tokens.end(), f.range.start_byte,
                               [](const lang::Token& t, std::size_t b) { return t.start_byte < b; });
    auto hi = std::lower_bound(lo, tokens.end(), f.range.end_byte,
                               [](const lang::Token& t, std::size_t b) { return t.start_byte < b; });
    const std::span<const lang::Token> ftoks =
        lo == hi ? std::span<const lang::Token>() : std::span<const lang::Token>(&*lo, static_cast<std::size_t>(hi - lo));
    const std::size_t num_tokens = count_shingle_tokens(ftoks);
    if (num_tokens < options.min_tokens) {
      ++n.too_small;
      continue;
    }
    Sample s;
    s.name = f.name;
    s.qualified_name = f.qualified_name;
    s.kind = std::string(lang::function_kind_name(f.kind));
    s.signature = f.signature;
    s.doc = f.doc;
    s.start_line = f.range.start.line;
    // Include the first line's indentation so dedent sees the method's true column.
    std::size_t begin = f.range.start_byte;
    while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
    s.text = dedent(normalize_code(std::string_view(text).substr(begin, f.range.end_byte - begin)));
    s.num_tokens = num_tokens;
    s.hash = content_hash(s.text);
    std::set<std::string_view> apis;
    for (const auto& t : ftoks) {
      if (t.cls == lang::TokenClass::kApiCall) {
        apis.insert(t.text);
        if (t.text == f.name && t.start_byte >= f.body_range.start_byte) s.constructs.recursion = true;
      } else if (t.cls == lang::TokenClass::kKeyword || t.cls == lang::TokenClass::kOperator) {
        tag(t.text, s.constructs);
      }
    }
    s.apis.assign(apis.begin(), apis.end());
    s.shingles = shingles_from_tokens(ftoks, options.shingles);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace codeloom::data
