// Black-box tests of `codeloom feedback stats|export` on the committed v1 file
// (migrated on open) and on bad paths.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run_process.h"
#include "temp_dir.h"

namespace codeloom::feedback {
namespace {

::codeloom::testing::ProcessOutput codeloom(const std::vector<std::string>& args) {
  std::vector<std::string> argv{std::string(CODELOOM_BINARY_DIR) + "/bin/codeloom"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = ::codeloom::testing::run_process(argv, {.timeout_s = 60});
  EXPECT_TRUE(r) << r.error().message;
  return r ? *r : ::codeloom::testing::ProcessOutput{};
}

std::string copy_v1(const testing::TempDir& dir) {
  const std::string path = dir.file("fb.db");
  std::filesystem::copy_file(std::string(CODELOOM_TEST_DATA_DIR) + "/feedback/v1.db", path);
  return path;
}

TEST(FeedbackCli, StatsJsonOnV1File) {
  testing::TempDir dir;
  const std::string db = copy_v1(dir);
  auto r = codeloom({"feedback", "stats", "--db", db, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema_version"], 2);
  EXPECT_EQ(j["completions"], 3);
  EXPECT_EQ(j["events"], 6);
  EXPECT_EQ(j["events_by_type"]["shown"], 3);
  EXPECT_EQ(j["events_by_type"]["accepted"], 1);
  EXPECT_EQ(j["events_by_type"]["rejected"], 1);
  EXPECT_EQ(j["events_by_type"]["edited"], 1);
  // qwen: cmpl-1 (accepted) and cmpl-2 (rejected) both shown -> 0.5
  ASSERT_EQ(j["by_model"].size(), 2u);
  EXPECT_EQ(j["by_model"][0]["model"], "qwen2.5-coder-0.5b");
  EXPECT_DOUBLE_EQ(j["by_model"][0]["acceptance_rate"].get<double>(), 0.5);
  EXPECT_EQ(j["by_user"][0]["user_id"], "alice");
  EXPECT_DOUBLE_EQ(j["by_user"][0]["acceptance_rate"].get<double>(), 0.5);

  auto text = codeloom({"feedback", "stats", "--db", db});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("3 completions, 6 events"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("starcoder2-3b"), std::string::npos) << text.out;
}

TEST(FeedbackCli, ExportWritesOneLinePerCompletion) {
  testing::TempDir dir;
  const std::string db = copy_v1(dir);
  const std::string out = dir.file("fb.jsonl");
  auto r = codeloom({"feedback", "export", "--db", db, "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(out);
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["id"], "cmpl-1");
  EXPECT_EQ(lines[0]["params"]["temperature"], 0.2);  // embedded as an object
  EXPECT_EQ(lines[0]["candidates"][1], "return b + a");
  ASSERT_EQ(lines[0]["events"].size(), 3u);
  EXPECT_EQ(lines[0]["events"][1]["type"], "accepted");
  EXPECT_EQ(lines[0]["events"][1]["candidate_index"], 1);
  EXPECT_EQ(lines[0]["events"][2]["edited_text"], "return b + a  # sum");
  EXPECT_EQ(lines[2]["id"], "cmpl-3");
  EXPECT_EQ(lines[2]["events"].size(), 1u);

  auto to_stdout = codeloom({"feedback", "export", "--db", db});
  ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
  std::ifstream again(out);
  std::stringstream file;
  file << again.rdbuf();
  EXPECT_EQ(to_stdout.out, file.str());
}

TEST(FeedbackCli, BadDatabasesExitWithCode2AndNoNewFile) {
  testing::TempDir dir;
  const std::string missing = dir.file("typo.db");
  auto r = codeloom({"feedback", "stats", "--db", missing});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(missing));

  const std::string text = dir.file("notes.txt");
  std::ofstream(text) << std::string(5000, 'z');
  auto bad = codeloom({"feedback", "export", "--db", text, "--json"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("not a codeloom feedback DB"), std::string::npos) << bad.err;
  EXPECT_EQ(nlohmann::json::parse(bad.out)["error"]["code"], "corrupt input") << bad.out;

  auto usage = codeloom({"feedback", "stats"});
  EXPECT_EQ(usage.exit_code, 2);
}

}  // namespace
}  // namespace codeloom::feedback
