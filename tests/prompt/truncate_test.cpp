// keep_tail / keep_head: cut points on line boundaries, inside a line only
// when the line next to the cursor alone is too long.
#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "codeloom/common/text.h"
#include "codeloom/prompt/truncate.h"
#include "prompt/test_models.h"

namespace codeloom::prompt {
namespace {

// One token per byte: a byte-level tokenizer, easy to check by hand.
std::size_t bytes(std::string_view s) { return s.size(); }

struct TailCase { std::string text; std::size_t max; std::size_t start; };
struct HeadCase { std::string text; std::size_t max; std::size_t end; };

TEST(KeepTail, ByteCounterCases) {
  const std::vector<TailCase> cases = {
      {"aa\nbbb\ncc", 100, 0},  // everything fits
      {"aa\nbbb\ncc", 9, 0},
      {"aa\nbbb\ncc", 8, 3},    // drop "aa\n"
      {"aa\nbbb\ncc", 6, 3},    // exactly "bbb\ncc"
      {"aa\nbbb\ncc", 5, 7},    // only the cursor line "cc"
      {"aa\nbbb\ncc", 2, 7},
      {"aa\nbbb\ncc", 1, 8},    // the cursor line alone is too long: cut inside it
      {"aa\nbbb\ncc", 0, 9},
      {"", 5, 0},
      {"aa\nbbb\n", 4, 3},      // prefix ending at a line start: "bbb\n"
      {"x\n\xC3\xA9\xC3\xA9", 3, 4},  // "éé" (4 bytes): never split a character
      {"x\n\xC3\xA9\xC3\xA9", 1, 6},  // no whole character fits in 1 byte
  };
  for (const auto& c : cases) {
    EXPECT_EQ(keep_tail(c.text, c.max, bytes), c.start) << c.text << " max=" << c.max;
  }
}

TEST(KeepHead, ByteCounterCases) {
  const std::vector<HeadCase> cases = {
      {"aa\nbbb\ncc", 100, 9},
      {"aa\nbbb\ncc", 8, 7},   // "aa\nbbb\n"
      {"aa\nbbb\ncc", 6, 3},   // "aa\n"
      {"aa\nbbb\ncc", 3, 3},
      {"aa\nbbb\ncc", 2, 2},   // first line without its newline
      {"aa\nbbb\ncc", 1, 1},   // cut inside the first line
      {"aa\nbbb\ncc", 0, 0},
      {"\xC3\xA9\xC3\xA9\nz", 3, 2},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(keep_head(c.text, c.max, bytes), c.end) << c.text << " max=" << c.max;
  }
}

// A hint only narrows the search: the answer is the same with any hint,
// including hints on the wrong side of the true cut.
TEST(KeepTailHead, HintsNeverChangeTheAnswer) {
  const std::string text = "aa\nbbb\ncc\nd\neeee\nff";
  for (std::size_t max = 0; max <= text.size(); ++max) {
    const std::size_t tail = keep_tail(text, max, bytes);
    const std::size_t head = keep_head(text, max, bytes);
    for (std::size_t hint = 0; hint <= text.size() + 1; ++hint) {
      EXPECT_EQ(keep_tail(text, max, bytes, hint), tail) << "max=" << max << " hint=" << hint;
      EXPECT_EQ(keep_head(text, max, bytes, hint), head) << "max=" << max << " hint=" << hint;
    }
  }
}

// A close hint makes the search cheap from either side: a few counts, never
// the whole text (each count of a huge prefix tokenizes megabytes).
TEST(KeepTailHead, CloseHintsCostAFewCounts) {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "line " + std::to_string(i) + " of the file\n";
  const std::size_t max = 1000;  // bytes: ~50 lines
  const std::size_t tail = keep_tail(text, max, bytes);
  const std::size_t head = keep_head(text, max, bytes);
  ASSERT_GT(tail, 0u);
  ASSERT_LT(head, text.size());
  // Distinct texts counted: the prompt builder memoizes counts (repeats are free).
  std::set<std::pair<const char*, std::size_t>> probes;
  TokenCounter counted = [&](std::string_view s) {
    probes.insert({s.data(), s.size()});
    return s.size();
  };
  // On the answer, one line before it (the hint's margin) and one line after it.
  for (long shift : {0L, -25L, 25L}) {
    probes.clear();
    EXPECT_EQ(keep_tail(text, max, counted, static_cast<std::size_t>(static_cast<long>(tail) + shift)), tail);
    EXPECT_LE(probes.size(), 4u) << "keep_tail, hint shifted by " << shift;
    probes.clear();
    EXPECT_EQ(keep_head(text, max, counted, static_cast<std::size_t>(static_cast<long>(head) + shift)), head);
    EXPECT_LE(probes.size(), 4u) << "keep_head, hint shifted by " << shift;
  }
}

// With a real tokenizer: the kept text fits, starts on a line, and one more
// line would not fit (the cut is as late as possible).
TEST(KeepTail, RealTokenizerKeepsMaximalWholeLines) {
  auto model = testing::named_model("qwen2");
  ASSERT_TRUE(model) << model.error().message;
  TokenCounter count = [&](std::string_view s) { return (*model)->tokenize(s, false).size(); };
  std::string text;
  for (int i = 0; i < 50; ++i) text += "    total += values[" + std::to_string(i) + "] * weight\n";
  text += "    return tot";
  for (std::size_t max : {5u, 20u, 37u, 100u, 333u}) {
    const std::size_t s = keep_tail(text, max, count);
    ASSERT_LE(s, text.size());
    EXPECT_LE(count(std::string_view(text).substr(s)), max);
    EXPECT_TRUE(s == 0 || text[s - 1] == '\n') << "max=" << max;
    if (s > 0) {
      const std::size_t prev = text.rfind('\n', s - 2) == std::string::npos ? 0 : text.rfind('\n', s - 2) + 1;
      EXPECT_GT(count(std::string_view(text).substr(prev)), max) << "one more line would have fit";
    }
  }
}

TEST(KeepHead, RealTokenizerNeverSplitsCharacters) {
  auto model = testing::named_model("deepseek-coder");
  ASSERT_TRUE(model) << model.error().message;
  TokenCounter count = [&](std::string_view s) { return (*model)->tokenize(s, false).size(); };
  const std::string text = "s = \"\xE4\xBD\xA0\xE5\xA5\xBD\xE4\xB8\x96\xE7\x95\x8C \xF0\x9F\x98\x80 caf\xC3\xA9\"\n";
  for (std::size_t max = 0; max < 20; ++max) {
    const std::size_t e = keep_head(text, max, count);
    EXPECT_TRUE(is_valid_utf8(std::string_view(text).substr(0, e))) << "max=" << max;
    EXPECT_LE(count(std::string_view(text).substr(0, e)), max);
  }
}

}  // namespace
}  // namespace codeloom::prompt
