// End-to-end mining over a small tree built in a temp dir: skip reasons, language
// detection (incl. extension-less C++ headers and a .zip), tags, dedup counts, and
// byte-identical output across runs and thread counts.
#include <gtest/gtest.h>
#include <zip.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "codeloom/data/mine.h"

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

std::vector<nlohmann::json> read_shard(const fs::path& p) {
  const std::string z = slurp(p);
  std::string text(ZSTD_getFrameContentSize(z.data(), z.size()), '\0');
  EXPECT_FALSE(ZSTD_isError(ZSTD_decompress(text.data(), text.size(), z.data(), z.size())));
  std::vector<nlohmann::json> out;
  std::size_t pos = 0;
  for (std::size_t end; (end = text.find('\n', pos)) != std::string::npos; pos = end + 1)
    out.push_back(nlohmann::json::parse(text.substr(pos, end - pos)));
  return out;
}

constexpr const char* kFact =
    "def fact(n):\n"
    "\tif n <= 1:\n"
    "\t\treturn 1   \r\n"
    "\treturn n * fact(n - 1)\n";
constexpr const char* kSum =
    "def total(xs, start=0):\n    acc = start\n    for x in xs:\n        if x is None:\n            continue\n"
    "        acc += x\n        acc += len(str(x))\n    try:\n        check(acc)\n    except ValueError:\n"
    "        raise\n    return acc\n";
constexpr const char* kSumRenamed =
    "def total(values, begin=0):\n    s = begin\n    for v in values:\n        if v is None:\n            continue\n"
    "        s += v\n        s += len(str(v))\n    try:\n        check(s)\n    except ValueError:\n"
    "        raise\n    return s\n";

fs::path make_tree() {
  const fs::path root = fs::path(testing::TempDir()) / "codeloom_mine_tree";
  fs::remove_all(root);
  write(root / "a.py", std::string(kFact) + "\n" + kSum);
  write(root / "copy/a_copy.py", std::string(kFact));                 // exact duplicate after normalization
  write(root / "renamed.py", kSumRenamed);                            // near duplicate
  write(root / "Main.java",
        "class Main {\n  int get(int[] a, int i) {\n    while (i < 0) { i += a.length; }\n"
        "    return a[i % a.length];\n  }\n}\n");
  write(root / "include/algo",
        "// <algo> -*- C++ -*-\ntemplate <class T> T twice(T x) { return helper(x) + x; }\n");
  write(root / "bad.py", std::string("def f():\n    return 1\n\0", 24));
  write(root / "latin1.py", "def f():\n    return '\xe9'\n");
  write(root / "big.py", "x = 1\n" + std::string(5000, '#') + "\n");
  write(root / "broken.py", "def ok(a):\n    return a + 1\n\ndef broken(:\n    return 2\n");
  write(root / "notes.txt", "not code\n");
  // An archive with one Java file and one non-source entry.
  const std::string zpath = (root / "lib/src.zip").string();
  fs::create_directories(root / "lib");
  int err = 0;
  zip_t* z = zip_open(zpath.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  static const std::string kJava = "package p;\nclass Q {\n  void run() throws Exception { throw new Exception(\"x\"); }\n}\n";
  static const std::string kTxt = "readme";
  zip_file_add(z, "p/Q.java", zip_source_buffer(z, kJava.data(), kJava.size(), 0), 0);
  zip_file_add(z, "README", zip_source_buffer(z, kTxt.data(), kTxt.size(), 0), 0);
  zip_close(z);
  return root;
}

MineOptions options(const fs::path& root, const fs::path& out, std::size_t threads) {
  MineOptions o;
  o.inputs = {root.string()};
  o.out_dir = out.string();
  o.threads = threads;
  o.max_file_bytes = 4096;
  o.progress = false;
  o.samples.min_tokens = 1;
  o.dedup.min_shingles = 5;
  o.dedup.threshold = 0.8;
  o.shard_samples = 2;  // several shards even for a tiny corpus
  return o;
}

TEST(Mine, SmallTreeEndToEnd) {
  const fs::path root = make_tree();
  const fs::path out = fs::path(testing::TempDir()) / "codeloom_mine_out1";
  fs::remove_all(out);
  auto st = mine(options(root, out, 1));
  ASSERT_TRUE(st) << st.error().message;
  EXPECT_EQ(st->skipped["binary"], 1u);
  EXPECT_EQ(st->skipped["non_utf8"], 1u);
  EXPECT_EQ(st->skipped["too_large"], 1u);
  EXPECT_EQ(st->other_files, 2u);  // notes.txt, README in the zip
  EXPECT_EQ(st->by_language["python"].files, 4u);
  EXPECT_EQ(st->by_language["java"].files, 2u);
  EXPECT_EQ(st->by_language["cpp"].files, 1u);
  EXPECT_EQ(st->exact_duplicates, 1u);
  EXPECT_EQ(st->near_duplicates, 1u);
  EXPECT_GE(st->parse_errors, 1u);

  std::map<std::string, nlohmann::json> by_name;
  for (const auto& shard : st->shards)
    for (auto& j : read_shard(out / shard)) by_name[j["name"].get<std::string>()] = j;
  EXPECT_EQ(by_name.size(), st->samples);
  ASSERT_TRUE(by_name.count("fact"));
  EXPECT_EQ(by_name["fact"]["text"],
            "def fact(n):\n        if n <= 1:\n                return 1\n        return n * fact(n - 1)\n");
  EXPECT_TRUE(by_name["fact"]["constructs"]["recursion"]);
  EXPECT_TRUE(by_name["fact"]["constructs"]["conditionals"]);
  EXPECT_FALSE(by_name["fact"]["constructs"]["loops"]);
  ASSERT_TRUE(by_name.count("total"));
  EXPECT_TRUE(by_name["total"]["constructs"]["loops"]);
  EXPECT_TRUE(by_name["total"]["constructs"]["exceptions"]);
  EXPECT_EQ(by_name["total"]["apis"], nlohmann::json({"check", "len", "str"}));
  ASSERT_TRUE(by_name.count("get"));
  EXPECT_EQ(by_name["get"]["text"].get<std::string>().substr(0, 4), "int ");  // dedented method
  ASSERT_TRUE(by_name.count("run"));
  EXPECT_EQ(by_name["run"]["path"], "lib/src.zip!p/Q.java");
  EXPECT_TRUE(by_name.count("twice"));
  EXPECT_TRUE(by_name.count("ok"));
  EXPECT_FALSE(by_name.count("broken"));

  const auto stats = nlohmann::json::parse(slurp(out / "stats.json"));
  EXPECT_EQ(stats["format"], "codeloom.data.mine/1");
  EXPECT_EQ(stats["samples"], st->samples);
  for (const auto& e : fs::directory_iterator(out)) EXPECT_NE(e.path().extension(), ".tmp");
}

TEST(Mine, ByteIdenticalAcrossRunsAndThreads) {
  const fs::path root = make_tree();
  const fs::path a = fs::path(testing::TempDir()) / "codeloom_mine_a", b = fs::path(testing::TempDir()) / "codeloom_mine_b";
  fs::remove_all(a);
  fs::remove_all(b);
  auto sa = mine(options(root, a, 1));
  auto sb = mine(options(root, b, 3));
  ASSERT_TRUE(sa && sb);
  ASSERT_EQ(sa->shards, sb->shards);
  for (const auto& name : sa->shards) EXPECT_EQ(slurp(a / name), slurp(b / name)) << name;
  EXPECT_EQ(slurp(a / "stats.json"), slurp(b / "stats.json"));
  // A re-run into the same directory replaces the shards and gives the same bytes.
  const std::string first = slurp(a / "stats.json");
  ASSERT_TRUE(mine(options(root, a, 2)));
  EXPECT_EQ(slurp(a / "stats.json"), first);
}

TEST(Mine, FailedWriteLeavesNoCompleteLookingFile) {
  // stats.json cannot replace a non-empty directory: the rename fails, mine reports
  // kIo and the temporary file is gone.
  const fs::path root = make_tree();
  const fs::path out = fs::path(testing::TempDir()) / "codeloom_mine_fail";
  fs::remove_all(out);
  write(out / "stats.json" / "blocker", "x");
  auto r = mine(options(root, out, 1));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kIo);
  EXPECT_TRUE(fs::is_directory(out / "stats.json"));
  for (const auto& e : fs::directory_iterator(out)) EXPECT_NE(e.path().extension(), ".tmp") << e.path();
}

TEST(Mine, BadInputsAreErrors) {
  MineOptions o;
  EXPECT_FALSE(mine(o));
  o.inputs = {"/nonexistent/codeloom"};
  o.out_dir = (fs::path(testing::TempDir()) / "codeloom_mine_bad").string();
  auto r = mine(o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace codeloom::data
