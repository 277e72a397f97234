// `codeloom data mine` when the disk fills up: writes fail (here through the
// file-size limit, EFBIG, as a full disk gives ENOSPC), the command says so and
// exits non-zero, and nothing in the output looks like a finished corpus.
#include <filesystem>

#include "cli_env.h"

namespace codeloom::testing {
namespace {

namespace fs = std::filesystem;

TEST(CliDataMine, AWriteErrorLeavesNoCompleteLookingCorpus) {
  const fs::path out = fs::temp_directory_path() / ("codeloom-cli-mine-full-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const std::string golden = (fs::path(CODELOOM_TEST_DATA_DIR) / "lang" / "golden").string();
  // SIGXFSZ ignored (inherited through exec), 8 KiB file-size limit.
  const std::string script = "trap '' XFSZ; ulimit -f 8; exec \"$0\" data mine \"$1\" --out \"$2\" --quiet --threads 1";
  auto r = run_process({"/bin/bash", "-c", script, codeloom_bin(), golden, out.string()}, {.timeout_s = 300});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->exit_code, 1) << r->err;
  EXPECT_NE(r->err.find("write failed"), std::string::npos) << r->err;
  EXPECT_FALSE(fs::exists(out / "stats.json"));
  for (const auto& e : fs::directory_iterator(out)) EXPECT_NE(e.path().extension(), ".tmp") << e.path();
  // A reader refuses the directory with a message that says what to do.
  auto read = codeloom({"tokenizer", "train", "--corpus", out.string(), "--out", (out / "t.json").string(), "-q"});
  EXPECT_EQ(read.exit_code, 2);
  EXPECT_NE(read.err.find("re-run"), std::string::npos) << read.err;
  fs::remove_all(out);
}

}  // namespace
}  // namespace codeloom::testing
