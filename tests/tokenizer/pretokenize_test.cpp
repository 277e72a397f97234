// The Qwen2 pre-tokenizer on hand-checked cases; words always concatenate back
// to the input. (Parity with libllama's own split is checked in parity_test.)
#include <gtest/gtest.h>

#include "codeloom/tokenizer/pretokenize.h"
#include "corpus.h"

namespace codeloom::tokenizer {
namespace {

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (auto w : pretokenize(text)) out.emplace_back(w);
  return out;
}

using V = std::vector<std::string>;

TEST(Pretokenize, SplitsCodeLikeTheQwen2Regex) {
  EXPECT_EQ(words("    return x1"), (V{"   ", " return", " x", "1"}));
  EXPECT_EQ(words("x = 12"), (V{"x", " =", " ", "1", "2"}));
  EXPECT_EQ(words("def f():\n    pass\n"), (V{"def", " f", "():\n", "   ", " pass", "\n"}));
  EXPECT_EQ(words("a\r\n\r\nb"), (V{"a", "\r\n\r\n", "b"}));
  EXPECT_EQ(words("it's THEY'RE"), (V{"it", "'s", " THEY", "'RE"}));
  EXPECT_EQ(words("a->b::c"), (V{"a", "->", "b", "::", "c"}));
  EXPECT_EQ(words("x  "), (V{"x", "  "}));            // trailing whitespace: \s+
  EXPECT_EQ(words("naïve λx"), (V{"naïve", " λx"}));  // Unicode letters
  EXPECT_EQ(words("٣4"), (V{"٣", "4"}));              // every \p{N} is its own word
  EXPECT_EQ(words(""), V{});
}

TEST(Pretokenize, WordsConcatenateToTheInput) {
  auto all = testdata::samples();
  all.push_back("\xff\xfe invalid \xc3 utf8 \xe2\x82");
  for (const std::string& s : all) {
    std::string joined;
    for (auto w : pretokenize(s)) {
      EXPECT_FALSE(w.empty());
      joined += w;
    }
    ASSERT_EQ(joined, s);
  }
}

}  // namespace
}  // namespace codeloom::tokenizer
