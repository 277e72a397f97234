// generate() on a real (tiny, random-weight) model through llm::Session.
#include <gtest/gtest.h>

#include "codeloom/common/text.h"
#include "codeloom/decode/generate.h"
#include "codeloom/llm/session.h"
#include "codeloom/prompt/infill.h"
#include "prompt/test_models.h"

namespace codeloom::decode {
namespace {

struct Fixture {
  std::shared_ptr<llm::Model> model;
  std::unique_ptr<llm::Session> session;
};

Fixture make() {
  Fixture f;
  auto m = testing::named_model("deepseek-coder", /*vocab_only=*/false);
  EXPECT_TRUE(m) << m.error().message;
  if (!m) return f;
  f.model = *m;
  auto s = llm::Session::create(f.model, {.n_ctx = 256, .n_threads = 2});
  EXPECT_TRUE(s) << s.error().message;
  if (s) f.session = std::move(*s);
  return f;
}

TEST(ModelGenerate, SeedReproducesCandidates) {
  Fixture f = make();
  ASSERT_TRUE(f.session);
  const auto prompt = f.model->tokenize("def add(a, b):\n", true);
  GenerateOptions o;
  o.n = 3;
  o.max_tokens = 12;
  auto a = generate(*f.session, prompt, o);
  auto b = generate(*f.session, prompt, o);
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->size(), b->size());
  for (std::size_t i = 0; i < a->size(); ++i) {
    EXPECT_EQ((*a)[i].tokens, (*b)[i].tokens);
    EXPECT_EQ((*a)[i].text, (*b)[i].text);
    EXPECT_TRUE(is_valid_utf8((*a)[i].text));
  }
  o.sampling.seed = 12345;
  auto c = generate(*f.session, prompt, o);
  ASSERT_TRUE(c);
  EXPECT_NE((*a)[0].tokens, (*c)[0].tokens);
  // The RNG runs on across candidates: three samples over a near-flat
  // distribution are all different.
  EXPECT_EQ(a->size(), 3u);
}

TEST(ModelGenerate, GreedyMatchesAManualArgmaxLoopAndRewindRestoresThePrompt) {
  Fixture f = make();
  ASSERT_TRUE(f.session);
  const auto prompt = f.model->tokenize("int main() {", true);
  std::vector<llm::Token> manual;
  std::vector<double> manual_lp;
  ASSERT_TRUE(f.session->prefill(prompt));
  for (int i = 0; i < 10; ++i) {
    auto l = f.session->logits();
    const llm::Token t = argmax(l);
    manual.push_back(t);
    manual_lp.push_back(token_logprob(l, t));
    if (f.model->is_eog(t)) break;
    ASSERT_TRUE(f.session->push(t));
  }
  GenerateOptions o;
  o.n = 2;  // two identical greedy runs: the second starts from the rewound prompt
  o.max_tokens = 10;
  o.sampling.temperature = 0.0f;
  auto r = generate(*f.session, prompt, o);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);  // de-duplicated
  EXPECT_EQ((*r)[0].tokens, manual);
  ASSERT_EQ((*r)[0].logprobs.size(), manual_lp.size());
  for (std::size_t i = 0; i < manual_lp.size(); ++i) EXPECT_NEAR((*r)[0].logprobs[i], manual_lp[i], 1e-4);
}

TEST(ModelGenerate, FimPromptWithLineScopeEndToEnd) {
  Fixture f = make();
  ASSERT_TRUE(f.session);
  prompt::InfillRequest req{.prefix = "def area(r):\n    return ", .suffix = "\n\nprint(area(2))\n"};
  auto p = prompt::build_infill_prompt(*f.model, req, {.n_ctx = 256, .max_new_tokens = 24});
  ASSERT_TRUE(p) << p.error().message;
  GenerateOptions o;
  o.n = 4;
  o.max_tokens = 24;
  o.scope = Scope::kLine;
  o.stop_tokens = p->stop_tokens;
  std::vector<std::string> streamed(4);
  Callbacks cb;
  cb.on_text = [&](int i, std::string_view d) { streamed.at(static_cast<std::size_t>(i)) += d; };
  auto r = generate(*f.session, p->tokens, o, cb);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_FALSE(r->empty());
  for (const auto& c : *r) {
    EXPECT_EQ(streamed[static_cast<std::size_t>(c.index)], c.text);
    EXPECT_TRUE(is_valid_utf8(c.text));
    EXPECT_LE(c.tokens.size(), 24u);
    const auto first = c.text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos) {
      EXPECT_EQ(c.text.find('\n', first), std::string::npos) << "line scope let a newline through";
    }
  }
}

TEST(ModelGenerate, PromptLongerThanTheContextIsAnError) {
  Fixture f = make();
  ASSERT_TRUE(f.session);
  std::vector<llm::Token> prompt(300, f.model->tokenize("x", false)[0]);
  auto r = generate(*f.session, prompt, GenerateOptions{});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kOutOfRange);
}

}  // namespace
}  // namespace codeloom::decode
