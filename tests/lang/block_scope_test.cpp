// block_end cases as data (tests/data/lang/block_cases.json): each case gives a
// prefix, generated text and the expected truncation (null: block still open).
// Every case is checked one-shot, byte by byte and in random chunks.
#include "codeloom/lang/block_scope.h"

#include <nlohmann/json.hpp>

#include <random>

#include "test_util.h"

namespace codeloom::lang {
namespace {

using nlohmann::json;

TEST(BlockEnd, DataCases) {
  const json cases = json::parse(testing::read_file(testing::data_dir() / "block_cases.json"));
  ASSERT_GE(cases.size(), 30u);
  std::mt19937 rng(42);
  for (const json& c : cases) {
    const std::string name = c["name"];
    SCOPED_TRACE(name);
    auto lang = parse_language_name(c["language"].get<std::string>());
    ASSERT_TRUE(lang);
    const std::string prefix = c["prefix"], generated = c["generated"];
    const auto one_shot = block_end(*lang, prefix, generated);
    if (c["expected"].is_null()) {
      EXPECT_FALSE(one_shot) << "ended at " << *one_shot << ": [" << generated.substr(0, *one_shot) << "]";
    } else {
      ASSERT_TRUE(one_shot) << "still open";
      EXPECT_EQ(generated.substr(0, *one_shot), c["expected"].get<std::string>());
    }
    BlockTracker bytewise(*lang, prefix);
    for (char ch : generated) bytewise.feed(std::string_view(&ch, 1));
    EXPECT_EQ(bytewise.end(), one_shot);
    EXPECT_EQ(bytewise.generated_size(), generated.size());
    BlockTracker chunked(*lang, prefix);
    for (std::size_t i = 0; i < generated.size();) {
      const std::size_t n = 1 + rng() % 5;
      chunked.feed(std::string_view(generated).substr(i, n));
      i += n;
    }
    EXPECT_EQ(chunked.end(), one_shot);
  }
}

TEST(BlockEnd, AnswerIsStableOnceFound) {
  BlockTracker t(Language::kCpp, "void f() {\n");
  EXPECT_FALSE(t.feed("  x();\n"));
  auto end = t.feed("}\n");
  ASSERT_TRUE(end);
  EXPECT_EQ(*end, 8u);
  EXPECT_EQ(t.feed("int y; } } }"), end);
  EXPECT_EQ(t.generated_size(), 7u + 2u + 12u);
}

TEST(BlockEnd, CopiesForkIndependently) {
  BlockTracker base(Language::kPython, "def f():\n");
  base.feed("    x = 1\n");
  BlockTracker beam = base;
  EXPECT_TRUE(beam.feed("y = 2\n"));
  EXPECT_FALSE(base.feed("    y = 2\n"));
  EXPECT_FALSE(base.end());
  BlockTracker moved = std::move(beam);
  EXPECT_EQ(*moved.end(), 10u);
  base = moved;
  EXPECT_EQ(*base.end(), 10u);
}

TEST(BlockEnd, LinearTimeOnLongInput) {
  // A long generation fed token by token stays fast (O(piece) per feed).
  BlockTracker t(Language::kJavaScript, "function f() {\n");
  std::string line = "  s += `x${y}` + '}' + /}/.source; // }\n";
  for (int i = 0; i < 20000; ++i) ASSERT_FALSE(t.feed(line));
  EXPECT_TRUE(t.feed("}\n"));
}

TEST(BlockEnd, GarbageNeverCrashes) {
  std::mt19937 rng(7);
  const std::string alphabet = "{}()[]\"'`/\\*#\n :;=R\t";
  for (Language l : all_languages()) {
    for (int round = 0; round < 50; ++round) {
      std::string prefix, gen;
      for (int i = 0; i < 200; ++i) prefix += alphabet[rng() % alphabet.size()];
      for (int i = 0; i < 200; ++i) gen += alphabet[rng() % alphabet.size()];
      auto end = block_end(l, prefix, gen);
      if (end) {
        EXPECT_LE(*end, gen.size());
      }
    }
  }
}

}  // namespace
}  // namespace codeloom::lang
