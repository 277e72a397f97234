#include "codeloom/lang/source_tree.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace codeloom::lang {
namespace {

TEST(SourceTree, ParsesCleanCode) {
  auto t = SourceTree::parse("def f(x):\n    return x + 1\n", Language::kPython);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_FALSE(t->has_errors());
  EXPECT_TRUE(t->syntax_errors().empty());
  EXPECT_EQ(t->language(), Language::kPython);
  EXPECT_EQ(t->text(), "def f(x):\n    return x + 1\n");
  EXPECT_EQ(t->sexp().rfind("(module (function_definition", 0), 0u) << t->sexp();
}

TEST(SourceTree, EmptyInputIsAValidTree) {
  for (Language l : all_languages()) {
    auto t = SourceTree::parse("", l);
    ASSERT_TRUE(t);
    EXPECT_FALSE(t->has_errors());
  }
}

TEST(SourceTree, RejectsBinaryAndInvalidUtf8) {
  auto bin = SourceTree::parse(std::string("int x;\0\x01\x02", 10), Language::kCpp);
  ASSERT_FALSE(bin);
  EXPECT_EQ(bin.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(bin.error().message.find("binary"), std::string::npos) << bin.error().message;

  auto bad = SourceTree::parse("x = 1\ny = '\xC3\x28'\n", Language::kPython);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos) << bad.error().message;
}

TEST(SourceTree, RejectsOversizedInput) {
  ParseOptions small;
  small.max_bytes = 8;
  auto t = SourceTree::parse("int main() { return 0; }", Language::kCpp, small);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kOutOfRange);
  EXPECT_NE(t.error().message.find("max_bytes"), std::string::npos);
}

TEST(SourceTree, ParseFileDetectsLanguageAndReportsMissingFiles) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto path = dir / "codeloom_lang_tree_test.js";
  { std::ofstream(path) << "const f = (a) => a * 2;\n"; }
  auto t = SourceTree::parse_file(path.string());
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->language(), Language::kJavaScript);
  const Language forced = Language::kPython;
  auto forced_tree = SourceTree::parse_file(path.string(), &forced);
  ASSERT_TRUE(forced_tree);
  EXPECT_EQ(forced_tree->language(), Language::kPython);
  std::filesystem::remove(path);

  auto missing = SourceTree::parse_file((dir / "codeloom_no_such_file.py").string());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  const auto unknown = dir / "codeloom_lang_tree_test.txt";
  { std::ofstream(unknown) << "hello\n"; }
  auto undetected = SourceTree::parse_file(unknown.string());
  ASSERT_FALSE(undetected);
  EXPECT_NE(undetected.error().message.find("supported"), std::string::npos);
  std::filesystem::remove(unknown);
}

TEST(SourceTree, MovesKeepTheTree) {
  auto t = SourceTree::parse("class A { void f() {} }", Language::kJava);
  ASSERT_TRUE(t);
  SourceTree moved = std::move(*t);
  EXPECT_EQ(moved.text(), "class A { void f() {} }");
  EXPECT_FALSE(moved.has_errors());
}

TEST(SourceTree, IgnoreMacrosBlanksOnlyTheParserInput) {
  const std::string src =
      "namespace std _GLIBCXX_VISIBILITY(default)\n{\n"
      "  inline int f(int x) _GLIBCXX_NOEXCEPT { return _GLIBCXX_MOVE(x); }\n}\n";
  auto raw = SourceTree::parse(src, Language::kCpp);
  ASSERT_TRUE(raw);
  EXPECT_TRUE(raw->has_errors());
  ParseOptions options;
  options.ignore_macros = libstdcxx_macros();
  auto clean = SourceTree::parse(src, Language::kCpp, options);
  ASSERT_TRUE(clean);
  EXPECT_FALSE(clean->has_errors()) << clean->sexp();
  EXPECT_EQ(clean->text(), src);  // positions and text refer to the original
  // Macros only apply to C++.
  auto py = SourceTree::parse("_GLIBCXX_X = 1\n", Language::kPython, options);
  ASSERT_TRUE(py);
  EXPECT_NE(py->sexp().find("identifier"), std::string::npos);
}

}  // namespace
}  // namespace codeloom::lang
