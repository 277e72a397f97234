// Hand-written files with deliberate errors at known positions
// (tests/data/lang/syntax_errors.json): position, byte offset and message.
#include <nlohmann/json.hpp>

#include "codeloom/lang/source_tree.h"
#include "test_util.h"

namespace codeloom::lang {
namespace {

using nlohmann::json;

std::size_t offset_of(const std::string& text, std::size_t line, std::size_t column) {
  std::size_t off = 0;
  for (std::size_t l = 1; l < line; ++l) off = text.find('\n', off) + 1;
  return off + column - 1;
}

TEST(SyntaxErrors, KnownPositionsAndMessages) {
  const json cases = json::parse(testing::read_file(testing::data_dir() / "syntax_errors.json"));
  ASSERT_GE(cases.size(), 12u);
  for (const json& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    auto lang = parse_language_name(c["language"].get<std::string>());
    ASSERT_TRUE(lang);
    const std::string source = c["source"];
    auto tree = SourceTree::parse(source, *lang);
    ASSERT_TRUE(tree) << tree.error().message;
    const auto errors = tree->syntax_errors();
    EXPECT_EQ(tree->has_errors(), !c["errors"].empty());
    ASSERT_EQ(errors.size(), c["errors"].size());
    for (std::size_t i = 0; i < errors.size(); ++i) {
      const json& want = c["errors"][i];
      EXPECT_EQ(errors[i].position.line, want["line"].get<std::size_t>());
      EXPECT_EQ(errors[i].position.column, want["column"].get<std::size_t>());
      EXPECT_EQ(errors[i].message, want["message"].get<std::string>());
      EXPECT_EQ(errors[i].byte_offset,
                offset_of(source, want["line"].get<std::size_t>(), want["column"].get<std::size_t>()));
    }
  }
}

TEST(SyntaxErrors, GarbageIsReportedAndCapped) {
  std::string garbage;
  for (int i = 0; i < 500; ++i) garbage += ") ] } ; ,, ::: @@ ";
  for (Language l : all_languages()) {
    auto tree = SourceTree::parse(garbage, l);
    ASSERT_TRUE(tree);
    EXPECT_TRUE(tree->has_errors());
    const auto errors = tree->syntax_errors(10);
    EXPECT_GE(errors.size(), 1u);
    EXPECT_LE(errors.size(), 10u);
    for (const auto& e : errors) EXPECT_FALSE(e.message.empty());
  }
}

TEST(SyntaxErrors, LongOffendingTokenIsShortened) {
  const std::string name(200, 'a');
  auto tree = SourceTree::parse("x = (1 " + name + " 2)\n", Language::kPython);
  ASSERT_TRUE(tree);
  const auto errors = tree->syntax_errors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_LT(errors[0].message.size(), 60u) << errors[0].message;
  EXPECT_EQ(errors[0].message, "unexpected `" + std::string(24, 'a') + "...`");
}

TEST(SyntaxErrors, DeepNestingDoesNotCrash) {
  std::string deep(20000, '(');  // unclosed: one deep error
  for (Language l : all_languages()) {
    auto tree = SourceTree::parse(deep, l);
    ASSERT_TRUE(tree);
    EXPECT_TRUE(tree->has_errors());
    EXPECT_FALSE(tree->syntax_errors().empty());
  }
}

}  // namespace
}  // namespace codeloom::lang
