#include "codeloom/train/item2vec_init.h"

#include <gtest/gtest.h>

#include <cmath>

namespace codeloom::train {
namespace {

// Four tokens in a 4-dimensional space with distinct, non-trivial geometry.
embed::Embeddings four_tokens() {
  embed::Embeddings e;
  e.dim = 4;
  e.tokens = {"if", "push_back", "HashMap", "("};
  e.counts = {10, 5, 3, 20};
  e.vectors = {1.0f, 0.5f, -0.2f, 0.0f,   //
               0.3f, -1.0f, 0.7f, 0.2f,   //
               -0.6f, 0.1f, 0.9f, -1.1f,  //
               0.2f, 0.2f, 0.2f, 0.8f};
  e.build_index();
  return e;
}

std::vector<double> centred(const embed::Embeddings& e, std::size_t r) {
  std::vector<double> out(static_cast<std::size_t>(e.dim));
  for (int d = 0; d < e.dim; ++d) {
    double mean = 0;
    for (std::size_t i = 0; i < e.size(); ++i) mean += e.row(i)[d];
    out[d] = e.row(r)[d] - mean / static_cast<double>(e.size());
  }
  return out;
}

double cosine(const float* a, const float* b, int n) {
  double ab = 0, aa = 0, bb = 0;
  for (int i = 0; i < n; ++i) ab += a[i] * b[i], aa += a[i] * a[i], bb += b[i] * b[i];
  return ab / std::sqrt(aa * bb);
}

double cosine(const std::vector<double>& a, const std::vector<double>& b) {
  double ab = 0, aa = 0, bb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) ab += a[i] * b[i], aa += a[i] * a[i], bb += b[i] * b[i];
  return ab / std::sqrt(aa * bb);
}

double rms_of_mapped(const Item2VecInit& init) {
  double sq = 0;
  for (std::size_t i = 0; i < init.mapped.size(); ++i)
    if (init.mapped[i])
      for (int d = 0; d < init.dim; ++d) sq += std::pow(init.rows[i * init.dim + d], 2);
  return std::sqrt(sq / static_cast<double>(init.mapped_count * init.dim));
}

// BPE pieces as the model's vocabulary has them: with and without leading spaces.
const std::vector<std::string> kPieces = {" if", "if", "\tpush_back", "<cl|eot>", "Hash", " HashMap", "(", " ", ""};

TEST(Item2VecInit, PiecesMapByTheirTextWithoutLeadingWhitespace) {
  auto init = item2vec_init(four_tokens(), kPieces, 4, 1, 0.02);
  ASSERT_TRUE(init.ok()) << init.error().message;
  const std::vector<std::uint8_t> want = {1, 1, 1, 0, 0, 1, 1, 0, 0};
  EXPECT_EQ(init->mapped, want);
  EXPECT_EQ(init->mapped_count, 5);
  for (int d = 0; d < 4; ++d) EXPECT_EQ(init->rows[0 * 4 + d], init->rows[1 * 4 + d]);  // " if" == "if"
  for (int d = 0; d < 4; ++d) EXPECT_EQ(init->rows[3 * 4 + d], 0.0f);                   // unmapped rows stay 0
  EXPECT_EQ(item2vec_key("\n  foo"), "foo");
}

TEST(Item2VecInit, WideningPreservesCosinesAndScalesToTheTargetStd) {
  const embed::Embeddings e = four_tokens();
  const std::vector<std::string> pieces = {"if", "push_back", "HashMap", "("};
  auto init = item2vec_init(e, pieces, 16, 7, 0.02);
  ASSERT_TRUE(init.ok()) << init.error().message;
  EXPECT_EQ(init->source_dim, 4);
  EXPECT_NEAR(rms_of_mapped(*init), 0.02, 1e-6);
  for (std::size_t a = 0; a < 4; ++a)
    for (std::size_t b = a + 1; b < 4; ++b)
      EXPECT_NEAR(cosine(init->rows.data() + a * 16, init->rows.data() + b * 16, 16),
                  cosine(centred(e, a), centred(e, b)), 1e-5)
          << a << "," << b;
}

TEST(Item2VecInit, ProjectionIsDeterministicPerSeed) {
  const std::vector<std::string> pieces = {"if", "push_back", "HashMap", "("};
  auto a = item2vec_init(four_tokens(), pieces, 16, 7, 0.02);
  auto b = item2vec_init(four_tokens(), pieces, 16, 7, 0.02);
  auto c = item2vec_init(four_tokens(), pieces, 16, 8, 0.02);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->rows, b->rows);
  EXPECT_NE(a->rows, c->rows);
}

TEST(Item2VecInit, NarrowingProjects) {
  const std::vector<std::string> pieces = {"if", "push_back", "HashMap", "("};
  auto init = item2vec_init(four_tokens(), pieces, 2, 3, 0.05);
  ASSERT_TRUE(init.ok()) << init.error().message;
  EXPECT_EQ(init->rows.size(), 8u);
  EXPECT_NEAR(rms_of_mapped(*init), 0.05, 1e-6);
}

TEST(Item2VecInit, BadInputIsAnError) {
  auto none = item2vec_init(four_tokens(), {"<cl|eot>", "xyz"}, 4, 1, 0.02);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(none.error().message.find("no token"), std::string::npos);
  EXPECT_FALSE(item2vec_init(four_tokens(), kPieces, 0, 1, 0.02).ok());
  EXPECT_FALSE(item2vec_init(four_tokens(), kPieces, 4, 1, 0.0).ok());
  EXPECT_FALSE(item2vec_init(embed::Embeddings{}, kPieces, 4, 1, 0.02).ok());
}

}  // namespace
}  // namespace codeloom::train
