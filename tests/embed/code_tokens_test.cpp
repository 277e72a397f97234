// The code-token source: lexer tokens with the literal/comment policy, and the
// mined-shard reader.
#include <gtest/gtest.h>

#include "codeloom/data/mine.h"
#include "codeloom/embed/code_tokens.h"
#include "embed_test_util.h"

namespace codeloom::embed {
namespace {

using lang::Language;
using V = std::vector<std::string>;

TEST(EmbedCodeTokens, PythonDropsCommentsAndMapsLongStrings) {
  auto t = code_tokens(
      "def f(xs):\n    \"\"\"Return the doubled list.\"\"\"\n    # a comment\n    out = []\n"
      "    out.append(xs[0] * 2.5 + 12345678901)\n    return out, 'utf-8', \"a b\", True\n",
      Language::kPython);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(*t, (V{"def", "f", "(", "xs", ")", ":", "<STR>", "out", "=", "[", "]", "out", ".", "append", "(",
                   "xs", "[", "0", "]", "*", "2.5", "+", "<NUM>", ")", "return", "out", ",", "'utf-8'", ",",
                   "<STR>", ",", "True"}));
}

TEST(EmbedCodeTokens, JavaMethodIsParsedInsideAClass) {
  auto t = code_tokens("public int size() {\n  // count\n  return map.size(); /* done */\n}", Language::kJava);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(*t, (V{"public", "int", "size", "(", ")", "{", "return", "map", ".", "size", "(", ")", ";", "}"}));
}

TEST(EmbedCodeTokens, CppWithLibstdcxxMacros) {
  auto t = code_tokens(
      "void push_back(const value_type& __x) _GLIBCXX_NOEXCEPT\n{ this->_M_impl.construct(__x); }",
      Language::kCpp);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(*t, (V{"void", "push_back", "(", "const", "value_type", "&", "__x", ")", "{", "this", "->", "_M_impl",
                   ".", "construct", "(", "__x", ")", ";", "}"}));
  // No token ever contains whitespace (the token file and text export split on it).
  auto p = code_tokens("#define X(a) a + 1\nint y = X(2);", Language::kCpp);
  ASSERT_TRUE(p);
  for (const auto& tok : *p) EXPECT_EQ(tok.find_first_of(" \t\n"), std::string::npos) << tok;
}

TEST(EmbedCodeTokens, InvalidTextIsAnError) {
  EXPECT_FALSE(code_tokens(std::string("x = 1\0", 6), Language::kPython));
}

// A real mined corpus: two Python stdlib files through `data::mine`, then read back.
TEST(EmbedCodeTokens, ReadsMinedShardsInOrderWhateverTheThreads) {
  data::MineOptions mo;
  mo.inputs = {std::string(CODELOOM_TEST_DATA_DIR) + "/pipeline/corpus"};
  mo.out_dir = testing::temp_path("mined");
  mo.threads = 1;
  mo.train = 1.0;
  mo.val = 0.0;
  mo.shard_samples = 50;  // several shards
  mo.progress = false;
  auto stats = data::mine(mo);
  ASSERT_TRUE(stats) << stats.error().message;
  ASSERT_GT(stats->samples, 60u);
  std::vector<V> one, three;
  CorpusReadOptions ro;
  CorpusReadStats rs;
  ASSERT_TRUE(for_each_code_sequence(mo.out_dir, ro, [&](const V& t) { one.push_back(t); }, &rs));
  EXPECT_EQ(rs.samples, stats->samples);
  EXPECT_EQ(rs.skipped, 0u);
  ro.threads = 3;
  ASSERT_TRUE(for_each_code_sequence(mo.out_dir, ro, [&](const V& t) { three.push_back(t); }));
  EXPECT_EQ(one, three);
  auto corpus = read_code_corpus(mo.out_dir, ro, {.min_count = 2});
  ASSERT_TRUE(corpus) << corpus.error().message;
  EXPECT_TRUE(corpus->vocab.find("def"));
  EXPECT_TRUE(corpus->vocab.find("self"));
  EXPECT_FALSE(corpus->vocab.find("#"));  // no comment survives
  auto missing = read_code_corpus("/nonexistent/corpus", ro, {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace codeloom::embed
