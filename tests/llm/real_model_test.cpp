// Parity on the real pretrained code model (Qwen2.5-Coder-0.5B-Instruct
// Q4_K_M from scripts/get-bench-model), labelled "slow". Skipped, visibly,
// when the model is absent; set CODELOOM_REAL_MODEL to use another GGUF.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "codeloom/llm/session.h"
#include "support/run_process.h"
#include "test_models.h"

namespace codeloom::llm {
namespace {

std::string real_model_path() {
  if (const char* env = std::getenv("CODELOOM_REAL_MODEL"); env && *env) return env;
  const char* home = std::getenv("HOME");
  return std::string(home ? home : "") + "/.cache/codeloom/models/qwen2.5-coder-0.5b-instruct-awq-q4_k_m.gguf";
}

class RealModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = real_model_path();
    if (!std::filesystem::exists(path_)) return;
    auto m = Model::load(path_);
    ASSERT_TRUE(m) << m.error().message;
    model_ = *m;
  }
  void SetUp() override {
    if (!model_) GTEST_SKIP() << "real model not found at " << path_ << " (run scripts/get-bench-model)";
  }
  static inline std::string path_;
  static inline std::shared_ptr<Model> model_;
};

constexpr const char* kPrompt =
    "def binary_search(items, target):\n    \"\"\"Return the index of target in sorted items, or -1.\"\"\"\n";

TEST_F(RealModel, InfoAndQwenFimTokens) {
  EXPECT_EQ(model_->info().architecture, "qwen2");
  EXPECT_EQ(model_->info().n_layer, 24);
  EXPECT_EQ(model_->info().n_embd, 896);
  EXPECT_EQ(model_->token_text(model_->fim_prefix()), "<|fim_prefix|>");
  EXPECT_EQ(model_->fim_prefix(), 151659);
  EXPECT_EQ(model_->fim_middle(), 151660);
  EXPECT_EQ(model_->fim_suffix(), 151661);
}

TEST_F(RealModel, TokenizationMatchesLlamaTokenize) {
  const std::string file = ::testing::TempDir() + "codeloom_real_prompt.py";
  std::ofstream(file, std::ios::binary) << kPrompt;
  auto ref = testing::run_process(
      {testing::llama_tool_path("llama-tokenize"), "-m", path_, "-f", file, "--ids", "--log-disable"});
  ASSERT_TRUE(ref) << ref.error().message;
  ASSERT_EQ(ref->exit_code, 0) << ref->err;
  std::string ours = "[";
  for (Token t : model_->tokenize(kPrompt, model_->adds_bos())) ours += (ours.size() > 1 ? ", " : "") + std::to_string(t);
  ours += "]";
  EXPECT_EQ(ref->out.substr(0, ref->out.find_last_not_of("\n") + 1), ours);
}

TEST_F(RealModel, GreedyParityWithLlamaSimple) {
  constexpr int kPredict = 24;
  auto ref = testing::run_process({testing::llama_tool_path("llama-simple"), "-m", path_, "-n",
                                   std::to_string(kPredict), kPrompt});
  ASSERT_TRUE(ref) << ref.error().message;
  ASSERT_EQ(ref->exit_code, 0) << ref->err;
  const auto toks = model_->tokenize(kPrompt, true, true);
  std::string ours;
  for (Token t : toks) ours += model_->token_to_piece(t, true);
  auto s = Session::create(model_, {.n_ctx = 512, .n_batch = 512, .n_threads = 2});
  ASSERT_TRUE(s) << s.error().message;
  ASSERT_TRUE((*s)->prefill(toks));
  for (int i = 0; i < kPredict; ++i) {
    const auto next = static_cast<Token>(test::argmax((*s)->logits()));
    if (model_->is_eog(next)) break;
    ours += model_->token_to_piece(next, true);
    ASSERT_TRUE((*s)->push(next));
  }
  EXPECT_EQ(ours + "\n", ref->out);
}

}  // namespace
}  // namespace codeloom::llm
