#include <gtest/gtest.h>

#include "codeloom/embed/vocab.h"
#include "embed_test_util.h"

namespace codeloom::embed {
namespace {

TEST(EmbedVocab, CountsOrderAndMinCount) {
  CorpusBuilder b;
  b.add_sequence({"a", "b", "a", "c"});
  b.add_sequence({"b", "a", "d"});
  b.add_sequence({"e", "d", "b"});
  Corpus c = std::move(b).finish({.min_count = 2});
  // a:3, b:3, d:2 kept (ties by bytes); c:1, e:1 cut.
  ASSERT_EQ(c.vocab.size(), 3u);
  EXPECT_EQ(c.vocab.token(0), "a");
  EXPECT_EQ(c.vocab.token(1), "b");
  EXPECT_EQ(c.vocab.token(2), "d");
  EXPECT_EQ(c.vocab.count(0), 3u);
  EXPECT_EQ(c.vocab.count(2), 2u);
  EXPECT_EQ(c.vocab.total_count(), 8u);
  EXPECT_EQ(c.raw_tokens, 10u);
  EXPECT_FALSE(c.vocab.find("c").has_value());
  EXPECT_EQ(c.vocab.find("d").value(), 2u);
  // Out-of-vocabulary tokens are removed from the sequences.
  ASSERT_EQ(c.sequences(), 3u);
  EXPECT_EQ(std::vector<std::uint32_t>(c.sequence(0).begin(), c.sequence(0).end()),
            (std::vector<std::uint32_t>{0, 1, 0}));
  EXPECT_EQ(std::vector<std::uint32_t>(c.sequence(2).begin(), c.sequence(2).end()),
            (std::vector<std::uint32_t>{2, 1}));
}

TEST(EmbedVocab, MaxVocabKeepsMostFrequentAndDropsEmptySequences) {
  CorpusBuilder b;
  b.add_sequence({"x", "x", "x", "y", "y", "z"});
  b.add_sequence({"z", "w"});
  b.add_sequence({"w"});
  b.add_sequence({"q"});
  Corpus c = std::move(b).finish({.min_count = 1, .max_vocab = 2});
  ASSERT_EQ(c.vocab.size(), 2u);
  EXPECT_EQ(c.vocab.token(0), "x");
  EXPECT_EQ(c.vocab.token(1), "w");  // ties (w, y, z: 2) by bytes
  EXPECT_EQ(c.sequences(), 3u);      // the last sequence had no kept token
  EXPECT_EQ(c.ids.size(), 5u);
}

TEST(EmbedVocab, ManyTokensSurviveRehash) {
  CorpusBuilder b;
  std::vector<std::string> toks;
  for (int i = 0; i < 5000; ++i) toks.push_back("t" + std::to_string(i % 2500));
  std::vector<std::string_view> v(toks.begin(), toks.end());
  b.add_sequence(v);
  Corpus c = std::move(b).finish({.min_count = 2});
  EXPECT_EQ(c.vocab.size(), 2500u);
  for (int i = 0; i < 2500; i += 97) EXPECT_TRUE(c.vocab.find("t" + std::to_string(i))) << i;
}

TEST(EmbedVocab, ReadsTokenFile) {
  const std::string path = testing::temp_path("tokens.txt");
  testing::write_bytes(path, "def f ( x ) :\n\n  return x\t+ 1\r\ndef g ( ) :");  // no final newline
  auto c = read_token_file(path, {.min_count = 1});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->sequences(), 3u);
  EXPECT_EQ(c->ids.size(), 15u);
  EXPECT_EQ(c->vocab.count(*c->vocab.find("def")), 2u);
  EXPECT_TRUE(c->vocab.find("+"));
  EXPECT_FALSE(c->vocab.find("\r"));
  auto missing = read_token_file("/nonexistent/tokens.txt", {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace codeloom::embed
