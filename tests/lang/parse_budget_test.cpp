// Bounded parsing: the pathological sources of tests/data/lang/pathological/
// cases.tsv either parse with linear post-processing (functions, syntax errors,
// tokens) or fail with the budget error, never stall. Time bounds here are
// generous (10 s for work that takes well under 1 s; it took minutes before);
// the exact timings are bench/parse_bounds.sh's.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "codeloom/lang/functions.h"
#include "codeloom/lang/source_tree.h"
#include "codeloom/lang/tokens.h"
#include "test_util.h"

namespace codeloom::lang {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kGenerousSeconds = 10.0;

struct Case {
  std::string name;
  Language language = Language::kPython;
  std::string text;
  bool too_complex = false;
};

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 'n' || s[i + 1] == 't')) {
      out += s[++i] == 'n' ? '\n' : '\t';
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<Case> load_cases() {
  std::ifstream in(testing::data_dir() / "pathological" / "cases.tsv");
  std::vector<Case> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, '\t');) f.push_back(cell);
    EXPECT_EQ(f.size(), 6u) << line;
    if (f.size() != 6) continue;
    auto language = parse_language_name(f[1]);
    EXPECT_TRUE(language) << line;
    if (!language) continue;
    Case c{f[0], *language, unescape(f[2]), f[5] == "too_complex"};
    const std::string unit = unescape(f[3]);
    for (int i = std::stoi(f[4]); i > 0; --i) c.text += unit;
    out.push_back(std::move(c));
  }
  return out;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST(ParseBudget, PathologicalCasesParseLinearlyOrFailWithTheBudgetError) {
  const auto cases = load_cases();
  ASSERT_GE(cases.size(), 8u);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ParseOptions options;
    // "ok" cases test the post-processing, so a loaded machine must not make their
    // parse hit the budget; "too_complex" cases run with the default budget.
    if (!c.too_complex) options.time_limit = std::chrono::seconds(60);
    const auto start = Clock::now();
    auto tree = SourceTree::parse(c.text, c.language, options);
    const double parse_s = seconds_since(start);
    if (c.too_complex) {
      ASSERT_FALSE(tree) << "parsed in " << parse_s << " s";
      EXPECT_EQ(tree.error().code, ErrorCode::kOutOfRange);
      EXPECT_NE(tree.error().message.find("too complex"), std::string::npos) << tree.error().message;
      EXPECT_NE(tree.error().message.find("at line "), std::string::npos) << tree.error().message;
      EXPECT_LT(parse_s, kGenerousSeconds);
      continue;
    }
    ASSERT_TRUE(tree) << tree.error().message;
    const auto post = Clock::now();
    const auto errors = tree->syntax_errors();
    const auto functions = extract_functions(*tree);
    const auto tokens = classify_tokens(*tree);
    const double post_s = seconds_since(post);
    EXPECT_FALSE(errors.empty());
    EXPECT_GT(tokens.size(), 10000u);
    EXPECT_LT(post_s, kGenerousSeconds) << "functions/errors/tokens took " << post_s << " s";
  }
}

TEST(ParseBudget, NestedFunctionBodiesAreNotCopiedPerLevel) {
  // 500 nested functions around a 1 MB comment: every body holds the comment, so
  // extract_functions copied 500 MB (4 s); now bodies total at most 8x the text.
  std::string text;
  for (int i = 0; i < 500; ++i) text += "function f(){";
  text += "/*" + std::string(1u << 20, 'x') + "*/";
  for (int i = 0; i < 500; ++i) text += "}";
  auto tree = SourceTree::parse(text, Language::kJavaScript);
  ASSERT_TRUE(tree) << tree.error().message;
  const auto functions = extract_functions(*tree);
  std::size_t body_bytes = 0;
  for (const FunctionUnit& f : functions) body_bytes += f.body.size();
  EXPECT_LE(body_bytes, 8 * text.size() + (1u << 20));
  ASSERT_FALSE(functions.empty());
  EXPECT_EQ(functions[0].qualified_name, "f");  // the outermost units are kept
  EXPECT_EQ(functions[1].qualified_name, "f.f");
}

TEST(ParseBudget, FlatErrorRecoveryIsRefusedByTheMemoryBudget) {
  // 3 MB of unclosed brackets parses in ~2 s but tree-sitter allocates ~340 bytes
  // per input byte (1 GB here, 10+ GB at max_bytes); real code takes 20-35.
  std::string text;
  for (int i = 0; i < 1000000; ++i) text += "[1,";
  ParseOptions options;
  options.time_limit = std::chrono::milliseconds(0);  // memory alone
  options.memory_limit = 64u << 20;                   // keeps the test's peak near 100 MB
  auto tree = SourceTree::parse(text, Language::kJavaScript, options);
  ASSERT_FALSE(tree);
  EXPECT_EQ(tree.error().code, ErrorCode::kOutOfRange);
  EXPECT_NE(tree.error().message.find("memory budget"), std::string::npos) << tree.error().message;

  // Real code of that size stays far inside the memory budget.
  std::string real;
  for (const auto& entry : std::filesystem::directory_iterator(testing::data_dir() / "golden" / "python"))
    if (entry.path().extension() == ".py") real += testing::read_file(entry.path());
  const std::string one = real;
  while (real.size() < (3u << 20)) real += one;
  auto parsed = SourceTree::parse(real, Language::kPython, options);
  EXPECT_TRUE(parsed) << parsed.error().message;
}

TEST(ParseBudget, TinyBudgetRefusesWhatNoBudgetParses) {
  // 1 MB of ordinary code takes far more than 1 ms: the budget must trigger, and
  // time_limit 0 must switch it off.
  std::string text;
  while (text.size() < (1u << 20)) text += "def f(x):\n    return [x, (x + 1) * 2, {'k': x}]\n";
  ParseOptions tiny;
  tiny.time_limit = std::chrono::milliseconds(1);
  tiny.time_per_mib = std::chrono::milliseconds(0);
  auto refused = SourceTree::parse(text, Language::kPython, tiny);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kOutOfRange);
  ParseOptions none;
  none.time_limit = std::chrono::milliseconds(0);
  none.memory_limit = 0;
  auto parsed = SourceTree::parse(text, Language::kPython, none);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_FALSE(parsed->has_errors());
}

TEST(ParseBudget, EditOverBudgetLeavesTreeAndParserUsable) {
  const std::string original = "def f(x):\n    return x\n";
  auto tree = SourceTree::parse(original, Language::kPython);
  ASSERT_TRUE(tree) << tree.error().message;
  std::string stall = "x = \"\"\"";
  for (int i = 0; i < 130000; ++i) stall += "abc def\n";
  const auto start = Clock::now();
  auto r = tree->apply_edit({.start_byte = original.size(), .old_end_byte = original.size(), .new_text = stall});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kOutOfRange);
  EXPECT_LT(seconds_since(start), kGenerousSeconds);
  EXPECT_EQ(tree->text(), original);
  EXPECT_FALSE(tree->has_errors());
  // The cancelled parse must not be resumed by the next one.
  auto ok = tree->apply_edit({.start_byte = 4, .old_end_byte = 5, .new_text = "g"});
  ASSERT_TRUE(ok) << ok.error().message;
  auto fresh = SourceTree::parse(tree->text(), Language::kPython);
  ASSERT_TRUE(fresh);
  EXPECT_EQ(tree->sexp(), fresh->sexp());
}

}  // namespace
}  // namespace codeloom::lang
