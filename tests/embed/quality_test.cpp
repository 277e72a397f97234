#include <gtest/gtest.h>

#include <set>

#include "codeloom/embed/quality.h"
#include "embed_test_util.h"

namespace codeloom::embed {
namespace {

TEST(EmbedQuality, ScoresTriples) {
  Embeddings e;
  e.dim = 2;
  e.tokens = {"a", "b", "c"};
  e.counts = {1, 1, 1};
  e.vectors = {1, 0, 0.9f, 0.1f, 0, 1};
  e.build_index();
  const std::vector<Triple> t = {{"any", "a", "b", "c"}, {"any", "a", "c", "b"}, {"any", "a", "b", "zzz"}};
  const TripleScore s = score_triples(e, t);
  EXPECT_EQ(s.total, 3u);
  EXPECT_EQ(s.scored, 2u);
  EXPECT_EQ(s.passed, 1u);
  EXPECT_DOUBLE_EQ(s.accuracy(), 0.5);
  EXPECT_EQ(s.results[2].missing, "zzz");
  EXPECT_NEAR(s.results[0].unrelated, 0.0, 1e-12);
}

TEST(EmbedQuality, ReadsTriplesAndRejectsBadLines) {
  const std::string p = testing::temp_path("pairs.tsv");
  testing::write_bytes(p, "# comment\n\npython\tappend\textend\t__init__\r\n");
  auto t = read_triples(p);
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->size(), 1u);
  EXPECT_EQ((*t)[0].unrelated, "__init__");
  testing::write_bytes(p, "python\tappend\textend\n");
  auto bad = read_triples(p);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find(":1:"), std::string::npos) << bad.error().message;
}

TEST(EmbedQuality, CommittedTriplesCoverThreeLanguages) {
  auto t = read_triples(std::string(CODELOOM_TEST_DATA_DIR) + "/embed/pairs.tsv");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_GE(t->size(), 50u);
  std::map<std::string, int> per_language;
  std::set<std::string> anchors;
  for (const auto& x : *t) {
    ++per_language[x.language];
    EXPECT_NE(x.related, x.unrelated);
    EXPECT_NE(x.anchor, x.related);
  }
  EXPECT_GE(per_language["python"], 12);
  EXPECT_GE(per_language["java"], 12);
  EXPECT_GE(per_language["cpp"], 12);
}

}  // namespace
}  // namespace codeloom::embed
