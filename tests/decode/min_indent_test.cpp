// llama.cpp's n_indent rule (GenerateOptions::min_indent): cases in
// tests/data/decode/min_indent.json, generated token by token over a real
// vocabulary; the streamed text must never include what the rule cuts.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "codeloom/decode/generate.h"
#include "codeloom/decode/min_indent.h"
#include "decode/scripted_source.h"
#include "prompt/test_models.h"

namespace codeloom::decode {
namespace {

nlohmann::json cases() {
  std::ifstream in(std::string(CODELOOM_TEST_DATA_DIR) + "/decode/min_indent.json");
  EXPECT_TRUE(in) << "missing tests/data/decode/min_indent.json";
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

TEST(MinIndent, CutsAsLlamaCppServer) {
  auto m = testing::named_model("deepseek-coder");
  ASSERT_TRUE(m) << m.error().message;
  const nlohmann::json all = cases();
  ASSERT_TRUE(all.contains("cases")) << "min_indent.json is not valid";
  ASSERT_GE(all["cases"].size(), 5u);
  for (const auto& c : all["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    testing::ScriptedSource src(**m, {testing::script_of(**m, {c["generated"].get<std::string>()})});
    GenerateOptions o;
    o.sampling.temperature = 0.0f;
    o.max_tokens = 200;
    o.min_indent = c["n_indent"].get<int>();
    auto scope = parse_scope(c.value("scope", "full"));
    ASSERT_TRUE(scope);
    o.scope = *scope;
    const std::string expected = c["expected"];
    std::string streamed;
    Callbacks cb;
    cb.on_text = [&](int, std::string_view d) {
      streamed += d;
      EXPECT_TRUE(expected.starts_with(streamed)) << "streamed text the rule later removed: " << streamed;
    };
    auto r = generate(src, std::vector<llm::Token>{1}, o, cb);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ((*r)[0].text, expected);
    EXPECT_STREQ(finish_reason_name((*r)[0].finish), c["finish"].get<std::string>().c_str());
    EXPECT_EQ(streamed, expected);
  }
}

TEST(MinIndent, FeedsPieceBoundariesAlike) {
  // The same text split at every byte gives the same cut as one piece.
  const std::string text = "ab\n  cd\n ef\n";
  for (std::size_t split = 0; split <= text.size(); ++split) {
    auto t = with_min_indent(nullptr, 2);
    auto cut = t->feed(std::string_view(text).substr(0, split));
    if (!cut) cut = t->feed(std::string_view(text).substr(split));
    ASSERT_TRUE(cut) << split;
    EXPECT_EQ(*cut, 9u) << split;  // after "ab\n  cd\n "
  }
  EXPECT_EQ(with_min_indent(nullptr, 0), nullptr);
}

}  // namespace
}  // namespace codeloom::decode
