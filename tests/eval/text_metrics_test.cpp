// Exact match, top-k accuracy and edit similarity: hand-computed cases.
#include <gtest/gtest.h>

#include "codeloom/eval/edit_similarity.h"
#include "codeloom/eval/exact_match.h"

namespace codeloom::eval {
namespace {

TEST(ExactMatch, StripsOuterWhitespaceOnly) {
  EXPECT_TRUE(exact_match("  x = 1\n", "x = 1"));
  EXPECT_TRUE(exact_match("x = 1\xE3\x80\x80", "x = 1"));  // U+3000 is stripped by Python
  EXPECT_FALSE(exact_match("x  = 1", "x = 1"));
  EXPECT_TRUE(exact_match("x  = 1", "x = 1", {.compare_tokens = true}));
  EXPECT_FALSE(exact_match("x = 2", "x = 1", {.compare_tokens = true}));
}

TEST(ExactMatch, Rate) {
  std::vector<std::string> p{"a", "b ", "c"}, r{"a", "b", "d"};
  auto em = exact_match_rate(p, r);
  ASSERT_TRUE(em);
  EXPECT_DOUBLE_EQ(*em, 2.0 / 3.0);
  std::vector<std::string> none;
  EXPECT_FALSE(exact_match_rate(none, none));
  EXPECT_FALSE(exact_match_rate(p, none));
}

TEST(TopK, ReferenceAmongFirstKCandidates) {
  std::vector<std::vector<std::string>> c{{"x", "y", "z"}, {"q"}, {"m", "n"}};
  std::vector<std::string> r{"z", "q", "o"};
  EXPECT_DOUBLE_EQ(*top_k_accuracy(c, r, 1), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(*top_k_accuracy(c, r, 2), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(*top_k_accuracy(c, r, 3), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*top_k_accuracy(c, r, 10), 2.0 / 3.0);
  EXPECT_FALSE(top_k_accuracy(c, r, 0));
}

TEST(EditSimilarity, ClassicExamples) {
  EXPECT_EQ(levenshtein("kitten", "sitting"), 3u);
  EXPECT_EQ(levenshtein("flaw", "lawn"), 2u);
  EXPECT_EQ(levenshtein("", "abc"), 3u);
  EXPECT_DOUBLE_EQ(edit_similarity("kitten", "sitting"), 1.0 - 3.0 / 7.0);
  EXPECT_DOUBLE_EQ(edit_similarity("", ""), 1.0);
  EXPECT_DOUBLE_EQ(edit_similarity("abc", "abc"), 1.0);
  EXPECT_DOUBLE_EQ(edit_similarity("abc", "xyz"), 0.0);
}

TEST(EditSimilarity, CountsCodePointsNotBytes) {
  // "é" is 2 bytes but one code point: one substitution out of 4 code points.
  EXPECT_EQ(levenshtein("caf\xC3\xA9", "cafe"), 1u);
  EXPECT_DOUBLE_EQ(edit_similarity("caf\xC3\xA9", "cafe"), 0.75);
  // Symmetric.
  EXPECT_EQ(levenshtein("sitting", "kitten"), levenshtein("kitten", "sitting"));
}

}  // namespace
}  // namespace codeloom::eval
