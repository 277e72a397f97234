// codebleu's comment/docstring removal quirks, reproduced (expected outputs were
// checked against codebleu 0.7.0's remove_comments_and_docstrings on Python 3.11).
#include <gtest/gtest.h>

#include <set>

#include "codebleu_clean.h"
#include "codebleu_syntax.h"
#include "codeloom/lang/ast.h"
#include "codeloom/lang/source_tree.h"

namespace codeloom::eval::detail {
namespace {

using lang::Language;

struct CleanCase {
  const char* name;
  Language language;
  const char* input;
  const char* expected;
};

const CleanCase kCases[] = {
    {"py_comment_and_docstring", Language::kPython,
     "def f(a):\n    \"\"\"Doc.\"\"\"\n    # note\n    return a  # trailing\n",
     "def f(a):\n    return a  "},
    {"py_string_statement_start_dropped", Language::kPython,
     "x = 1\n\"-\".join(y)\n", "x = 1\n.join(y)"},
    {"py_tabs_become_spaces_except_indent", Language::kPython,
     "if x:\n\ta\t= 1\n\tb = 2\n", "if x:\n\ta = 1\n b = 2"},
    {"py_backslash_joins_lines", Language::kPython, "x = 1 + \\\n    2\n", "x = 1 +    2"},
    {"py_tokenize_error_keeps_source", Language::kPython, "x = (1,\n", "x = (1,\n"},
    {"py_bad_dedent_keeps_source", Language::kPython, "if x:\n    a\n  b\n", "if x:\n    a\n  b\n"},
    {"c_line_and_block_comments", Language::kCpp, "int a; // c\n/* b */ int b;\n\n", "int a;  \n  int b;"},
    {"c_comment_markers_inside_strings", Language::kJava, "s = \"// no\"; /* x */\n", "s = \"// no\";  "},
    {"c_unterminated_quote_is_not_a_string", Language::kCpp, "int n = 1'000; // c\n", "int n = 1'000;  "},
    {"c_digit_separator_pairs_with_later_quote", Language::kCpp, "a = 1'0; // it's\nb;\n",
     "a = 1'0; // it's\nb;"},
};

TEST(CodebleuClean, Cases) {
  for (const auto& c : kCases) EXPECT_EQ(remove_comments_compat(c.input, c.language), c.expected) << c.name;
}

TEST(CodebleuSyntax, SexpMatchesTreeSitter) {
  // node_sexp of the root must equal tree-sitter's own ts_node_string().
  const std::pair<Language, const char*> inputs[] = {
      {Language::kPython, "def f(a, b=2):\n    return [x for x in a if x > b]\n"},
      {Language::kJava, "class A { int f(int a) { for (int i = 0; i < a; i++) a += i; return a; } }"},
      {Language::kCpp, "int f(int a) { auto s = std::string(\"x\"); return a + s.size(); }"},
      {Language::kCpp, "int f( { return }"},  // error recovery: ERROR / MISSING nodes
      {Language::kPython, "def f(:\n  x = $\n"},
  };
  for (const auto& [language, code] : inputs) {
    auto tree = lang::SourceTree::parse(code, language);
    ASSERT_TRUE(tree);
    auto ast = lang::to_ast(*tree, {.named_only = false, .leaf_text = true});
    ASSERT_TRUE(ast);
    EXPECT_EQ(node_sexp(*ast), tree->sexp()) << code;
    // Fingerprints partition the subtrees exactly like their strings do.
    std::vector<std::string> strings = subtree_sexps(*ast);
    std::vector<SexpKey> keys = subtree_keys(*ast);
    ASSERT_EQ(strings.size(), keys.size());
    std::set<std::string> distinct_strings(strings.begin(), strings.end());
    std::set<std::pair<std::uint64_t, std::uint64_t>> distinct_keys;
    for (const auto& k : keys) distinct_keys.insert({k.hash, k.length});
    EXPECT_EQ(distinct_strings.size(), distinct_keys.size()) << code;
  }
}

}  // namespace
}  // namespace codeloom::eval::detail
