// `codeloom complete` end to end on tiny real models (random weights, real tokenizers).
#include "cli_env.h"
#include "codeloom/llm/model.h"
#include "support/tiny_model.h"

namespace codeloom::testing {
namespace {

std::string model_or_die(const TinyModelOptions& o = {}) {
  auto m = tiny_model_path(o);
  EXPECT_TRUE(m) << m.error().message;
  return m ? *m : std::string();
}

// The acceptance test for the engine: greedy `codeloom complete` emits exactly
// the tokens llama.cpp's own example program (llama-simple) emits for the same
// model and prompt. llama-simple prints the prompt's pieces, then each generated
// piece (special tokens rendered), then "\n".
TEST(CliComplete, GreedyOutputIsTokenForTokenIdenticalToLlamaSimple) {
  for (const char* vocab : {"qwen2", "deepseek-coder", "starcoder"}) {
    SCOPED_TRACE(vocab);
    TinyModelOptions o;
    o.vocab = vocab;
    o.tied_output = false;  // less repetitive greedy text: a stronger comparison
    const std::string model_path = model_or_die(o);
    const std::string prompt = "def quicksort(items):\n    if len(items) <= 1:\n        return items\n";
    const int n_predict = 32;

    auto ref = run_process({llama_tool_path("llama-simple"), "-m", model_path, "-n", std::to_string(n_predict), prompt});
    ASSERT_TRUE(ref) << ref.error().message;
    ASSERT_EQ(ref->exit_code, 0) << ref->err;

    nlohmann::json req = {{"prefix", prompt}};
    auto r = codeloom({"complete", "--model", model_path, "--json", "--temperature", "0", "--max-tokens",
                       std::to_string(n_predict), "--scope", "full", "--mode", "plain"},
                      req.dump());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["candidates"].size(), 1u);
    const auto tokens = j["candidates"][0]["tokens"].get<std::vector<llm::Token>>();

    auto model = llm::Model::load(model_path, {.vocab_only = true});
    ASSERT_TRUE(model) << model.error().message;
    std::string expected;
    for (llm::Token t : (*model)->tokenize(prompt, true, true)) expected += (*model)->token_to_piece(t, true);
    for (llm::Token t : tokens) expected += (*model)->token_to_piece(t, true);
    expected += "\n";
    EXPECT_EQ(ref->out, expected);
    // Either both ran the full budget or both stopped at the same end-of-generation token.
    if (j["candidates"][0]["finish_reason"] == "length") {
      EXPECT_EQ(tokens.size(), static_cast<size_t>(n_predict));
    }
  }
}

TEST(CliComplete, EmptyPrefixWorks) {
  const std::string model = model_or_die();
  auto r = codeloom({"complete", "--model", model, "--json", "--max-tokens", "8"}, R"({"prefix": ""})");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["candidates"].size(), 1u);
  // Infill with both sides empty works too.
  r = codeloom({"complete", "--model", model, "--json", "--max-tokens", "8", "--mode", "infill"},
               R"({"prefix": "", "suffix": ""})");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(CliComplete, PromptLongerThanTheContextKeepsTheCodeNearestTheCursor) {
  const std::string model = model_or_die();
  std::string prefix;
  for (int i = 0; i < 400; ++i) prefix += "value_" + std::to_string(i) + " = compute(" + std::to_string(i) + ")\n";
  std::string suffix;
  for (int i = 0; i < 200; ++i) suffix += "check(value_" + std::to_string(i) + ")\n";
  nlohmann::json req = {{"prefix", prefix + "result = "}, {"suffix", suffix}, {"language", "python"}};
  auto r = codeloom({"complete", "--model", model, "--json", "--ctx", "256", "--max-tokens", "16"}, req.dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  // llama.cpp rounds the context up (to a multiple of 256); the budget follows the real size.
  EXPECT_GE(j["n_ctx"].get<int>(), 256);
  EXPECT_LE(j["prompt_tokens"].get<int>(), j["n_ctx"].get<int>() - 16);
  EXPECT_GT(j["truncation"]["prefix_bytes_dropped"].get<int>(), 0);
  EXPECT_GT(j["truncation"]["suffix_bytes_dropped"].get<int>(), 0);
  // Same for plain completion.
  req = {{"prefix", prefix}};
  r = codeloom({"complete", "--model", model, "--json", "--ctx", "256", "--max-tokens", "8"}, req.dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["mode"], "infill");  // auto mode uses FIM even without a suffix on a FIM model
  EXPECT_LE(j["prompt_tokens"].get<int>(), j["n_ctx"].get<int>() - 8);
  EXPECT_GT(j["truncation"]["prefix_bytes_dropped"].get<int>(), 0);
  r = codeloom({"complete", "--model", model, "--json", "--ctx", "256", "--max-tokens", "8", "--mode", "plain"},
               req.dump());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["mode"], "plain");
  EXPECT_LE(j["prompt_tokens"].get<int>(), j["n_ctx"].get<int>() - 8);
  EXPECT_GT(j["truncation"]["prefix_bytes_dropped"].get<int>(), 0);
}

TEST(CliComplete, FileAndCursorWithSeveralRankedCandidates) {
  const std::string model = model_or_die();
  auto file = write_temp_file("fib.py",
                              "def fib(n):\n"
                              "    \"\"\"Return the n-th Fibonacci number.\"\"\"\n"
                              "\n"
                              "print(fib(10))\n");
  auto r = codeloom({"complete", file, "--line", "3", "--model", model, "--json", "--n", "4", "--max-tokens", "12",
                     "--seed", "7", "--scope", "block"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["language"], "python");
  EXPECT_EQ(j["mode"], "infill");
  const auto& c = j["candidates"];
  ASSERT_GE(c.size(), 1u);
  ASSERT_LE(c.size(), 4u);
  for (size_t i = 1; i < c.size(); ++i) {
    EXPECT_GE(c[i - 1]["mean_logprob"].get<double>(), c[i]["mean_logprob"].get<double>());
    EXPECT_NE(c[i - 1]["text"], c[i]["text"]);
  }
  // The same seed gives the same candidates.
  auto again = codeloom({"complete", file, "--line", "3", "--model", model, "--json", "--n", "4", "--max-tokens",
                         "12", "--seed", "7", "--scope", "block"});
  ASSERT_EQ(again.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(again.out)["candidates"], c);
  // Text mode prints the best candidate's text.
  auto text = codeloom({"complete", file, "--line", "3", "--model", model, "--n", "4", "--max-tokens", "12",
                        "--seed", "7", "--scope", "block"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find(c[0]["text"].get<std::string>()), std::string::npos);
}

}  // namespace
}  // namespace codeloom::testing
