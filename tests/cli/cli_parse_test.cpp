// `codeloom parse`: functions and syntax errors of real files, as text and JSON.
#include "cli_env.h"

namespace codeloom::testing {
namespace {

TEST(CliParse, ListsFunctionsAndErrorsAsJson) {
  auto file = write_temp_file("shapes.py",
                              "class Circle:\n"
                              "    def area(self):\n"
                              "        return 3.14159 * self.r ** 2\n"
                              "\n"
                              "def broken(x:\n"
                              "    return x\n");
  auto r = codeloom({"parse", file, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["language"], "python");
  ASSERT_GE(j["functions"].size(), 1u);
  EXPECT_EQ(j["functions"][0]["qualified_name"], "Circle.area");
  EXPECT_EQ(j["functions"][0]["range"]["start_line"], 2);
  EXPECT_EQ(j["functions"][0]["range"]["end_line"], 3);
  ASSERT_FALSE(j["syntax_errors"].empty());
  EXPECT_EQ(j["syntax_errors"][0]["line"], 5);

  // --check turns syntax errors into a failing exit status; text mode prints file:line:col.
  r = codeloom({"parse", file, "--check"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(file + ":5:"), std::string::npos) << r.out;
}

TEST(CliParse, ReadsStdinAndClassifiesTokens) {
  auto r = codeloom({"parse", "-", "--language", "cpp", "--tokens", "--json"},
                    "int add(int a, int b) { return std::max(a, b); }\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["functions"].size(), 1u);
  EXPECT_EQ(j["functions"][0]["name"], "add");
  bool saw_call = false, saw_keyword = false;
  for (const auto& t : j["tokens"]) {
    saw_call |= t["class"] == "api_call" && t["text"] == "max";
    saw_keyword |= t["class"] == "keyword" && t["text"] == "return";
  }
  EXPECT_TRUE(saw_call);
  EXPECT_TRUE(saw_keyword);
}

TEST(CliParse, JavaFileDetectedByExtension) {
  auto file = write_temp_file("Stack.java",
                              "public class Stack {\n"
                              "  private int n;\n"
                              "  public Stack() { n = 0; }\n"
                              "  public int size() { return n; }\n"
                              "}\n");
  auto r = codeloom({"parse", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("java, 2 functions, 0 syntax errors"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Stack.size"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace codeloom::testing
