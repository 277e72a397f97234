// SGNS training: determinism, learning real structure, option checks.
#include <gtest/gtest.h>

#include "codeloom/embed/train.h"
#include "embed_test_util.h"

namespace codeloom::embed {
namespace {

TrainOptions small_options() {
  TrainOptions o;
  o.dim = 24;
  o.window = 3;
  o.negative = 5;
  o.epochs = 3;
  o.sample = 0;
  o.sync_words = 500;  // several rounds even on this small corpus
  return o;
}

std::string trained_bytes(const Corpus& c, const TrainOptions& o, const std::string& name) {
  auto e = train(c, o);
  EXPECT_TRUE(e) << e.error().message;
  if (!e) return {};
  const std::string path = testing::temp_path(name);
  EXPECT_TRUE(save(*e, path));
  return testing::read_bytes(path);
}

class EmbedDeterminism : public ::testing::TestWithParam<int> {};

TEST_P(EmbedDeterminism, SameSeedSameBytesOtherSeedOtherBytes) {
  const Corpus c = testing::clustered_corpus(4, 8, 120, 40);
  TrainOptions o = small_options();
  o.threads = GetParam();
  const std::string a = trained_bytes(c, o, "det-a.c2v");
  const std::string b = trained_bytes(c, o, "det-b.c2v");
  ASSERT_FALSE(a.empty());
  EXPECT_TRUE(a == b) << "same seed and options must give identical files";
  o.seed = 2;
  const std::string d = trained_bytes(c, o, "det-c.c2v");
  EXPECT_FALSE(a == d) << "another seed must give another model";
}

INSTANTIATE_TEST_SUITE_P(Threads, EmbedDeterminism, ::testing::Values(1, 2, 3));

// Tokens that co-occur (same cluster) end up as each other's nearest neighbours.
void expect_clusters_learned(const TrainOptions& o) {
  const Corpus c = testing::clustered_corpus(5, 6, 400, 40);
  auto e = train(c, o);
  ASSERT_TRUE(e) << e.error().message;
  int good = 0, total = 0;
  for (int k = 0; k < 5; ++k) {
    for (int i = 0; i < 6; ++i) {
      const std::string tok = "c" + std::to_string(k) + "_" + std::to_string(i);
      auto nn = nearest(*e, tok, 3);
      ASSERT_TRUE(nn) << nn.error().message;
      for (const auto& n : *nn) {
        ++total;
        good += n.token.rfind("c" + std::to_string(k) + "_", 0) == 0;
      }
    }
  }
  EXPECT_EQ(good, total) << "top-3 neighbours outside the token's cluster";
  auto in = similarity(*e, "c0_1", "c0_2");
  auto out = similarity(*e, "c0_1", "c3_2");
  ASSERT_TRUE(in && out);
  EXPECT_GT(*in, *out + 0.3);
}

TEST(EmbedTrain, LearnsCooccurrenceSingleThread) { expect_clusters_learned(small_options()); }

TEST(EmbedTrain, LearnsCooccurrenceDeterministicRounds) {
  TrainOptions o = small_options();
  o.threads = 2;
  expect_clusters_learned(o);
}

TEST(EmbedTrain, LearnsCooccurrenceHogwild) {
  TrainOptions o = small_options();
  o.threads = 2;
  o.hogwild = true;
  expect_clusters_learned(o);
}

TEST(EmbedTrain, ReportsProgressAndDecaysAlpha) {
  const Corpus c = testing::clustered_corpus(3, 5, 200, 30);
  TrainOptions o = small_options();
  std::vector<TrainProgress> seen;
  TrainStats stats;
  auto e = train(c, o, [&](const TrainProgress& p) { seen.push_back(p); }, &stats);
  ASSERT_TRUE(e);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back().words_done, seen.back().words_total);
  EXPECT_EQ(stats.words, c.ids.size() * 3);
  EXPECT_LT(seen.back().alpha, o.alpha * 0.05);
  EXPECT_GT(stats.loss, 0.0);
  EXPECT_LT(stats.loss, 0.6931);  // better than chance (log 2 per pair)
  EXPECT_EQ(e->options.epochs, 3);
  EXPECT_EQ(e->train_words, c.ids.size());
}

TEST(EmbedTrain, RejectsBadOptionsAndEmptyCorpus) {
  const Corpus c = testing::clustered_corpus(2, 3, 10, 10);
  auto bad = [&](auto mutate, const char* needle) {
    TrainOptions o = small_options();
    mutate(o);
    auto e = train(c, o);
    ASSERT_FALSE(e) << needle;
    EXPECT_EQ(e.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(e.error().message.find(needle), std::string::npos) << e.error().message;
  };
  bad([](TrainOptions& o) { o.dim = 0; }, "dim");
  bad([](TrainOptions& o) { o.window = 0; }, "window");
  bad([](TrainOptions& o) { o.negative = 0; }, "negative");
  bad([](TrainOptions& o) { o.sample = -1; }, "sample");
  bad([](TrainOptions& o) { o.epochs = 0; }, "epochs");
  bad([](TrainOptions& o) { o.min_alpha = 1; }, "min_alpha");
  bad([](TrainOptions& o) { o.threads = 0; }, "threads");
  auto empty = train(Corpus{}, small_options());
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("min-count"), std::string::npos);
}

TEST(EmbedTrain, GenericKernelAgreesInQuality) {
  // The portable kernel is what machines without AVX2 run.
  ::setenv("CODELOOM_EMBED_KERNEL", "generic", 1);
  expect_clusters_learned(small_options());
  ::unsetenv("CODELOOM_EMBED_KERNEL");
}

TEST(EmbedTrain, Avx2KernelAgreesInQuality) {
  // What AVX2 machines without AVX-512 run (on those, the default tests cover it too).
  __builtin_cpu_init();
  if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma")) GTEST_SKIP() << "no AVX2+FMA";
  ::setenv("CODELOOM_EMBED_KERNEL", "avx2", 1);
  expect_clusters_learned(small_options());
  ::unsetenv("CODELOOM_EMBED_KERNEL");
}

}  // namespace
}  // namespace codeloom::embed
