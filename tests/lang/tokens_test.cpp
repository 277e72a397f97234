#include "codeloom/lang/tokens.h"

#include <gtest/gtest.h>

#include <map>

namespace codeloom::lang {
namespace {

// "text:class" for every token, for compact expectations.
std::vector<std::string> render(const std::string& src, Language l) {
  auto tree = SourceTree::parse(src, l);
  EXPECT_TRUE(tree);
  std::vector<std::string> out;
  for (const Token& t : classify_tokens(*tree)) {
    EXPECT_EQ(src.substr(t.start_byte, t.end_byte - t.start_byte), t.text);
    out.push_back(std::string(t.text) + ":" + std::string(token_class_name(t.cls)));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(Tokens, Python) {
  EXPECT_EQ(render("def f(x: int):\n    # hi\n    obj.append(True, None, 1.5, \"s{x}\")\n",
                   Language::kPython),
            (V{"def:keyword", "f:identifier", "(:punctuation", "x:identifier", "::punctuation",
               "int:type", "):punctuation", "::punctuation", "# hi:comment", "obj:identifier",
               ".:punctuation", "append:api_call", "(:punctuation", "True:literal",
               ",:punctuation", "None:literal", ",:punctuation", "1.5:literal", ",:punctuation",
               "\"s{x}\":literal", "):punctuation"}));
}

TEST(Tokens, Java) {
  EXPECT_EQ(render("class A { int f(String s) { return list.get(0) + g(s) ; } }", Language::kJava),
            (V{"class:keyword", "A:identifier", "{:punctuation", "int:type", "f:identifier",
               "(:punctuation", "String:type", "s:identifier", "):punctuation", "{:punctuation",
               "return:keyword", "list:identifier", ".:punctuation", "get:api_call",
               "(:punctuation", "0:literal", "):punctuation", "+:operator", "g:api_call",
               "(:punctuation", "s:identifier", "):punctuation", ";:punctuation",
               "}:punctuation", "}:punctuation"}));
}

TEST(Tokens, Cpp) {
  EXPECT_EQ(render("#include <x>\nvoid f() { std::sort(a, b); v->push_back('c'); auto p = nullptr; }\n",
                   Language::kCpp),
            (V{"#include:keyword", "<x>:other", "void:type", "f:identifier", "(:punctuation",
               "):punctuation", "{:punctuation", "std:identifier", ":::punctuation",
               "sort:api_call", "(:punctuation", "a:identifier", ",:punctuation", "b:identifier",
               "):punctuation", ";:punctuation", "v:identifier", "->:operator",
               "push_back:api_call", "(:punctuation", "'c':literal", "):punctuation",
               ";:punctuation", "auto:keyword", "p:identifier", "=:operator", "nullptr:literal",
               ";:punctuation", "}:punctuation"}));
}

TEST(Tokens, JavaScript) {
  EXPECT_EQ(render("const r = a.b.c(1, `t${y}`) // end\n", Language::kJavaScript),
            (V{"const:keyword", "r:identifier", "=:operator", "a:identifier", ".:punctuation",
               "b:identifier", ".:punctuation", "c:api_call", "(:punctuation", "1:literal",
               ",:punctuation", "`t${y}`:literal", "):punctuation", "// end:comment"}));
}

TEST(Tokens, TokensAreOrderedAndNonOverlapping) {
  auto tree = SourceTree::parse("x = [i for i in range(10) if i % 2]\n", Language::kPython);
  ASSERT_TRUE(tree);
  std::size_t last_end = 0;
  for (const Token& t : classify_tokens(*tree)) {
    EXPECT_GE(t.start_byte, last_end);
    EXPECT_GT(t.end_byte, t.start_byte);
    last_end = t.end_byte;
  }
}

TEST(Keywords, ComeFromTheGrammar) {
  EXPECT_TRUE(is_keyword(Language::kPython, "def"));
  EXPECT_TRUE(is_keyword(Language::kPython, "lambda"));
  EXPECT_FALSE(is_keyword(Language::kPython, "append"));
  EXPECT_TRUE(is_keyword(Language::kJava, "synchronized"));
  EXPECT_FALSE(is_keyword(Language::kJava, "def"));
  EXPECT_TRUE(is_keyword(Language::kCpp, "constexpr"));
  EXPECT_TRUE(is_keyword(Language::kCpp, "#include"));
  EXPECT_TRUE(is_keyword(Language::kJavaScript, "yield"));
  for (Language l : all_languages()) {
    const auto& kw = keywords(l);
    EXPECT_GT(kw.size(), 20u) << language_name(l);
    EXPECT_TRUE(std::is_sorted(kw.begin(), kw.end()));
  }
}

TEST(Tokens, ClassNames) {
  EXPECT_EQ(token_class_name(TokenClass::kApiCall), "api_call");
  EXPECT_EQ(token_class_name(TokenClass::kPunctuation), "punctuation");
}

}  // namespace
}  // namespace codeloom::lang
