// A malformed model is exit 2 with one clear line from every command that
// loads one, `serve` included (refused at start), never an abort (issue 17:
// llama.block_count = 0 used to end `complete` and `serve` with SIGABRT).
#include <filesystem>

#include "cli_env.h"
#include "support/gguf_edit.h"
#include "support/tiny_model.h"

namespace codeloom::testing {
namespace {

std::string bad_model(const std::string& edit, const std::string& name) {
  TinyModelOptions o;
  o.vocab = "deepseek-coder";
  auto good = tiny_model_path(o);
  EXPECT_TRUE(good) << good.error().message;
  if (!good) return {};
  auto e = parse_gguf_edit(edit);
  EXPECT_TRUE(e) << e.error().message;
  const std::string path = write_temp_file(name, "");
  Status s = write_edited_gguf(*good, *e, path);
  EXPECT_TRUE(s) << s.error().message;
  return path;
}

TEST(CliBadModel, ModelInfoCompleteAndServeExit2WithTheReason) {
  const std::vector<std::pair<std::string, std::string>> models = {
      {bad_model("set llama.block_count u32 0", "zero-layers.gguf"), "llama.block_count is 0"},
      {bad_model("set llama.attention.head_count_kv u32 0", "zero-kv-heads.gguf"), "head_count_kv is 0"},
      {bad_model("token 300 @299", "duplicate-token.gguf"), "holds the token"},
  };
  const std::vector<std::vector<std::string>> commands = {
      {"model", "info"}, {"complete"}, {"serve", "--port", "0", "--host", "127.0.0.1"}};
  for (const auto& [path, needle] : models) {
    for (auto args : commands) {
      SCOPED_TRACE(args[0] + " " + path);
      args.push_back("--model");
      args.push_back(path);
      auto r = codeloom(args, R"({"prefix":"def add(a, b):\n    return"})");
      EXPECT_EQ(r.signal, 0) << "killed by signal " << r.signal << "; stderr: " << r.err;
      EXPECT_EQ(r.exit_code, 2) << "stderr: " << r.err;
      EXPECT_EQ(line_count(r.err), 1) << r.err;
      EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
      EXPECT_NE(r.err.find("the file is corrupt or not a model"), std::string::npos) << r.err;
    }
  }
}

}  // namespace
}  // namespace codeloom::testing
