// The .c2v model file and the word2vec text export.
#include <gtest/gtest.h>

#include <charconv>
#include <sstream>

#include "codeloom/embed/train.h"
#include "embed_test_util.h"

namespace codeloom::embed {
namespace {

Embeddings small_model() {
  const Corpus c = testing::clustered_corpus(3, 4, 60, 20);
  TrainOptions o;
  o.dim = 12;
  o.epochs = 2;
  o.min_count = 1;
  o.seed = 42;
  auto e = train(c, o);
  EXPECT_TRUE(e) << e.error().message;
  return *e;
}

void expect_same(const Embeddings& a, const Embeddings& b) {
  EXPECT_EQ(a.tokens, b.tokens);
  EXPECT_EQ(a.dim, b.dim);
  EXPECT_TRUE(a.vectors == b.vectors);  // bit-exact
}

TEST(EmbedIo, BinaryRoundTrip) {
  const Embeddings e = small_model();
  const std::string path = testing::temp_path("rt.c2v");
  ASSERT_TRUE(save(e, path));
  auto l = load(path);
  ASSERT_TRUE(l) << l.error().message;
  expect_same(e, *l);
  EXPECT_EQ(l->counts, e.counts);
  EXPECT_EQ(l->train_words, e.train_words);
  EXPECT_EQ(l->options.seed, 42u);
  EXPECT_EQ(l->options.epochs, 2);
  EXPECT_EQ(l->options.window, 5);
  EXPECT_DOUBLE_EQ(l->options.sample, 1e-3);
  EXPECT_EQ(l->find("c1_2"), e.find("c1_2"));
}

TEST(EmbedIo, CorruptionIsDetected) {
  const std::string path = testing::temp_path("good.c2v");
  ASSERT_TRUE(save(small_model(), path));
  const std::string bytes = testing::read_bytes(path);
  auto expect_error = [&](std::string b, ErrorCode code, const char* needle) {
    const std::string p = testing::temp_path("bad.c2v");
    testing::write_bytes(p, b);
    auto l = load(p);
    ASSERT_FALSE(l) << needle;
    EXPECT_EQ(l.error().code, code) << l.error().message;
    EXPECT_NE(l.error().message.find(needle), std::string::npos) << l.error().message;
  };
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x40;  // a vector byte
  expect_error(flipped, ErrorCode::kCorrupt, "checksum");
  std::string token_flip = bytes;
  token_flip[110] ^= 0x01;  // inside the vocabulary
  expect_error(token_flip, ErrorCode::kCorrupt, "checksum");
  expect_error(bytes.substr(0, bytes.size() - 100), ErrorCode::kCorrupt, "checksum");
  expect_error(bytes.substr(0, 50), ErrorCode::kCorrupt, "truncated");
  std::string newer = bytes;
  newer[8] = 9;  // format version 9
  expect_error(newer, ErrorCode::kUnsupported, "version 9");
  expect_error("garbage\n", ErrorCode::kCorrupt, "word2vec text");
  expect_error("", ErrorCode::kCorrupt, "empty");
  auto missing = load("/nonexistent/model.c2v");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST(EmbedIo, TextExportIsWord2vecFormat) {
  const Embeddings e = small_model();
  const std::string path = testing::temp_path("vectors.txt");
  ASSERT_TRUE(save_text(e, path));
  std::istringstream in(testing::read_bytes(path));
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, std::to_string(e.size()) + " 12");
  for (std::size_t i = 0; i < e.size(); ++i) {
    ASSERT_TRUE(std::getline(in, line));
    std::istringstream fields(line);
    std::string tok;
    fields >> tok;
    EXPECT_EQ(tok, e.tokens[i]);
    for (int d = 0; d < 12; ++d) {
      std::string num;
      ASSERT_TRUE(fields >> num) << line;
      float x = 0;
      std::from_chars(num.data(), num.data() + num.size(), x);
      EXPECT_EQ(x, e.row(i)[d]) << "float does not round-trip: " << num;
    }
    std::string extra;
    EXPECT_FALSE(fields >> extra);
  }
  EXPECT_FALSE(std::getline(in, line));
  auto back = load(path);  // no magic: read as text
  ASSERT_TRUE(back) << back.error().message;
  expect_same(e, *back);
}

TEST(EmbedIo, TextLoaderRejectsMalformedRows) {
  const std::string p = testing::temp_path("bad.txt");
  testing::write_bytes(p, "2 3\na 1 2 3\nb 1 2\n");
  auto l = load_text(p);
  ASSERT_FALSE(l);
  EXPECT_NE(l.error().message.find("line 3"), std::string::npos) << l.error().message;
  testing::write_bytes(p, "3 2\na 1 2\n");
  l = load_text(p);
  ASSERT_FALSE(l);
  EXPECT_NE(l.error().message.find("ends after 1 of 3"), std::string::npos) << l.error().message;
}

// tests/data/embed/tiny-v1.c2v was written by format version 1 (with its word2vec
// text export tiny-v1.txt next to it): later versions must keep reading it.
TEST(EmbedIo, LoadsCommittedVersion1File) {
  const std::string dir = std::string(CODELOOM_TEST_DATA_DIR) + "/embed/";
  auto bin = load(dir + "tiny-v1.c2v");
  ASSERT_TRUE(bin) << bin.error().message;
  auto txt = load_text(dir + "tiny-v1.txt");
  ASSERT_TRUE(txt) << txt.error().message;
  expect_same(*bin, *txt);
  EXPECT_EQ(bin->dim, 16);
  EXPECT_EQ(bin->options.epochs, 5);
  EXPECT_EQ(bin->options.seed, 7u);
  EXPECT_EQ(bin->options.threads, 2);
  ASSERT_GE(bin->size(), 10u);
  EXPECT_GT(bin->counts[0], 0u);
  EXPECT_TRUE(bin->find("append"));
}

}  // namespace
}  // namespace codeloom::embed
