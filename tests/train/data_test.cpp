#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "codeloom/train/corpus.h"
#include "codeloom/train/fim.h"
#include "codeloom/train/packing.h"
#include "train/byte_vocab.h"

namespace codeloom::train {
namespace {

using namespace codeloom::train::testing;

std::string bytes_of(const std::vector<TokenId>& t, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t i = from; i < to; ++i) s.push_back(static_cast<char>(t[i]));
  return s;
}

std::size_t index_of(const std::vector<TokenId>& t, TokenId id) {
  return static_cast<std::size_t>(std::find(t.begin(), t.end(), id) - t.begin());
}

TEST(Fim, PlainDocumentWhenRateZero) {
  std::mt19937_64 rng(1);
  Vocabulary v = byte_vocabulary();
  auto t = make_training_document("abc", v.encode, v.ids, {.fim_rate = 0.0}, rng);
  EXPECT_EQ(t, (std::vector<TokenId>{'a', 'b', 'c', kEot}));
}

TEST(Fim, PsmAndSpmLayoutsReassembleTheText) {
  const std::string text = "def f(x):\n    return x * 2  # é ü\n";
  Vocabulary v = byte_vocabulary();
  int psm = 0, spm = 0;
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    std::mt19937_64 rng(seed);
    auto t = make_training_document(text, v.encode, v.ids, {.fim_rate = 1.0, .spm_rate = 0.5}, rng);
    ASSERT_EQ(t.front(), kPrefix);
    ASSERT_EQ(t.back(), kEot);
    const std::size_t s = index_of(t, kSuffix), m = index_of(t, kMiddle);
    ASSERT_LT(s, m);
    ASSERT_LT(m, t.size());
    std::string prefix, suffix, middle_part;
    if (s == 1) {  // SPM: <pre><suf>{suffix}<mid>{prefix}{middle}<eot>
      ++spm;
      suffix = bytes_of(t, 2, m);
      const std::string rest = bytes_of(t, m + 1, t.size() - 1);
      EXPECT_EQ(rest + suffix, text);
    } else {  // PSM: <pre>{prefix}<suf>{suffix}<mid>{middle}<eot>
      ++psm;
      prefix = bytes_of(t, 1, s);
      suffix = bytes_of(t, s + 1, m);
      middle_part = bytes_of(t, m + 1, t.size() - 1);
      EXPECT_EQ(prefix + middle_part + suffix, text);
    }
    // Split points fall on UTF-8 code point boundaries: no piece starts with a continuation byte.
    for (const std::string& piece : {prefix, suffix, middle_part}) {
      if (!piece.empty()) {
        EXPECT_NE(static_cast<unsigned char>(piece[0]) & 0xC0, 0x80);
      }
    }
  }
  EXPECT_GT(psm, 60);
  EXPECT_GT(spm, 60);
}

TEST(Fim, DeterministicBySeed) {
  Vocabulary v = byte_vocabulary();
  auto docs = synthetic_corpus(50);
  DataConfig d;
  d.seq_len = 32;
  auto a = pack_documents(docs, d, v, 7), b = pack_documents(docs, d, v, 7), c = pack_documents(docs, d, v, 8);
  EXPECT_EQ(a.tokens, b.tokens);
  EXPECT_NE(a.tokens, c.tokens);
}

TEST(Packing, RowsAreFixedLengthPaddedAndComplete) {
  SequencePacker p(/*seq_len=*/7, kPad);  // rows of 8 tokens
  p.add({1, 2, 3});                       // fits
  p.add({4, 5, 6, 7, 8, 9});              // does not fit the 5 left: new row
  p.add({10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});  // longer than a row: split
  p.add({21});                                          // joins the last partial row
  PackedSequences s = std::move(p).finish();
  ASSERT_EQ(s.rows(), 4);
  EXPECT_EQ(s.pad, kPad);
  std::vector<TokenId> r0(s.row(0), s.row(0) + 8), r1(s.row(1), s.row(1) + 8);
  EXPECT_EQ(r0, (std::vector<TokenId>{1, 2, 3, kPad, kPad, kPad, kPad, kPad}));
  EXPECT_EQ(r1, (std::vector<TokenId>{4, 5, 6, 7, 8, 9, 10, 11}));
  std::vector<TokenId> r3(s.row(3), s.row(3) + 8);
  EXPECT_EQ(r3, (std::vector<TokenId>{20, 21, kPad, kPad, kPad, kPad, kPad, kPad}));
  SequencePacker q(7, kPad);
  q.add({1});
  EXPECT_EQ(std::move(q).finish().rows(), 0);  // one token has no target: dropped
}

TEST(Packing, EpochOrderIsASeededPermutation) {
  auto a = epoch_order(100, 1, 0), b = epoch_order(100, 1, 0), c = epoch_order(100, 1, 1);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  std::set<std::int64_t> u(a.begin(), a.end());
  EXPECT_EQ(u.size(), 100u);
  EXPECT_EQ(*u.rbegin(), 99);
}

TEST(Packing, DocumentsOverMaxDocumentBytesAreSkipped) {
  DataConfig d;
  d.seq_len = 16;
  d.fim_rate = 0;
  const std::vector<std::string> texts = {"short one\n", std::string(200, 'x'), "another short\n"};
  const std::vector<std::string> kept = {"short one\n", "another short\n"};
  d.max_document_bytes = 100;
  PackedSequences filtered = pack_documents(texts, d, byte_vocabulary(), 7);
  d.max_document_bytes = 0;
  PackedSequences all = pack_documents(texts, d, byte_vocabulary(), 7);
  std::int64_t x_filtered = 0, x_all = 0;
  for (TokenId t : filtered.tokens) x_filtered += t == 'x';
  for (TokenId t : all.tokens) x_all += t == 'x';
  EXPECT_EQ(x_filtered, 0);
  EXPECT_EQ(x_all, 200);
  EXPECT_LT(filtered.rows(), all.rows());
  // Exactly the short documents' tokens (+ <cl|eot> each) remain.
  std::int64_t real = 0;
  for (TokenId t : filtered.tokens) real += t != kPad;
  EXPECT_GE(real, static_cast<std::int64_t>(kept[0].size() + kept[1].size() + 2));
}

TEST(Corpus, MissingShardsAreAClearError) {
  DataConfig d;
  d.corpus = "/nonexistent/corpus";
  auto r = load_packed_split(d, "train", byte_vocabulary(), 1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_NE(r.error().message.find("data.corpus"), std::string::npos) << r.error().message;
}

TEST(Corpus, VocabularyWithoutFimTokensIsRejected) {
  Vocabulary v = byte_vocabulary();
  v.ids.pad = -1;
  Status s = check_vocabulary(v);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("<cl|fim_pad>"), std::string::npos);
}

}  // namespace
}  // namespace codeloom::train
