// Zhang–Shasha tree edit distance and AST similarity on hand-computed trees.
#include <gtest/gtest.h>

#include "codeloom/eval/ast_similarity.h"
#include "golden_util.h"

namespace codeloom::eval {
namespace {

lang::AstNode node(std::string type, std::vector<lang::AstNode> children = {}) {
  lang::AstNode n;
  n.type = std::move(type);
  n.children = std::move(children);
  return n;
}

TEST(TreeEditDistance, ZhangShashaPaperExample) {
  // The example of Zhang & Shasha (1989), also the `zss` package's test:
  // f(d(a, c(b)), e)  vs  f(c(d(a, b)), e)  -> distance 2.
  auto t1 = node("f", {node("d", {node("a"), node("c", {node("b")})}), node("e")});
  auto t2 = node("f", {node("c", {node("d", {node("a"), node("b")})}), node("e")});
  EXPECT_EQ(tree_edit_distance(t1, t2), 2u);
  EXPECT_EQ(tree_edit_distance(t2, t1), 2u);
  EXPECT_DOUBLE_EQ(ast_similarity(t1, t2), 1.0 - 2.0 / 6.0);
}

TEST(TreeEditDistance, HandComputedSmallTrees) {
  auto a = node("a");
  EXPECT_EQ(tree_edit_distance(a, a), 0u);
  EXPECT_EQ(tree_edit_distance(a, node("b")), 1u);               // relabel
  EXPECT_EQ(tree_edit_distance(a, node("a", {node("b")})), 1u);  // insert a leaf
  // a(b, c) vs a(c): delete b.
  EXPECT_EQ(tree_edit_distance(node("a", {node("b"), node("c")}), node("a", {node("c")})), 1u);
  // a(b(c, d)) vs a(c, d): delete the inner node b, its children move up.
  EXPECT_EQ(tree_edit_distance(node("a", {node("b", {node("c"), node("d")})}),
                               node("a", {node("c"), node("d")})),
            1u);
  // Order matters: a(b, c) vs a(c, b) needs two relabels.
  EXPECT_EQ(tree_edit_distance(node("a", {node("b"), node("c")}), node("a", {node("c"), node("b")})), 2u);
  // TED can exceed the larger size: a chain cannot map onto two siblings.
  auto chain = node("x", {node("y", {node("z")})});
  auto fork = node("q", {node("r"), node("s")});
  EXPECT_EQ(tree_edit_distance(chain, fork), 4u);
  EXPECT_DOUBLE_EQ(ast_similarity(chain, fork), 0.0);  // clamped, not -1/3
  // Completely different 3-node chain vs single node: 2 deletions + 1 relabel.
  EXPECT_EQ(tree_edit_distance(node("x", {node("y", {node("z")})}), node("q")), 3u);
}

TEST(AstSimilarity, FromCode) {
  using lang::Language;
  // Renaming keeps the named-node structure (labels are types only).
  auto same = ast_similarity("def f(a):\n    return a + 1\n", "def g(b):\n    return b + 1\n", Language::kPython);
  ASSERT_TRUE(same) << same.error().message;
  EXPECT_DOUBLE_EQ(*same, 1.0);
  auto text = ast_similarity("def f(a):\n    return a + 1\n", "def g(b):\n    return b + 1\n", Language::kPython,
                             {.leaf_text = true});
  ASSERT_TRUE(text);
  EXPECT_LT(*text, 1.0);
  auto diff = ast_similarity("int f() { return 1; }", "int f() { int x = 2; while (x) x--; return x; }",
                             Language::kCpp);
  ASSERT_TRUE(diff);
  EXPECT_GT(*diff, 0.0);
  EXPECT_LT(*diff, 1.0);
  auto big = ast_similarity("x = 1\n", "y = [1, 2, 3, 4]\n", Language::kPython, {.max_nodes = 3});
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, ErrorCode::kOutOfRange);
  EXPECT_FALSE(ast_similarity(std::string("x\0y", 3), "x", Language::kPython));
}

}  // namespace
}  // namespace codeloom::eval

namespace codeloom::eval {
namespace {

TEST(AstSimilarity, PairSetsStayInRangeAndIdenticalIsOne) {
  for (const char* name : {"python", "java", "cpp"}) {
    lang::Language language = *lang::parse_language_name(name);
    auto pairs = test::load_pairs(name);
    for (std::size_t i = 0; i < pairs.size(); i += 5) {
      auto s = ast_similarity(pairs[i].reference, pairs[i].candidate, language);
      ASSERT_TRUE(s) << pairs[i].id << ": " << s.error().message;
      EXPECT_GE(*s, 0.0);
      EXPECT_LE(*s, 1.0);
      if (pairs[i].kind == "same") {
        EXPECT_DOUBLE_EQ(*s, 1.0) << pairs[i].id;
      }
    }
  }
}

}  // namespace
}  // namespace codeloom::eval
