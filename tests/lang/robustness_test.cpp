// Seeded mutation fuzzing of every entry point on real files: parsers of
// untrusted input must never crash, hang or return inconsistent ranges.
#include <gtest/gtest.h>

#include <random>

#include "codeloom/lang/ast.h"
#include "codeloom/lang/block_scope.h"
#include "codeloom/lang/functions.h"
#include "codeloom/lang/tokens.h"
#include "test_util.h"

namespace codeloom::lang {
namespace {

std::string mutate(std::string text, std::mt19937& rng) {
  const char* pieces[] = {"(", ")", "{", "}", "[", "\"", "'", "`", "/*", "*/", "#", "\\", ":",
                          "\n", "\t", "def ", "class ", "template<", ">>", "R\"x(", "\"\"\"", "é"};
  const int edits = 1 + static_cast<int>(rng() % 20);
  for (int i = 0; i < edits && !text.empty(); ++i) {
    std::size_t at = rng() % text.size();
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    if (rng() % 2) {
      std::size_t len = std::min<std::size_t>(text.size() - at, rng() % 40);
      while (at + len < text.size() && (static_cast<unsigned char>(text[at + len]) & 0xC0) == 0x80) ++len;
      text.erase(at, len);
    } else {
      text.insert(at, pieces[rng() % std::size(pieces)]);
    }
  }
  return text;
}

TEST(Robustness, MutatedRealFilesNeverCrash) {
  const char* files[] = {"python/shlex.py", "java/Optional.java", "cpp/stl_stack.h",
                         "javascript/debug_common.js"};
  std::mt19937 rng(2024);
  for (const char* f : files) {
    SCOPED_TRACE(f);
    const std::string original = testing::read_file(testing::data_dir() / "golden" / f);
    auto lang = detect_language(f);
    ASSERT_TRUE(lang);
    for (int round = 0; round < 25; ++round) {
      const std::string text = mutate(original, rng);
      auto tree = SourceTree::parse(text, *lang);
      ASSERT_TRUE(tree) << tree.error().message;
      for (const SyntaxError& e : tree->syntax_errors()) ASSERT_LE(e.byte_offset, text.size());
      for (const FunctionUnit& u : extract_functions(*tree)) {
        ASSERT_LE(u.range.start_byte, u.range.end_byte);
        ASSERT_LE(u.range.end_byte, text.size());
        ASSERT_LE(u.range.start.line, u.range.end.line);
      }
      for (const Token& t : classify_tokens(*tree)) ASSERT_LE(t.end_byte, text.size());
      auto ast = to_ast(*tree);
      if (ast && round % 5 == 0) {  // the JSON round trip is the slow part
        auto back = ast_from_json(ast_to_json(*ast));
        ASSERT_TRUE(back);
      }
      const std::size_t cut = rng() % (text.size() + 1);
      auto end = block_end(*lang, std::string_view(text).substr(0, cut),
                           std::string_view(text).substr(cut));
      if (end) {
        ASSERT_LE(*end, text.size() - cut);
      }
    }
  }
}

}  // namespace
}  // namespace codeloom::lang
