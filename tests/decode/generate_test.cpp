// generate() over scripted logits with a real tokenizer: stop strings across
// token boundaries, streaming safety, UTF-8, de-duplication, ranking, limits.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "codeloom/common/text.h"
#include "codeloom/decode/generate.h"
#include "decode/scripted_source.h"
#include "prompt/test_models.h"

namespace codeloom::decode {
namespace {

using testing::script_of;
using testing::ScriptedSource;

const llm::Model& vocab() {
  static auto m = testing::named_model("deepseek-coder");
  EXPECT_TRUE(m) << m.error().message;
  return **m;
}

GenerateOptions greedy(int max_tokens = 64) {
  GenerateOptions o;
  o.sampling.temperature = 0.0f;
  o.max_tokens = max_tokens;
  return o;
}

struct Streamed {
  std::vector<std::string> deltas;
  std::string all() const {
    std::string s;
    for (const auto& d : deltas) s += d;
    return s;
  }
};

Callbacks recorder(Streamed* s) {
  Callbacks cb;
  cb.on_text = [s](int, std::string_view d) { s->deltas.emplace_back(d); };
  return cb;
}

const std::vector<llm::Token> kPrompt = {1, 2, 3};

TEST(Generate, StopStringAcrossTokenBoundariesIsCutAndNeverStreamed) {
  const auto& m = vocab();
  ScriptedSource src(m, {script_of(m, {"ret", "urn x", "\n\n", "def", " g"})});
  auto o = greedy();
  o.stop = {"x\n\nd"};
  Streamed s;
  auto r = generate(src, kPrompt, o, recorder(&s));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].text, "return ");
  EXPECT_EQ((*r)[0].finish, FinishReason::kStop);
  EXPECT_EQ(s.all(), "return ");
  for (const auto& d : s.deltas) EXPECT_EQ(d.find('x'), std::string::npos) << "streamed part of the stop string";
}

TEST(Generate, HeldBackTextIsReleasedWhenItIsNotAStop) {
  const auto& m = vocab();
  ScriptedSource src(m, {script_of(m, {"a", "\n", "b", "\n\n", "c"})});
  auto o = greedy();
  o.stop = {"\n\n\n"};
  Streamed s;
  auto r = generate(src, kPrompt, o, recorder(&s));
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[0].text, "a\nb\n\nc");
  EXPECT_EQ((*r)[0].finish, FinishReason::kEos);
  EXPECT_EQ(s.all(), "a\nb\n\nc");
}

TEST(Generate, EndOfGenerationAndExtraStopTokens) {
  const auto& m = vocab();
  ScriptedSource src(m, {script_of(m, {"x = 1"})});
  auto r = generate(src, kPrompt, greedy());
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[0].text, "x = 1");
  EXPECT_EQ((*r)[0].finish, FinishReason::kEos);
  EXPECT_EQ((*r)[0].tokens.back(), m.eos());

  const llm::Token hole = *m.find_token("<\xEF\xBD\x9C" "fim\xE2\x96\x81" "hole\xEF\xBD\x9C>");
  testing::Script sc = script_of(m, {"y = 2"});
  sc.push_back({hole});
  sc.push_back({m.tokenize("zzz", false)[0]});
  ScriptedSource src2(m, {sc});
  auto o = greedy();
  o.stop_tokens = {hole};
  auto r2 = generate(src2, kPrompt, o);
  ASSERT_TRUE(r2);
  EXPECT_EQ((*r2)[0].text, "y = 2");
  EXPECT_EQ((*r2)[0].finish, FinishReason::kEos);
}

// ignore_eos bans the model's end tokens and the extra stop tokens: the
// candidate runs to max_tokens and never contains one.
TEST(Generate, IgnoreEosRunsToMaxTokens) {
  const auto& m = vocab();
  const llm::Token hole = *m.find_token("<\xEF\xBD\x9C" "fim\xE2\x96\x81" "hole\xEF\xBD\x9C>");
  testing::Script sc = script_of(m, {"y = 2"});
  sc.push_back({hole});
  auto o = greedy(10);
  o.stop_tokens = {hole};
  ScriptedSource plain(m, {sc});
  auto r0 = generate(plain, kPrompt, o);
  ASSERT_TRUE(r0);
  EXPECT_EQ((*r0)[0].finish, FinishReason::kEos);  // the hole token ends it
  ASSERT_LT((*r0)[0].tokens.size(), 10u);

  o.ignore_eos = true;
  ScriptedSource src(m, {sc});
  auto r = generate(src, kPrompt, o);
  ASSERT_TRUE(r) << r.error().message;
  const Candidate& c = (*r)[0];
  EXPECT_EQ(c.finish, FinishReason::kLength);
  ASSERT_EQ(c.tokens.size(), 10u);
  EXPECT_TRUE(c.text.starts_with("y = 2")) << c.text;
  for (llm::Token t : c.tokens) {
    EXPECT_FALSE(m.is_eog(t)) << t;
    EXPECT_NE(t, hole);
  }
  ASSERT_FALSE(m.eog_tokens().empty());
  EXPECT_TRUE(std::is_sorted(m.eog_tokens().begin(), m.eog_tokens().end()));
  for (llm::Token t : m.eog_tokens()) EXPECT_TRUE(m.is_eog(t));

  // Banned tokens must be token ids of the vocabulary.
  o.ignore_eos = false;
  o.sampling.banned = {m.n_vocab()};
  ScriptedSource bad(m, {sc});
  auto rb = generate(bad, kPrompt, o);
  ASSERT_FALSE(rb);
  EXPECT_EQ(rb.error().code, ErrorCode::kInvalidArgument);
  o.sampling.banned = {-3};
  EXPECT_FALSE(validate(o.sampling));
}

TEST(Generate, MaxTokens) {
  const auto& m = vocab();
  testing::Script sc = script_of(m, {"a", "b", "c", "d", "e"});
  ScriptedSource src(m, {sc});
  auto r = generate(src, kPrompt, greedy(3));
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[0].text, "abc");
  EXPECT_EQ((*r)[0].tokens.size(), 3u);
  EXPECT_EQ((*r)[0].finish, FinishReason::kLength);
  EXPECT_EQ(src.pushes, 2);  // the last token is never evaluated
  ScriptedSource src0(m, {sc});
  auto r0 = generate(src0, kPrompt, greedy(0));
  ASSERT_TRUE(r0);
  EXPECT_EQ((*r0)[0].text, "");
  EXPECT_EQ((*r0)[0].mean_logprob, 0.0);
}

// Candidates share one prefill; duplicates collapse; best mean logprob first.
TEST(Generate, DedupAndOrderByMeanLogprob) {
  const auto& m = vocab();
  ScriptedSource src(m, {script_of(m, {"return a"}, 3.0f), script_of(m, {"return b"}, 9.0f),
                         script_of(m, {"return a"}, 5.0f), script_of(m, {"return c"}, 1.0f)});
  auto o = greedy();
  o.n = 4;
  std::vector<int> seen;
  Callbacks cb;
  cb.on_text = [&](int i, std::string_view) { seen.push_back(i); };
  auto r = generate(src, kPrompt, o, cb);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(src.prefills, 1);
  EXPECT_EQ(src.rewinds, 3);
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].text, "return b");
  EXPECT_EQ((*r)[1].text, "return a");
  EXPECT_EQ((*r)[1].index, 2);  // the better-scored copy of "return a" is kept
  EXPECT_EQ((*r)[2].text, "return c");
  for (const auto& c : *r) {
    ASSERT_EQ(c.tokens.size(), c.logprobs.size());
    double sum = 0;
    for (double lp : c.logprobs) sum += lp;
    EXPECT_NEAR(c.mean_logprob, sum / static_cast<double>(c.logprobs.size()), 1e-12);
  }
  // Closed form for the scripted steps (the final EOS step has confidence 12).
  const auto& b = (*r)[0];
  const double want = ((b.tokens.size() - 1) * src.step_logprob(9.0f) + src.step_logprob(12.0f)) /
                      static_cast<double>(b.tokens.size());
  EXPECT_NEAR(b.mean_logprob, want, 1e-4);
  EXPECT_TRUE(std::is_sorted(r->begin(), r->end(), [](const Candidate& x, const Candidate& y) {
    return x.mean_logprob > y.mean_logprob;
  }));
}

// max_samples > n: duplicates are replaced by further draws until n texts
// differ, and no more draws are made once they do.
TEST(Generate, RefillDrawsUntilNDistinctTexts) {
  const auto& m = vocab();
  auto scripts = [&] {
    return std::vector<testing::Script>{script_of(m, {"return a"}), script_of(m, {"return a"}),
                                        script_of(m, {"return a"}), script_of(m, {"return b"}),
                                        script_of(m, {"return c"}), script_of(m, {"return d"})};
  };
  auto o = greedy();
  o.n = 2;
  ScriptedSource plain(m, scripts());
  auto r0 = generate(plain, kPrompt, o);
  ASSERT_TRUE(r0) << r0.error().message;
  EXPECT_EQ(r0->size(), 1u);  // without refill: two draws, one text
  EXPECT_EQ(plain.rewinds, 1);

  o.max_samples = 8;
  ScriptedSource src(m, scripts());
  std::vector<int> streamed;
  Callbacks cb;
  cb.on_text = [&](int i, std::string_view) {
    if (streamed.empty() || streamed.back() != i) streamed.push_back(i);
  };
  auto r = generate(src, kPrompt, o, cb);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(src.rewinds, 3);  // draws 0..3: the fourth is the first "return b"
  std::vector<std::string> texts = {(*r)[0].text, (*r)[1].text};
  std::sort(texts.begin(), texts.end());
  EXPECT_EQ(texts, (std::vector<std::string>{"return a", "return b"}));
  EXPECT_EQ(streamed, (std::vector<int>{0, 1, 2, 3}));

  // The draw budget bounds the work when the source keeps repeating itself.
  o.n = 3;
  o.max_samples = 3;
  ScriptedSource short_budget(m, scripts());
  auto r2 = generate(short_budget, kPrompt, o);
  ASSERT_TRUE(r2);
  EXPECT_EQ(r2->size(), 1u);
  EXPECT_EQ(short_budget.rewinds, 2);

  o.max_samples = 64 * 3 + 1;
  ScriptedSource too_many(m, scripts());
  auto r3 = generate(too_many, kPrompt, o);
  ASSERT_FALSE(r3);
  EXPECT_EQ(r3.error().code, ErrorCode::kInvalidArgument);
}

TEST(Generate, Utf8IsNeverSplitInCallbacks) {
  const auto& m = vocab();
  // Byte-level BPE splits these characters into several byte tokens.
  const std::string text = "s = \"\xF0\x9F\x98\x80 \xE4\xBD\xA0\xE5\xA5\xBD \xE2\x82\xAC\"";
  testing::Script sc = script_of(m, {text});
  int partial = 0;
  for (const auto& st : sc) partial += is_valid_utf8(m.token_to_piece(st.token)) ? 0 : 1;
  ASSERT_GT(partial, 0) << "the test needs tokens that split a character";
  ScriptedSource src(m, {sc});
  Streamed s;
  auto r = generate(src, kPrompt, greedy(), recorder(&s));
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[0].text, text);
  EXPECT_EQ(s.all(), text);
  for (const auto& d : s.deltas) EXPECT_TRUE(is_valid_utf8(d)) << d;

  // max_tokens inside the emoji: the partial character is dropped.
  std::size_t k = 0;
  std::string acc;
  while (k < sc.size() && is_valid_utf8(acc + m.token_to_piece(sc[k].token))) acc += m.token_to_piece(sc[k++].token);
  ScriptedSource src2(m, {sc});
  auto r2 = generate(src2, kPrompt, greedy(static_cast<int>(k) + 1));
  ASSERT_TRUE(r2);
  EXPECT_EQ((*r2)[0].text, acc);
  EXPECT_TRUE(is_valid_utf8((*r2)[0].text));
}

TEST(Generate, CancelAndTimeLimit) {
  const auto& m = vocab();
  testing::Script sc = script_of(m, {"a", "b", "c", "d"});
  ScriptedSource src(m, {sc});
  auto o = greedy();
  o.n = 3;
  int polls = 0;
  Callbacks cb;
  cb.should_cancel = [&] { return ++polls > 2; };
  auto r = generate(src, kPrompt, o, cb);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 1u);  // the remaining candidates are not started
  EXPECT_EQ((*r)[0].text, "ab");
  EXPECT_EQ((*r)[0].finish, FinishReason::kCancelled);

  // An injected clock: each reading advances 10 ms; the limit is 25 ms.
  auto t = std::chrono::steady_clock::time_point{};
  o.n = 1;
  o.time_limit = std::chrono::milliseconds(25);
  o.clock = [&] { return t += std::chrono::milliseconds(10); };
  ScriptedSource src2(m, {sc});
  auto r2 = generate(src2, kPrompt, o);
  ASSERT_TRUE(r2);
  EXPECT_EQ((*r2)[0].finish, FinishReason::kTimeLimit);
  EXPECT_EQ((*r2)[0].text, "ab");  // readings: 10 (start, deadline 35), 20, 30, 40
}

TEST(Generate, BadOptionsAreErrors) {
  const auto& m = vocab();
  ScriptedSource src(m, {script_of(m, {"a"})});
  auto bad = [&](GenerateOptions o, std::vector<llm::Token> prompt = kPrompt) {
    auto r = generate(src, prompt, o);
    return !r && r.error().code == ErrorCode::kInvalidArgument;
  };
  GenerateOptions o;
  o.n = 0;
  EXPECT_TRUE(bad(o));
  o = {};
  o.max_tokens = -1;
  EXPECT_TRUE(bad(o));
  o = {};
  o.sampling.top_p = 2.0f;
  EXPECT_TRUE(bad(o));
  o = {};
  o.scope = Scope::kBlock;  // no language
  EXPECT_TRUE(bad(o));
  o = {};
  o.stop_tokens = {m.n_vocab() + 5};
  EXPECT_TRUE(bad(o));
  EXPECT_TRUE(bad(GenerateOptions{}, {}));
}

}  // namespace
}  // namespace codeloom::decode
