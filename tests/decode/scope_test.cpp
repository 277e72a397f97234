// Completion scopes on real code: the scripted "model" generates a whole
// continuation token by token (real tokenizer); the scope decides where the
// completion ends.
#include <gtest/gtest.h>

#include "codeloom/decode/generate.h"
#include "decode/scripted_source.h"
#include "prompt/test_models.h"

namespace codeloom::decode {
namespace {

using lang::Language;

const llm::Model& vocab() {
  static auto m = testing::named_model("deepseek-coder");
  EXPECT_TRUE(m) << m.error().message;
  return **m;
}

struct ScopeCase {
  std::string name;
  Scope scope;
  std::optional<Language> language;
  std::string prefix;
  std::string generated;  // what the model would write without a scope
  std::string expected;   // the completion after the scope cut
  FinishReason finish;
};

void PrintTo(const ScopeCase& c, std::ostream* os) { *os << c.name; }

class ScopeCut : public ::testing::TestWithParam<ScopeCase> {};

TEST_P(ScopeCut, EndsWhereTheScopeEnds) {
  const ScopeCase& c = GetParam();
  const auto& m = vocab();
  // One token at a time, exactly as the tokenizer splits the text.
  testing::ScriptedSource src(m, {testing::script_of(m, {c.generated})});
  GenerateOptions o;
  o.sampling.temperature = 0.0f;
  o.max_tokens = 200;
  o.scope = c.scope;
  o.scope_context = {c.language, c.prefix};
  std::string streamed;
  Callbacks cb;
  cb.on_text = [&](int, std::string_view d) {
    streamed += d;
    EXPECT_TRUE(c.expected.starts_with(streamed)) << "streamed text the scope later removed: " << streamed;
  };
  auto r = generate(src, std::vector<llm::Token>{1}, o, cb);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ((*r)[0].text, c.expected);
  EXPECT_EQ((*r)[0].finish, c.finish);
  EXPECT_EQ(streamed, c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Real, ScopeCut,
    ::testing::Values(
        // line: the first newline after some text.
        ScopeCase{"line_rest_of_statement", Scope::kLine, {}, "x = ", "compute(1)\ny = 2\n", "compute(1)",
                  FinishReason::kScope},
        ScopeCase{"line_after_colon_skips_leading_newline", Scope::kLine, {}, "def f():",
                  "\n    return 1\n\ndef g():\n", "\n    return 1", FinishReason::kScope},
        ScopeCase{"line_crlf", Scope::kLine, {}, "a = ", "1\r\nb = 2", "1", FinishReason::kScope},
        ScopeCase{"line_no_newline_until_eos", Scope::kLine, {}, "a = ", "[1, 2, 3]", "[1, 2, 3]",
                  FinishReason::kEos},
        // block, Python: the suite ends at the first dedented line.
        ScopeCase{"python_def_body_ends_at_dedent", Scope::kBlock, Language::kPython,
                  "def area(r):\n", "    pi = 3.14159\n    return pi * r * r\n\nprint(area(2))\n",
                  "    pi = 3.14159\n    return pi * r * r\n\n", FinishReason::kScope},
        ScopeCase{"python_nested_if_inside_def", Scope::kBlock, Language::kPython,
                  "def sign(x):\n    if x < 0:\n", "        return -1\n    return 1\n",
                  "        return -1\n", FinishReason::kScope},
        ScopeCase{"python_string_with_dedent_text_is_not_an_end", Scope::kBlock, Language::kPython,
                  "def doc():\n", "    s = \"\"\"\nnot the end\n\"\"\"\n    return s\nx = 1\n",
                  "    s = \"\"\"\nnot the end\n\"\"\"\n    return s\n", FinishReason::kScope},
        // The comment introducing the next definition is not part of the body,
        // and is never streamed before the cut.
        ScopeCase{"python_trailing_comment_is_held_back_and_cut", Scope::kBlock, Language::kPython,
                  "def area(r):\n", "    return 3.14 * r * r\n# Volumes\n\n# of spheres\ndef volume(r):\n",
                  "    return 3.14 * r * r\n", FinishReason::kScope},
        ScopeCase{"python_trailing_comment_kept_when_the_block_goes_on", Scope::kBlock, Language::kPython,
                  "def area(r):\n", "    pi = 3.14\n# half-way note\n    return pi * r * r\nx = 1\n",
                  "    pi = 3.14\n# half-way note\n    return pi * r * r\n", FinishReason::kScope},
        // block, braces.
        ScopeCase{"cpp_if_block", Scope::kBlock, Language::kCpp, "int f(int x) {\n  if (x > 0) {\n",
                  "    return 1;\n  }\n  return 0;\n}\n", "    return 1;\n  }", FinishReason::kScope},
        ScopeCase{"cpp_string_containing_brace", Scope::kBlock, Language::kCpp,
                  "void g() {\n  const char* s = ", "\"}\";\n  h(s); // }\n}\nint k;\n",
                  "\"}\";\n  h(s); // }\n}", FinishReason::kScope},
        ScopeCase{"java_method_body", Scope::kBlock, Language::kJava,
                  "class A {\n  int max(int a, int b) {\n",
                  "    char c = '}';\n    return a > b ? a : b;\n  }\n  int min() { return 0; }\n}\n",
                  "    char c = '}';\n    return a > b ? a : b;\n  }", FinishReason::kScope},
        ScopeCase{"javascript_template_literal", Scope::kBlock, Language::kJavaScript,
                  "function f(x) {\n", "  return `${x} }`;\n}\nf(1);\n", "  return `${x} }`;\n}",
                  FinishReason::kScope},
        // full: everything until end of generation.
        ScopeCase{"full", Scope::kFull, {}, "", "a\n}\nb\n", "a\n}\nb\n", FinishReason::kEos}),
    [](const auto& info) { return info.param.name; });

TEST(ScopeParse, Names) {
  EXPECT_EQ(*parse_scope("line"), Scope::kLine);
  EXPECT_EQ(*parse_scope("block"), Scope::kBlock);
  EXPECT_EQ(*parse_scope("full"), Scope::kFull);
  auto bad = parse_scope("paragraph");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_STREQ(scope_name(Scope::kBlock), "block");
}

}  // namespace
}  // namespace codeloom::decode
