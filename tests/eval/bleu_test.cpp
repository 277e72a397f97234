// BLEU vs CodeXGLUE's bleu.py (golden_bleu.json) plus hand-checked edge cases.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "codeloom/eval/bleu.h"
#include "golden_util.h"

namespace codeloom::eval {
namespace {

constexpr double kTol = 1e-4;

class BleuParity : public ::testing::TestWithParam<std::string> {};

TEST_P(BleuParity, MatchesCodexglueCorpusAndPerPair) {
  const std::string lang = GetParam();
  auto golden = test::load_json("golden_bleu.json").at("languages").at(lang);
  auto pairs = test::load_pairs(lang);
  std::vector<std::string> refs, hyps;
  for (const auto& p : pairs) { refs.push_back(p.reference); hyps.push_back(p.candidate); }
  ASSERT_GE(pairs.size(), 200u);

  auto corpus = codexglue_bleu(std::span<const std::string>(refs), std::span<const std::string>(hyps));
  ASSERT_TRUE(corpus) << corpus.error().message;
  const auto& g = golden.at("corpus");
  EXPECT_NEAR(corpus->bleu, g.at("bleu").get<double>(), kTol);
  EXPECT_EQ(corpus->translation_length, g.at("translation_length").get<std::size_t>());
  EXPECT_EQ(corpus->reference_length, g.at("reference_length").get<std::size_t>());
  EXPECT_NEAR(corpus->brevity_penalty, g.at("brevity_penalty").get<double>(), kTol);
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(corpus->precisions[i], g.at("precisions")[i].get<double>(), kTol);
  EXPECT_DOUBLE_EQ(codexglue_bleu_x100(*corpus), g.at("bleu_x100_rounded").get<double>());

  double max_diff = 0;
  const auto& per = golden.at("pairs");
  ASSERT_EQ(per.size(), pairs.size());
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    std::vector<std::string> r{pairs[i].reference}, h{pairs[i].candidate};
    auto one = codexglue_bleu(std::span<const std::string>(r), std::span<const std::string>(h));
    ASSERT_TRUE(one) << pairs[i].id << ": " << one.error().message;
    double diff = std::fabs(one->bleu - per[i].at("bleu").get<double>());
    max_diff = std::max(max_diff, diff);
    EXPECT_LE(diff, kTol) << pairs[i].id;
  }
  std::cout << "[parity] bleu " << lang << " pairs=" << pairs.size() << " max_abs_diff=" << max_diff << "\n";
}

INSTANTIATE_TEST_SUITE_P(Languages, BleuParity, ::testing::Values("python", "java", "cpp"));

TEST(Bleu, HandComputedSmoothedScore) {
  // hyp "a b c d" vs ref "a b c e": matches 3,2,1,0 of 4,3,2,1 possible.
  std::vector<std::string> r{"a b c e"}, h{"a b c d"};
  auto b = codexglue_bleu(std::span<const std::string>(r), std::span<const std::string>(h));
  ASSERT_TRUE(b);
  double expect = std::exp(0.25 * (std::log(4.0 / 5) + std::log(3.0 / 4) + std::log(2.0 / 3) + std::log(1.0 / 2)));
  EXPECT_NEAR(b->bleu, expect, 1e-15);
  EXPECT_DOUBLE_EQ(b->brevity_penalty, 1.0);  // ratio == 1 -> exp(0)
}

TEST(Bleu, HeaderExample) {
  // Matches 3/4, 1/3, 0/2, 0/1 -> exp(mean(log(4/5, 2/4, 1/3, 1/2))) = 0.50813...
  std::vector<std::string> refs = {"return a + b"}, hyps = {"return a - b"};
  auto r = codexglue_bleu(std::span<const std::string>(refs), std::span<const std::string>(hyps));
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(codexglue_bleu_x100(*r), 50.81);
}

TEST(Bleu, BrevityPenaltyUsesShortestReference) {
  std::vector<std::vector<std::string>> r{{"a b c d e f", "a b c"}};
  std::vector<std::string> h{"a b c"};
  auto b = codexglue_bleu(std::span<const std::vector<std::string>>(r), std::span<const std::string>(h));
  ASSERT_TRUE(b);
  EXPECT_EQ(b->reference_length, 3u);
  EXPECT_DOUBLE_EQ(b->brevity_penalty, 1.0);
}

TEST(Bleu, UnicodeWhitespaceSplitsLikePython) {
  // U+00A0 and U+3000 are whitespace for str.split(): three tokens each side.
  std::vector<std::string> r{"a\xC2\xA0" "b\xE3\x80\x80" "c"}, h{"a b c"};
  auto b = codexglue_bleu(std::span<const std::string>(r), std::span<const std::string>(h));
  ASSERT_TRUE(b);
  EXPECT_DOUBLE_EQ(b->bleu, 1.0);
}

TEST(Bleu, RejectsBadInput) {
  std::vector<std::string> one{"a"}, none;
  EXPECT_FALSE(codexglue_bleu(std::span<const std::string>(one), std::span<const std::string>(none)));
  std::vector<std::string> empty{"  "};
  auto e = codexglue_bleu(std::span<const std::string>(empty), std::span<const std::string>(one));
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(codexglue_bleu(std::span<const std::string>(one), std::span<const std::string>(one), {.max_order = 5}));
}

TEST(Bleu, FilesUseUniversalNewlinesAndZipToShorter) {
  auto dir = std::filesystem::temp_directory_path() / "codeloom_eval_bleu_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream(dir / "ref.txt") << "int x = 1 ;\r\nreturn x ;\rextra line\n";
    std::ofstream(dir / "hyp.txt") << "int x = 1 ;\nreturn y ;\n";
  }
  auto b = codexglue_bleu_files((dir / "ref.txt").string(), (dir / "hyp.txt").string());
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->reference_length, 8u);  // the third reference line has no hypothesis
  EXPECT_EQ(b->translation_length, 8u);
  EXPECT_FALSE(codexglue_bleu_files((dir / "missing.txt").string(), (dir / "hyp.txt").string()));
  std::filesystem::remove_all(dir);
}

TEST(Bleu, RoundingIsHalfEvenOnTheExactValue) {
  BleuResult r;
  r.bleu = 0.123449;
  EXPECT_DOUBLE_EQ(codexglue_bleu_x100(r), 12.34);
  r.bleu = 0.5;
  EXPECT_DOUBLE_EQ(codexglue_bleu_x100(r), 50.0);
}

}  // namespace
}  // namespace codeloom::eval
