// Line-completion tasks from a mined corpus: deterministic, well-formed cuts,
// and scoring that strips whitespace.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "codeloom/data/mine.h"
#include "codeloom/data/shards.h"
#include "codeloom/lineeval/line_tasks.h"

namespace codeloom::lineeval {
namespace {

namespace fs = std::filesystem;

std::string corpus() {
  static const std::string dir = [] {
    const fs::path out = fs::path(::testing::TempDir()) / "codeloom_lineeval_corpus";
    fs::remove_all(out);
    data::MineOptions o;
    o.inputs = {(fs::path(CODELOOM_TEST_DATA_DIR) / "lang" / "golden" / "python").string(),
                (fs::path(CODELOOM_TEST_DATA_DIR) / "lang" / "golden" / "java").string()};
    o.out_dir = out.string();
    o.progress = false;
    o.threads = 1;
    o.train = 0.5;  // a larger test split for the test
    o.val = 0.0;
    EXPECT_TRUE(data::mine(o));
    return out.string();
  }();
  return dir;
}

TEST(LineTasks, CutsEachFunctionBeforeOneOfItsLines) {
  TaskOptions o;
  o.n = 60;
  auto tasks = make_tasks(corpus(), o);
  ASSERT_TRUE(tasks) << tasks.error().message;
  ASSERT_EQ(tasks->size(), 60u);
  std::map<std::string, std::string> text_by_id;
  ASSERT_TRUE(data::for_each_sample(corpus(), "test", [&](const data::CorpusSample& s) { text_by_id[s.id] = s.text; }));
  std::set<std::string> languages;
  for (const LineTask& t : *tasks) {
    const std::string sample_id = t.id.substr(0, t.id.find(':'));
    ASSERT_TRUE(text_by_id.count(sample_id)) << t.id;
    EXPECT_EQ(t.prefix + t.target + t.suffix, text_by_id[sample_id]);
    EXPECT_FALSE(t.prefix.empty());
    EXPECT_EQ(t.prefix.back(), '\n');
    EXPECT_EQ(t.target.find('\n'), std::string::npos);
    EXPECT_TRUE(t.suffix.empty() || t.suffix[0] == '\n');
    EXPECT_TRUE(std::any_of(t.target.begin(), t.target.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }));
    languages.insert(t.language);
  }
  EXPECT_EQ(languages, (std::set<std::string>{"java", "python"}));
}

TEST(LineTasks, SameSeedSameTasksOtherSeedOthers) {
  TaskOptions o;
  o.n = 30;
  auto a = make_tasks(corpus(), o), b = make_tasks(corpus(), o);
  o.seed = 2;
  auto c = make_tasks(corpus(), o);
  ASSERT_TRUE(a && b && c);
  std::vector<std::string> ia, ib, ic;
  for (const auto& t : *a) ia.push_back(t.id);
  for (const auto& t : *b) ib.push_back(t.id);
  for (const auto& t : *c) ic.push_back(t.id);
  EXPECT_EQ(ia, ib);
  EXPECT_NE(ia, ic);
}

TEST(LineTasks, LongPrefixesKeepTheirEndAtALineStart) {
  TaskOptions o;
  o.n = 100;
  o.max_prefix_bytes = 200;
  auto tasks = make_tasks(corpus(), o);
  ASSERT_TRUE(tasks);
  for (const LineTask& t : *tasks) EXPECT_LE(t.prefix.size(), 200u) << t.id;
}

TEST(LineTasks, ScoringStripsWhitespaceAndRunReportsPerLanguage) {
  LineTask t{"x:2", "python", "def f():\n", "    return 1", "\n"};
  EXPECT_TRUE(score(t, "    return 1\n").exact);
  EXPECT_TRUE(score(t, "return 1").exact);
  EXPECT_FALSE(score(t, "return 2").exact);
  EXPECT_NEAR(score(t, "return 2").edit_similarity, 1.0 - 1.0 / 8.0, 1e-12);

  TaskOptions o;
  o.n = 40;
  auto tasks = make_tasks(corpus(), o);
  ASSERT_TRUE(tasks);
  auto perfect = run(*tasks, [](const LineTask& x) -> Result<std::string> { return x.target; });
  ASSERT_TRUE(perfect);
  EXPECT_EQ(perfect->all.n, 40u);
  EXPECT_EQ(perfect->all.exact_match, 1.0);
  EXPECT_EQ(perfect->all.edit_similarity, 1.0);
  EXPECT_EQ(perfect->by_language.size(), 2u);
  auto empty = run(*tasks, [](const LineTask&) -> Result<std::string> { return std::string(); });
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->all.exact_match, 0.0);
  auto failing = run(*tasks, [](const LineTask&) -> Result<std::string> {
    return make_error(ErrorCode::kInternal, "model crashed");
  });
  ASSERT_FALSE(failing);
  EXPECT_EQ(failing.error().message, "model crashed");
}

TEST(LineTasks, MissingCorpusIsAnError) {
  auto t = make_tasks("/nonexistent/corpus", {});
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace codeloom::lineeval
