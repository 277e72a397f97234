// The shard reader against shards written by mine(): every sample comes back in
// order with its fields; missing, truncated and garbage shards give clear errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "codeloom/data/mine.h"
#include "codeloom/data/shards.h"

namespace codeloom::data {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, std::string_view data) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << data;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

class ShardsTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(testing::TempDir()) / "codeloom_shards_test";
    fs::remove_all(root_);
    std::string py;
    for (int i = 0; i < 40; ++i)
      py += "def f" + std::to_string(i) + "(x):\n    y = x * " + std::to_string(i * 7919) + " + len(str(x))\n" +
            std::string(i % 3 == 0 ? "    for k in range(x):\n        y += k\n" : "") + "    return y - " +
            std::to_string(i) + "\n\n";
    write(root_ / "src/mod.py", py);
    MineOptions o;
    o.inputs = {(root_ / "src").string()};
    o.out_dir = (root_ / "out").string();
    o.shard_samples = 7;  // several shards per split
    o.threads = 1;
    o.dedup.near = false;
    o.progress = false;
    auto st = mine(o);
    ASSERT_TRUE(st) << st.error().message;
    stats_ = *st;
  }
  fs::path root_;
  MineStats stats_;
};

TEST_F(ShardsTest, ReadsBackEverySampleOfEachSplitInOrder) {
  std::size_t total = 0;
  for (const char* split : {"train", "val", "test"}) {
    std::vector<std::string> names;
    auto shards = list_shards((root_ / "out").string(), split);
    if (!shards) continue;  // a small corpus may leave val or test empty
    ASSERT_TRUE(std::is_sorted(shards->begin(), shards->end()));
    auto s = for_each_sample((root_ / "out").string(), split, [&](const CorpusSample& x) {
      EXPECT_EQ(x.split, split);
      EXPECT_EQ(x.language, "python");
      EXPECT_EQ(x.path.substr(x.path.size() - 6), "mod.py");
      EXPECT_EQ(x.text.rfind("def " + x.name + "(x):", 0), 0u) << x.text;
      EXPECT_EQ(x.id.size(), 16u);
      EXPECT_GT(x.tokens, 5u);
      names.push_back(x.name);
    });
    ASSERT_TRUE(s) << s.error().message;
    total += names.size();
  }
  EXPECT_EQ(total, stats_.samples);
  EXPECT_EQ(total, 40u);
}

TEST_F(ShardsTest, MissingDirectoryOrSplitIsNotFoundWithAHint) {
  auto a = list_shards((root_ / "nope").string(), "train");
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, ErrorCode::kNotFound);
  EXPECT_NE(a.error().message.find("codeloom data mine"), std::string::npos);
  auto bad_split = list_shards((root_ / "out").string(), "tr(ain");
  ASSERT_FALSE(bad_split);
  EXPECT_EQ(bad_split.error().code, ErrorCode::kInvalidArgument);
  auto b = list_shards((root_ / "src").string(), "train");
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().code, ErrorCode::kNotFound);
}

TEST_F(ShardsTest, TruncatedAndGarbageShardsAreCorrupt) {
  auto shards = list_shards((root_ / "out").string(), "train");
  ASSERT_TRUE(shards);
  const std::string z = slurp(shards->front());
  write(shards->front(), z.substr(0, z.size() / 2));
  auto r = for_each_sample((root_ / "out").string(), "train", [](const CorpusSample&) {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(r.error().message.find("truncated"), std::string::npos) << r.error().message;

  write(shards->front(), "this is not zstd");
  auto g = read_shard(shards->front());
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, ErrorCode::kCorrupt);
}

TEST_F(ShardsTest, AnInterruptedRunIsRefusedAndARerunStartsClean) {
  const fs::path out = root_ / "out";
  auto before = list_shards(out.string(), "train");
  ASSERT_TRUE(before);
  // What a killed run leaves: stats.json not yet written, a temporary shard, and
  // shards of the new run mixed with the old ones.
  fs::remove(out / "stats.json");
  write(out / ".train-00001.jsonl.zst.tmp", "partial");
  write(out / ".stats.json.tmp", "{");
  auto r = list_shards(out.string(), "train");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_NE(r.error().message.find("incomplete"), std::string::npos) << r.error().message;

  MineOptions o;
  o.inputs = {(root_ / "src").string()};
  o.out_dir = out.string();
  o.shard_samples = 7;
  o.threads = 2;
  o.dedup.near = false;
  o.progress = false;
  ASSERT_TRUE(mine(o));
  for (const auto& e : fs::directory_iterator(out)) EXPECT_NE(e.path().extension(), ".tmp") << e.path();
  auto after = list_shards(out.string(), "train");
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_EQ(*after, *before);
}

TEST_F(ShardsTest, AShardMissingFromStatsIsCorrupt) {
  auto shards = list_shards((root_ / "out").string(), "train");
  ASSERT_TRUE(shards);
  ASSERT_GE(shards->size(), 2u);
  fs::remove(shards->back());
  auto r = list_shards((root_ / "out").string(), "train");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(r.error().message.find("stats.json lists"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace codeloom::data
