// Session: prefix KV reuse, rewind/push consistency and limits.
#include "codeloom/llm/session.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_models.h"

namespace codeloom::llm {
namespace {

constexpr const char* kCode =
    "import os\n\ndef list_python_files(root):\n    out = []\n    for dirpath, _, names in os.walk(root):\n"
    "        for n in names:\n            if n.endswith('.py'):\n                out.append(os.path.join(dirpath, n))\n"
    "    return sorted(out)\n\n\nif __name__ == '__main__':\n    import sys\n"
    "    for path in list_python_files(sys.argv[1] if len(sys.argv) > 1 else '.'):\n        print(path)\n";

std::unique_ptr<Session> make_session(std::shared_ptr<Model> m, SessionOptions o = {.n_ctx = 512, .n_batch = 64, .n_threads = 1}) {
  auto s = Session::create(std::move(m), o);
  EXPECT_TRUE(s) << s.error().message;
  return s ? std::move(*s) : nullptr;
}

std::vector<float> copy(std::span<const float> v) { return {v.begin(), v.end()}; }

// Logits of the same tokens computed with the same batch split are bitwise
// equal whatever the cache went through (stale entries removed by seq_rm).
// A different split (e.g. 5 tokens on top of a cache vs. 100 in one batch)
// runs different matmul kernels, so there we allow float-rounding noise:
// max |diff| <= 1e-3 * max |logit| (observed ~3e-4 relative for f32 weights
// with an f16 KV cache) and the same argmax.
void expect_close(const std::vector<float>& a, std::span<const float> b) {
  ASSERT_EQ(a.size(), b.size());
  float worst = 0, scale = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    worst = std::max(worst, std::abs(a[i] - b[i]));
    scale = std::max(scale, std::abs(a[i]));
  }
  EXPECT_LE(worst, 1e-3f * scale) << "scale " << scale;
  EXPECT_EQ(test::argmax(a), test::argmax(b));
}

TEST(Session, PrefixReuseAfterEditNearTheEnd) {
  auto m = test::load_tiny(test::varied());
  ASSERT_TRUE(m);
  auto toks = m->tokenize(kCode, true);
  ASSERT_GT(toks.size(), 60u);
  auto s = make_session(m);
  auto first = s->prefill(toks);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->reused, 0u);
  EXPECT_EQ(first->evaluated, toks.size());

  // Edit a token 5 from the end: the cache keeps everything before it.
  auto edited = toks;
  const std::size_t edit_at = toks.size() - 5;
  edited[edit_at] = m->tokenize(" banana", false)[0];
  auto second = s->prefill(edited);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->reused, edit_at);
  EXPECT_EQ(second->evaluated, 5u);
  EXPECT_EQ(std::vector<Token>(s->tokens().begin(), s->tokens().end()), edited);

  // Bitwise: a fresh session that evaluates the same two batches (the common
  // prefix, then the 5 edited tokens) never saw the stale tail.
  auto same_split = make_session(m);
  ASSERT_TRUE(same_split->prefill(std::span<const Token>(edited).first(edit_at)));
  ASSERT_TRUE(same_split->prefill(edited));
  EXPECT_EQ(copy(same_split->logits()), copy(s->logits()));
  // Close: one single batch.
  auto fresh = make_session(m, {.n_ctx = 512, .n_batch = 512, .n_threads = 1});
  ASSERT_TRUE(fresh->prefill(edited));
  expect_close(copy(fresh->logits()), s->logits());
}

TEST(Session, SamePromptTwiceReusesEverythingAndKeepsLogits) {
  auto m = test::load_tiny(test::varied());
  auto toks = m->tokenize(kCode, true);
  auto s = make_session(m);
  ASSERT_TRUE(s->prefill(toks));
  const auto before = copy(s->logits());
  auto again = s->prefill(toks);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->reused, toks.size());
  EXPECT_EQ(again->evaluated, 0u);
  EXPECT_EQ(copy(s->logits()), before);  // bitwise: the saved copy

  // A prompt that is a strict prefix of the cache re-evaluates only its last token.
  std::vector<Token> shorter(toks.begin(), toks.end() - 10);
  auto st = s->prefill(shorter);
  ASSERT_TRUE(st);
  EXPECT_EQ(st->reused, shorter.size() - 1);
  EXPECT_EQ(st->evaluated, 1u);
  auto fresh = make_session(m);
  ASSERT_TRUE(fresh->prefill(shorter));
  expect_close(copy(fresh->logits()), s->logits());
}

TEST(Session, RewindToPromptRestoresSavedLogitsAndGenerationRepeats) {
  auto m = test::load_tiny(test::varied("deepseek-coder"));
  auto toks = m->tokenize(kCode, true);
  auto s = make_session(m);
  ASSERT_TRUE(s->prefill(toks));
  const auto prompt_logits = copy(s->logits());
  std::vector<Token> gen1;
  for (int i = 0; i < 12; ++i) {
    gen1.push_back(static_cast<Token>(test::argmax(s->logits())));
    ASSERT_TRUE(s->push(gen1.back()));
  }
  EXPECT_EQ(s->tokens().size(), toks.size() + 12);
  ASSERT_TRUE(s->rewind(toks.size()));
  EXPECT_EQ(copy(s->logits()), prompt_logits);
  std::vector<Token> gen2;
  for (int i = 0; i < 12; ++i) {
    gen2.push_back(static_cast<Token>(test::argmax(s->logits())));
    ASSERT_TRUE(s->push(gen2.back()));
  }
  EXPECT_EQ(gen1, gen2);

  // Rewind into the middle of the generation recomputes that position's logits.
  ASSERT_TRUE(s->rewind(toks.size() + 5));
  EXPECT_EQ(static_cast<Token>(test::argmax(s->logits())), gen1[5]);
  // Rewind below the prompt: logits recomputed, equal to a fresh prefill of that prefix.
  ASSERT_TRUE(s->rewind(toks.size() - 3));
  std::vector<Token> prefix(toks.begin(), toks.end() - 3);
  auto fresh = make_session(m);
  ASSERT_TRUE(fresh->prefill(prefix));
  expect_close(copy(fresh->logits()), s->logits());
  // Rewind to 0 empties the session; logits are then absent.
  ASSERT_TRUE(s->rewind(0));
  EXPECT_TRUE(s->tokens().empty());
  EXPECT_TRUE(s->logits().empty());
  // Rewinding past the end is an error.
  EXPECT_EQ(s->rewind(1).error().code, ErrorCode::kInvalidArgument);
}

TEST(Session, ChunkedPrefillMatchesSingleBatch) {
  auto m = test::load_tiny(test::varied());
  auto toks = m->tokenize(kCode, true);
  auto a = make_session(m, {.n_ctx = 512, .n_batch = 7, .n_threads = 1});
  auto b = make_session(m, {.n_ctx = 512, .n_batch = 512, .n_threads = 1});
  ASSERT_TRUE(a->prefill(toks));
  ASSERT_TRUE(b->prefill(toks));
  expect_close(copy(a->logits()), b->logits());
}

// Every KV cache type gives the f32 cache's logits up to its rounding: f16
// (11-bit mantissa) within expect_close's 1e-3, bf16 (8-bit) within 1e-2, and
// all three pick the same next token.
TEST(Session, KvCacheTypesAgreeWithF32) {
  auto m = test::load_tiny(test::varied());
  auto toks = m->tokenize(kCode, true);
  auto logits_with = [&](KvType t) {
    auto s = make_session(m, {.n_ctx = 512, .n_batch = 16, .n_threads = 1, .kv_type = t});
    EXPECT_TRUE(s->prefill(toks));
    return copy(s->logits());
  };
  const auto f32 = logits_with(KvType::kF32);
  expect_close(f32, logits_with(KvType::kF16));
  const auto bf16 = logits_with(KvType::kBf16);
  float worst = 0, scale = 0;
  for (std::size_t i = 0; i < f32.size(); ++i) {
    worst = std::max(worst, std::abs(f32[i] - bf16[i]));
    scale = std::max(scale, std::abs(f32[i]));
  }
  EXPECT_GT(worst, 0.0f);  // really a different cache type
  EXPECT_LE(worst, 1e-2f * scale);
  EXPECT_EQ(test::argmax(f32), test::argmax(bf16));
  const KvType resolved = resolve_kv_type(KvType::kAuto);
  EXPECT_TRUE(resolved == KvType::kF16 || resolved == KvType::kBf16);
  EXPECT_EQ(resolve_kv_type(KvType::kF32), KvType::kF32);
  EXPECT_EQ(*parse_kv_type("bf16"), KvType::kBf16);
  EXPECT_STREQ(kv_type_name(KvType::kAuto), "auto");
  auto bad = parse_kv_type("q8");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
}

TEST(Session, LimitsAndBadInput) {
  auto m = test::load_tiny(test::varied());
  auto s = make_session(m, {.n_ctx = 256, .n_batch = 64, .n_threads = 1});
  ASSERT_EQ(s->n_ctx(), 256);
  std::vector<Token> empty;
  auto r = s->prefill(empty);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);

  std::vector<Token> too_long(300, m->tokenize("x", false)[0]);
  r = s->prefill(too_long);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kOutOfRange);
  EXPECT_NE(r.error().message.find("300"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("256"), std::string::npos) << r.error().message;

  std::vector<Token> bad = {1, 2, m->n_vocab()};
  r = s->prefill(bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s->push(-3).error().code, ErrorCode::kInvalidArgument);

  // Fill the context exactly, then one more push overflows.
  std::vector<Token> full(256, m->tokenize("x", false)[0]);
  ASSERT_TRUE(s->prefill(full));
  auto st = s->push(full[0]);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kOutOfRange);
  // The session is still usable afterwards.
  ASSERT_TRUE(s->rewind(10));
  EXPECT_TRUE(s->push(full[0]));

  EXPECT_EQ(Session::create(nullptr).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Session::create(m, {.n_batch = 0}).error().code, ErrorCode::kInvalidArgument);
  testing::TinyModelOptions vo;
  vo.vocab_only = true;
  auto vocab_model = test::load_tiny(vo, true);
  EXPECT_EQ(Session::create(vocab_model).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace codeloom::llm
