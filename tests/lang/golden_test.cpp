// Golden files: real sources from the Python stdlib, the JDK, libstdc++ and npm
// packages (tests/data/lang/golden/<language>/), each with <file>.expected.json
// listing functions (qualified name, kind, line range), syntax errors and token
// class counts. C++ files are parsed with libstdcxx_macros() ignored. Regenerate with CODELOOM_UPDATE_GOLDEN=1 and review the diff.
#include <nlohmann/json.hpp>

#include <map>

#include "codeloom/lang/functions.h"
#include "codeloom/lang/source_tree.h"
#include "codeloom/lang/tokens.h"
#include "test_util.h"

namespace codeloom::lang {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

json describe(const SourceTree& tree) {
  json out;
  out["language"] = language_name(tree.language());
  json errors = json::array();
  for (const SyntaxError& e : tree.syntax_errors())
    errors.push_back({{"line", e.position.line}, {"column", e.position.column}, {"message", e.message}});
  out["syntax_errors"] = errors;
  json functions = json::array();
  for (const FunctionUnit& f : extract_functions(tree))
    functions.push_back({{"name", f.qualified_name},
                         {"kind", function_kind_name(f.kind)},
                         {"lines", {f.range.start.line, f.range.end.line}}});
  out["functions"] = functions;
  std::map<std::string, int> counts;
  for (const Token& t : classify_tokens(tree)) ++counts[std::string(token_class_name(t.cls))];
  out["token_counts"] = counts;
  return out;
}

std::vector<std::string> golden_sources() {
  std::vector<std::string> out;
  const fs::path root = testing::data_dir() / "golden";
  if (!fs::exists(root)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && !name.ends_with(".expected.json") && name != "README.md")
      out.push_back(fs::relative(entry.path(), root).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesExpected) {
  const fs::path src = testing::data_dir() / "golden" / GetParam();
  // libstdc++ headers need their attribute macros hidden (ParseOptions::ignore_macros).
  ParseOptions options;
  if (GetParam().starts_with("cpp/")) options.ignore_macros = libstdcxx_macros();
  auto tree = SourceTree::parse_file(src.string(), nullptr, options);
  ASSERT_TRUE(tree) << tree.error().message;
  const json actual = describe(*tree);
  const fs::path expected_path = src.string() + ".expected.json";
  if (testing::update_golden()) {
    std::ofstream(expected_path) << actual.dump(1) << "\n";
    GTEST_SKIP() << "rewrote " << expected_path;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " missing; run with CODELOOM_UPDATE_GOLDEN=1";
  const json expected = json::parse(testing::read_file(expected_path));
  EXPECT_EQ(actual["language"], expected["language"]);
  EXPECT_EQ(actual["syntax_errors"], expected["syntax_errors"]) << actual["syntax_errors"].dump(1);
  ASSERT_EQ(actual["functions"].size(), expected["functions"].size());
  for (std::size_t i = 0; i < actual["functions"].size(); ++i)
    EXPECT_EQ(actual["functions"][i], expected["functions"][i]) << "function #" << i;
  EXPECT_EQ(actual["token_counts"], expected["token_counts"]);
}

TEST(GoldenCorpus, HasEnoughFilesPerLanguage) {
  std::map<std::string, int> per_language;
  for (const std::string& f : golden_sources()) ++per_language[f.substr(0, f.find('/'))];
  EXPECT_GE(per_language["python"], 8);
  EXPECT_GE(per_language["java"], 8);
  EXPECT_GE(per_language["cpp"], 8);
  EXPECT_GE(per_language["javascript"], 2);
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string s = info.param;
  for (char& c : s) if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Files, Golden, ::testing::ValuesIn(golden_sources()), test_name);

}  // namespace
}  // namespace codeloom::lang
