// Incremental re-parsing: after apply_edit the tree equals a from-scratch parse
// of the new text, and changed_ranges report where the syntax changed.
#include <gtest/gtest.h>

#include <random>

#include "codeloom/lang/ast.h"
#include "codeloom/lang/source_tree.h"
#include "test_util.h"

namespace codeloom::lang {
namespace {

void expect_same_as_fresh(const SourceTree& edited) {
  auto fresh = SourceTree::parse(edited.text(), edited.language());
  ASSERT_TRUE(fresh);
  EXPECT_EQ(edited.sexp(), fresh->sexp());
  auto a = to_ast(edited);
  auto b = to_ast(*fresh);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
}

TEST(Incremental, InsertionMatchesFreshParseAndReportsChange) {
  auto tree = SourceTree::parse("def f(x):\n    return x\n", Language::kPython);
  ASSERT_TRUE(tree);
  // Turn `return x` into `return x + 1` and add a statement.
  const std::size_t at = tree->text().find("x\n", 15) + 1;
  auto changed = tree->apply_edit({.start_byte = at, .old_end_byte = at, .new_text = " + 1"});
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(tree->text(), "def f(x):\n    return x + 1\n");
  expect_same_as_fresh(*tree);
  ASSERT_FALSE(changed->empty());
  EXPECT_LE(changed->front().start_byte, at);
  EXPECT_GE(changed->back().end_byte, at + 4);
  EXPECT_EQ(changed->front().start.line, 2u);
}

TEST(Incremental, EditThatBreaksAndRepairsSyntax) {
  auto tree = SourceTree::parse("int f() { return 1; }\nint g() { return 2; }\n", Language::kCpp);
  ASSERT_TRUE(tree);
  auto broke = tree->apply_edit({.start_byte = 18, .old_end_byte = 19, .new_text = ""});  // drop ';'
  ASSERT_TRUE(broke);
  EXPECT_TRUE(tree->has_errors());
  expect_same_as_fresh(*tree);
  auto fixed = tree->apply_edit({.start_byte = 18, .old_end_byte = 18, .new_text = ";"});
  ASSERT_TRUE(fixed);
  EXPECT_FALSE(tree->has_errors());
  expect_same_as_fresh(*tree);
}

TEST(Incremental, ReplacementInTheMiddleOfARealFile) {
  const auto path = testing::data_dir() / "golden" / "java" / "StringJoiner.java";
  auto tree = SourceTree::parse(testing::read_file(path), Language::kJava);
  ASSERT_TRUE(tree);
  const std::size_t at = tree->text().find("public StringJoiner add(");
  ASSERT_NE(at, std::string::npos);
  auto changed = tree->apply_edit({.start_byte = at + 7, .old_end_byte = at + 19,
                                   .new_text = "StringJoiner append"});
  ASSERT_TRUE(changed) << changed.error().message;
  expect_same_as_fresh(*tree);
  for (const SourceRange& r : *changed) {
    EXPECT_LE(r.start_byte, r.end_byte);
    EXPECT_LE(r.end_byte, tree->text().size());
  }
}

TEST(Incremental, InvalidEditsLeaveTheTreeUnchanged) {
  auto tree = SourceTree::parse("s = 'é'\n", Language::kPython);
  ASSERT_TRUE(tree);
  const std::string before = tree->sexp();
  auto past_end = tree->apply_edit({.start_byte = 5, .old_end_byte = 99, .new_text = ""});
  ASSERT_FALSE(past_end);
  EXPECT_EQ(past_end.error().code, ErrorCode::kOutOfRange);
  auto reversed = tree->apply_edit({.start_byte = 4, .old_end_byte = 2, .new_text = ""});
  ASSERT_FALSE(reversed);
  auto split = tree->apply_edit({.start_byte = 6, .old_end_byte = 6, .new_text = "x"});  // inside é
  ASSERT_FALSE(split);
  EXPECT_EQ(split.error().code, ErrorCode::kInvalidArgument);
  auto binary = tree->apply_edit({.start_byte = 0, .old_end_byte = 0, .new_text = std::string("\0", 1)});
  ASSERT_FALSE(binary);
  EXPECT_NE(binary.error().message.find("binary"), std::string::npos);
  EXPECT_EQ(tree->text(), "s = 'é'\n");
  EXPECT_EQ(tree->sexp(), before);
}

// Seeded random edits on real files (tree-sitter's own practice): every step
// must equal a fresh parse.
TEST(Incremental, SeededRandomEditsMatchFreshParses) {
  const char* files[] = {"python/bisect.py", "java/Function.java", "cpp/stl_relops.h",
                         "javascript/aproba_index.js"};
  const char* snippets[] = {"(", ")", "{", "}", ";", "\n", "x", " + 1", "\"", "return ", "é"};
  std::mt19937 rng(1234);
  for (const char* f : files) {
    SCOPED_TRACE(f);
    const std::string text = testing::read_file(testing::data_dir() / "golden" / f);
    auto lang = detect_language(f);
    ASSERT_TRUE(lang);
    auto tree = SourceTree::parse(text, *lang);
    ASSERT_TRUE(tree);
    for (int step = 0; step < 25; ++step) {
      const std::string& cur = tree->text();
      std::size_t start = rng() % (cur.size() + 1);
      while (start < cur.size() && (static_cast<unsigned char>(cur[start]) & 0xC0) == 0x80) ++start;
      std::size_t end = std::min(cur.size(), start + rng() % 8);
      while (end < cur.size() && (static_cast<unsigned char>(cur[end]) & 0xC0) == 0x80) ++end;
      const std::string ins = snippets[rng() % std::size(snippets)];
      auto changed = tree->apply_edit({.start_byte = start, .old_end_byte = end, .new_text = ins});
      ASSERT_TRUE(changed) << changed.error().message;
      auto fresh = SourceTree::parse(tree->text(), *lang);
      ASSERT_TRUE(fresh);
      ASSERT_EQ(tree->sexp(), fresh->sexp()) << "step " << step;
    }
  }
}

}  // namespace
}  // namespace codeloom::lang
