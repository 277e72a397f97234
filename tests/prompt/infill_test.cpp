// Infill/completion prompt behaviour beyond the golden files: errors, the
// budget split, token-level details of the CodeLlama format.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "codeloom/prompt/infill.h"
#include "codeloom/prompt/truncate.h"
#include "prompt/test_models.h"

namespace codeloom::prompt {
namespace {

std::shared_ptr<llm::Model> load(const std::string& name) {
  auto m = testing::named_model(name);
  EXPECT_TRUE(m) << m.error().message;
  return m ? *m : nullptr;
}

std::string numbered_lines(const std::string& stem, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += stem + std::to_string(i) + " = " + std::to_string(i * 7) + "\n";
  return s;
}

TEST(Infill, SuffixOnModelWithoutFimIsUnsupportedButPlainCompletionWorks) {
  auto m = load("gpt-2");
  ASSERT_TRUE(m);
  InfillRequest req{.prefix = "def f(x):\n    return", .suffix = "\n\nprint(f(2))\n"};
  auto p = build_code_prompt(*m, req);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ErrorCode::kUnsupported);
  EXPECT_NE(p.error().message.find("omit the suffix"), std::string::npos) << p.error().message;
  auto q = build_infill_prompt(*m, InfillRequest{.prefix = "x"});
  ASSERT_FALSE(q);
  EXPECT_EQ(q.error().code, ErrorCode::kUnsupported);

  req.suffix.clear();
  auto plain = build_code_prompt(*m, req);
  ASSERT_TRUE(plain) << plain.error().message;
  EXPECT_FALSE(plain->fim);
  EXPECT_EQ(m->detokenize(plain->tokens), req.prefix);
}

TEST(Infill, CodeLlamaSuffixHasNoDummySpaceAndPrefixHasOne) {
  auto m = load("codellama");
  ASSERT_TRUE(m);
  auto p = build_infill_prompt(*m, InfillRequest{.prefix = "def f():", .suffix = "return 1\n"});
  ASSERT_TRUE(p) << p.error().message;
  const auto& t = p->tokens;
  ASSERT_GE(t.size(), 6u);
  EXPECT_EQ(t[0], m->bos());
  EXPECT_EQ(t[1], p->format.prefix);
  EXPECT_EQ(m->token_to_piece(t[2]).front(), ' ');  // "<PRE> {prefix}": SentencePiece's space
  auto suf = std::find(t.begin(), t.end(), p->format.suffix);
  auto mid = std::find(t.begin(), t.end(), p->format.middle);
  ASSERT_TRUE(suf != t.end() && mid == t.end() - 1);
  std::string suffix_text;
  for (auto it = suf + 1; it != mid; ++it) suffix_text += m->token_to_piece(*it);
  EXPECT_EQ(suffix_text, "return 1\n");  // "<SUF>{suffix}": no leading space
}

// A suffix that itself starts with a space keeps exactly that one space.
TEST(Infill, CodeLlamaSuffixStartingWithSpace) {
  auto m = load("codellama");
  ASSERT_TRUE(m);
  auto p = build_infill_prompt(*m, InfillRequest{.prefix = "x = a", .suffix = " * b\n"});
  ASSERT_TRUE(p) << p.error().message;
  auto suf = std::find(p->tokens.begin(), p->tokens.end(), p->format.suffix);
  std::string suffix_text;
  for (auto it = suf + 1; it != p->tokens.end() - 1; ++it) suffix_text += m->token_to_piece(*it);
  EXPECT_EQ(suffix_text, " * b\n");
}

TEST(Infill, SpecialTokenTextInUserCodeStaysText) {
  auto m = load("qwen-coder");
  ASSERT_TRUE(m);
  auto p = build_infill_prompt(*m, InfillRequest{.prefix = "s = '<|fim_prefix|><|file_sep|>'\n", .suffix = "<|fim_middle|>"});
  ASSERT_TRUE(p);
  EXPECT_EQ(std::count(p->tokens.begin(), p->tokens.end(), p->format.prefix), 1);
  EXPECT_EQ(std::count(p->tokens.begin(), p->tokens.end(), p->format.middle), 1);
  EXPECT_EQ(std::count(p->tokens.begin(), p->tokens.end(), p->format.file_sep), 0);
}

TEST(Infill, BadInputIsAnErrorNotACrash) {
  auto m = load("qwen-coder");
  ASSERT_TRUE(m);
  auto bad_utf8 = build_infill_prompt(*m, InfillRequest{.prefix = "x = '\xC3'", .suffix = ""});
  ASSERT_FALSE(bad_utf8);
  EXPECT_EQ(bad_utf8.error().code, ErrorCode::kInvalidArgument);
  auto bad_extra = build_infill_prompt(*m, InfillRequest{.prefix = "x", .extra = {{"a.bin", std::string("\0\x01", 2)}}});
  ASSERT_FALSE(bad_extra);
  EXPECT_EQ(bad_extra.error().code, ErrorCode::kInvalidArgument);
  auto tiny = build_infill_prompt(*m, InfillRequest{.prefix = "x"}, {.n_ctx = 4, .max_new_tokens = 2});
  ASSERT_FALSE(tiny);
  EXPECT_EQ(tiny.error().code, ErrorCode::kOutOfRange);
  EXPECT_NE(tiny.error().message.find("raise n_ctx"), std::string::npos);
  for (PromptBudget b : {PromptBudget{.n_ctx = 0}, PromptBudget{.max_new_tokens = -1},
                         PromptBudget{.suffix_share = 1.5}, PromptBudget{.suffix_share = std::nan("")}}) {
    auto r = build_infill_prompt(*m, InfillRequest{.prefix = "x"}, b);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  }
}

// kAuto: SPM for codeloom's own models (trained on both orders; better infill
// and suffix KV reuse), PSM for every third-party family.
TEST(Infill, AutoOrderIsSpmForCodeloomModelsAndPsmOtherwise) {
  for (const char* name : {"codeloom", "qwen-coder"}) {
    auto m = load(name);
    ASSERT_TRUE(m);
    auto build = [&](FimOrder order) {
      auto p = build_infill_prompt(*m, InfillRequest{.prefix = "def f(x):\n    ", .suffix = "\n    return y\n",
                                                     .order = order});
      EXPECT_TRUE(p) << p.error().message;
      return p ? p->tokens : std::vector<llm::Token>{};
    };
    const auto psm = build(FimOrder::kPsm), spm = build(FimOrder::kSpm), def = build(InfillRequest{}.order);
    ASSERT_NE(psm, spm) << name;
    EXPECT_EQ(def, std::string(name) == "codeloom" ? spm : psm) << name;
  }
  EXPECT_EQ(*parse_fim_order("spm"), FimOrder::kSpm);
  EXPECT_EQ(*parse_fim_order("psm"), FimOrder::kPsm);
  EXPECT_STREQ(fim_order_name(*parse_fim_order("auto")), "auto");
  auto bad = parse_fim_order("pms");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.error().message.find("auto, psm or spm"), std::string::npos);
}

// The split: with both sides long, the suffix gets at most floor(share *
// available) tokens and the prefix the rest (less whatever does not fit on
// a line boundary); with a short prefix, the suffix takes the unused share.
TEST(Infill, BudgetSplitBetweenPrefixAndSuffix) {
  auto m = load("qwen-coder");
  ASSERT_TRUE(m);
  const std::string long_prefix = numbered_lines("a", 200);
  const std::string long_suffix = numbered_lines("b", 200);
  for (int n_ctx : {48, 64, 100, 257, 1000}) {
    PromptBudget b{.n_ctx = n_ctx, .max_new_tokens = 16, .suffix_share = 0.25};
    auto p = build_infill_prompt(*m, InfillRequest{.prefix = long_prefix, .suffix = long_suffix}, b);
    ASSERT_TRUE(p) << p.error().message;
    const auto& r = p->report;
    EXPECT_EQ(r.available, static_cast<std::size_t>(n_ctx - 16) - r.fixed_tokens);
    EXPECT_EQ(p->tokens.size(), r.fixed_tokens + r.prefix_tokens + r.suffix_tokens);
    EXPECT_LE(p->tokens.size(), static_cast<std::size_t>(n_ctx - 16));
    // The suffix may also take what the prefix's line cut left over, which
    // is less than one prefix line (at most 11 tokens here: "a199 = 1393\n").
    EXPECT_LE(r.suffix_tokens, r.available / 4 + 11) << n_ctx;
    EXPECT_GE(r.prefix_tokens + 11, r.available - r.available / 4) << n_ctx;
    EXPECT_TRUE(long_prefix.ends_with(p->kept_prefix));
    EXPECT_TRUE(long_suffix.starts_with(p->kept_suffix));
    EXPECT_TRUE(p->kept_suffix.empty() || p->kept_suffix.back() == '\n');
  }
  // Short prefix: the suffix may use far more than a quarter.
  PromptBudget b{.n_ctx = 100, .max_new_tokens = 16};
  auto p = build_infill_prompt(*m, InfillRequest{.prefix = "def f():\n", .suffix = long_suffix}, b);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->report.prefix_bytes_dropped, 0u);
  EXPECT_GT(p->report.suffix_tokens, p->report.available / 2);
  // Short suffix: the prefix gets the unused share.
  auto q = build_infill_prompt(*m, InfillRequest{.prefix = long_prefix, .suffix = "\n"}, b);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->report.suffix_bytes_dropped, 0u);
  EXPECT_GT(q->report.prefix_tokens, q->report.available * 3 / 4);
}

// Exact kept text for small budgets, checked by hand against the qwen2
// tokenizer (it splits numbers into single digits); the 3 FIM markers are
// the fixed tokens and max_new_tokens is 3, so available = n_ctx - 6.
TEST(Infill, TruncationKeepsExactLinesNearTheCursor) {
  auto m = load("qwen-coder");
  ASSERT_TRUE(m);
  InfillRequest req{.prefix = "a1 = 7\na2 = 14\na3 = 21\nreturn a", .suffix = "1 + a2\nb1 = 1\nb2 = 2\nb3 = 3\n"};
  auto count = [&](const std::string& s) { return m->tokenize(s, false).size(); };
  ASSERT_EQ(count("a1 = 7\n"), 6u);
  ASSERT_EQ(count("a2 = 14\na3 = 21\nreturn a"), 16u);
  ASSERT_EQ(count("1 + a2\n"), 5u);
  ASSERT_EQ(count("1 + a2\nb1 = 1\n"), 11u);
  ASSERT_EQ(count(req.suffix), 23u);

  // available 21: suffix cap floor(21/4) = 5 -> prefix budget 16 keeps
  // "a2..." (16); the suffix gets 21 - 16 = 5: its first line.
  auto p = build_infill_prompt(*m, req, {.n_ctx = 27, .max_new_tokens = 3});
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->report.available, 21u);
  EXPECT_EQ(p->kept_prefix, "a2 = 14\na3 = 21\nreturn a");
  EXPECT_EQ(p->kept_suffix, "1 + a2\n");
  EXPECT_EQ(p->report.prefix_bytes_dropped, std::string("a1 = 7\n").size());
  EXPECT_EQ(p->report.suffix_bytes_dropped, req.suffix.size() - 7);
  EXPECT_EQ(p->tokens.size(), 3u + 16u + 5u);

  // available 33: cap 8, prefix budget 25 keeps the whole prefix (22); the
  // 11 tokens left go to the suffix — more than its cap, since the prefix did not need them.
  auto q = build_infill_prompt(*m, req, {.n_ctx = 39, .max_new_tokens = 3});
  ASSERT_TRUE(q) << q.error().message;
  EXPECT_EQ(q->kept_prefix, req.prefix);
  EXPECT_EQ(q->kept_suffix, "1 + a2\nb1 = 1\n");
  EXPECT_EQ(q->tokens.size(), 3u + 22u + 11u);
}

// On large inputs the builder searches near a token-count hint; the kept
// text must equal an exhaustive search without hints.
TEST(Infill, LargeInputMatchesExhaustiveSearch) {
  auto m = load("qwen-coder");
  ASSERT_TRUE(m);
  const std::string prefix = numbered_lines("p", 3000) + "def f(x):\n    return x *";
  const std::string suffix = " 2\n\n" + numbered_lines("s", 3000);
  TokenCounter count = [&](std::string_view s) { return m->tokenize(s, false).size(); };
  for (int n_ctx : {512, 3000}) {
    auto p = build_infill_prompt(*m, InfillRequest{.prefix = prefix, .suffix = suffix}, {.n_ctx = n_ctx, .max_new_tokens = 64});
    ASSERT_TRUE(p) << p.error().message;
    const std::size_t avail = p->report.available;
    const std::size_t cap = avail / 4;
    const std::size_t pstart = keep_tail(prefix, avail - std::min(count(suffix), cap), count);
    EXPECT_EQ(p->kept_prefix, prefix.substr(pstart)) << n_ctx;
    const std::size_t send = keep_head(suffix, avail - count(prefix.substr(pstart)), count);
    EXPECT_EQ(p->kept_suffix, suffix.substr(0, send)) << n_ctx;
  }
}

TEST(Infill, ExtraFilesAreDroppedFirstWholeAndInOrder) {
  auto m = load("qwen-coder");
  ASSERT_TRUE(m);
  InfillRequest req{.prefix = "def area(r):\n    return", .suffix = "\n",
                    .extra = {{"small.py", "PI = 3.14159\n"}, {"big.py", numbered_lines("c", 50)},
                              {"tiny.py", "E = 2.718\n"}},
                    .filename = "geo.py"};
  auto full = build_infill_prompt(*m, req, {.n_ctx = 4096});
  ASSERT_TRUE(full);
  EXPECT_TRUE(full->report.extra_files_dropped.empty());
  auto small = build_infill_prompt(*m, req, {.n_ctx = 96, .max_new_tokens = 16});
  ASSERT_TRUE(small) << small.error().message;
  EXPECT_EQ(small->report.extra_files_dropped, std::vector<std::string>{"big.py"});
  EXPECT_EQ(small->report.prefix_bytes_dropped, 0u);  // code beats context
  const std::string text = render_tokens(*m, small->tokens);
  EXPECT_NE(text.find("<|file_sep|>small.py\nPI = 3.14159\n"), std::string::npos) << text;
  EXPECT_NE(text.find("<|file_sep|>tiny.py\nE = 2.718\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace codeloom::prompt
