// Greedy parity with llama.cpp's own example program llama-simple: same model,
// same prompt, identical generated tokens (compared as the printed pieces,
// which llama-simple renders with special=true, exactly as we do here).
#include <gtest/gtest.h>

#include "codeloom/llm/session.h"
#include "support/run_process.h"
#include "test_models.h"

namespace codeloom::llm {
namespace {

constexpr int kPredict = 32;

// llama-simple: tokenize(add_special=true, parse_special=true), print prompt
// pieces, then up to n_predict greedy tokens (stopping at end-of-generation),
// then "\n".
std::string our_greedy_transcript(const std::shared_ptr<Model>& m, const std::string& prompt, std::vector<Token>* gen) {
  const auto toks = m->tokenize(prompt, true, true);
  std::string text;
  for (Token t : toks) text += m->token_to_piece(t, true);
  auto s = Session::create(m, {.n_ctx = 512, .n_batch = 512, .n_threads = 2});
  EXPECT_TRUE(s);
  if (!s) return {};
  EXPECT_TRUE((*s)->prefill(toks));
  for (int i = 0; i < kPredict; ++i) {
    const auto next = static_cast<Token>(test::argmax((*s)->logits()));
    if (m->is_eog(next)) break;
    gen->push_back(next);
    text += m->token_to_piece(next, true);
    if (i + 1 < kPredict) {
      EXPECT_TRUE((*s)->push(next));
    }
  }
  return text + "\n";
}

class GreedyParity : public ::testing::TestWithParam<std::string> {};

TEST_P(GreedyParity, MatchesLlamaSimple) {
  const std::string tool = testing::llama_tool_path("llama-simple");
  auto opts = test::varied(GetParam());
  auto path = testing::tiny_model_path(opts);
  ASSERT_TRUE(path);
  auto m = test::load_tiny(opts);
  ASSERT_TRUE(m);
  const std::string prompt = "def fibonacci(n):\n    \"\"\"Return the n-th Fibonacci number.\"\"\"\n    if n < 2:";
  auto ref = testing::run_process({tool, "-m", *path, "-n", std::to_string(kPredict), prompt});
  ASSERT_TRUE(ref) << ref.error().message;
  ASSERT_EQ(ref->exit_code, 0) << ref->err;
  std::vector<Token> gen;
  const std::string ours = our_greedy_transcript(m, prompt, &gen);
  EXPECT_EQ(gen.size(), static_cast<std::size_t>(kPredict));
  // Distinct tokens: a generation stuck on one token would prove little.
  std::sort(gen.begin(), gen.end());
  EXPECT_GT(std::unique(gen.begin(), gen.end()) - gen.begin(), 8);
  EXPECT_EQ(ours, ref->out);
}

INSTANTIATE_TEST_SUITE_P(Vocabs, GreedyParity, ::testing::Values("qwen2", "deepseek-coder", "starcoder"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& ch : n) if (ch == '-') ch = '_';
                           return n;
                         });

}  // namespace
}  // namespace codeloom::llm
