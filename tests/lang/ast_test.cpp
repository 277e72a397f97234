#include "codeloom/lang/ast.h"

#include <gtest/gtest.h>

namespace codeloom::lang {
namespace {

TEST(Ast, MirrorsTheTree) {
  auto tree = SourceTree::parse("x = f(1)\n", Language::kPython);
  ASSERT_TRUE(tree);
  auto ast = to_ast(*tree);
  ASSERT_TRUE(ast) << ast.error().message;
  EXPECT_EQ(ast->type, "module");
  EXPECT_TRUE(ast->named);
  EXPECT_EQ(ast->range.start_byte, 0u);
  ASSERT_EQ(ast->children.size(), 1u);
  const AstNode& assignment = ast->children[0].children[0];
  EXPECT_EQ(assignment.type, "assignment");
  ASSERT_EQ(assignment.children.size(), 3u);  // left, '=', right
  EXPECT_EQ(assignment.children[0].field, "left");
  EXPECT_EQ(assignment.children[0].text, "x");
  EXPECT_EQ(assignment.children[1].type, "=");
  EXPECT_FALSE(assignment.children[1].named);
  EXPECT_EQ(assignment.children[2].field, "right");
  EXPECT_EQ(assignment.children[2].range.start, (Position{1, 5}));
  EXPECT_EQ(ast_size(*ast), 11u);  // module stmt assign x = call f args ( 1 )
}

TEST(Ast, NamedOnlyDropsKeywordsAndPunctuation) {
  auto tree = SourceTree::parse("int f() { return 1; }", Language::kCpp);
  ASSERT_TRUE(tree);
  auto ast = to_ast(*tree, {.named_only = true, .leaf_text = false});
  ASSERT_TRUE(ast);
  std::vector<const AstNode*> stack{&*ast};
  while (!stack.empty()) {
    const AstNode* n = stack.back();
    stack.pop_back();
    EXPECT_TRUE(n->named) << n->type;
    EXPECT_TRUE(n->text.empty());
    for (const auto& c : n->children) stack.push_back(&c);
  }
  // translation_unit function_definition primitive_type function_declarator
  // identifier parameter_list compound_statement return_statement number_literal
  EXPECT_EQ(ast_size(*ast), 9u) << ast_to_json(*ast, 1);
}

TEST(Ast, JsonRoundTrip) {
  for (Language l : all_languages()) {
    const char* src = l == Language::kPython ? "def f(a):\n    return a  # é\n"
                      : l == Language::kJava ? "class A { int f() { return 1; } }"
                      : l == Language::kCpp  ? "int f() { return 1 }"  // with a MISSING node
                                             : "const f = (a) => a ?? `x${a}`;";
    auto tree = SourceTree::parse(src, l);
    ASSERT_TRUE(tree);
    auto ast = to_ast(*tree);
    ASSERT_TRUE(ast);
    const std::string json = ast_to_json(*ast);
    auto back = ast_from_json(json);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(*back, *ast) << language_name(l);
    EXPECT_EQ(ast_to_json(*back, 2), ast_to_json(*ast, 2));
  }
}

TEST(Ast, JsonFormatIsStable) {
  auto tree = SourceTree::parse("x", Language::kPython);
  ASSERT_TRUE(tree);
  auto ast = to_ast(*tree, {.named_only = true});
  ASSERT_TRUE(ast);
  EXPECT_EQ(ast_to_json(*ast),
            R"({"children":[{"children":[{"children":[],"end":[1,2],"end_byte":1,"named":true,)"
            R"("start":[1,1],"start_byte":0,"text":"x","type":"identifier"}],"end":[1,2],)"
            R"("end_byte":1,"named":true,"start":[1,1],"start_byte":0,"type":"expression_statement"}],)"
            R"("end":[1,2],"end_byte":1,"named":true,"start":[1,1],"start_byte":0,"type":"module"})");
}

TEST(Ast, MalformedJsonIsRejected) {
  for (const char* bad : {"", "{", "[]", R"({"type":1})", R"({"type":"x","start_byte":0})",
                          R"({"type":"x","start_byte":0,"end_byte":1,"start":[1],"end":[1,2]})",
                          R"({"type":"x","start_byte":0,"end_byte":1,"start":[1,1],"end":[1,2],"children":{}})"}) {
    auto r = ast_from_json(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(r.error().message.find("invalid AST JSON"), std::string::npos);
  }
}

TEST(Ast, TooDeepTreesFailCleanly) {
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "[";
  deep += "1";
  for (int i = 0; i < 3000; ++i) deep += "]";
  auto tree = SourceTree::parse(deep, Language::kJavaScript);
  ASSERT_TRUE(tree);
  auto ast = to_ast(*tree);
  ASSERT_FALSE(ast);
  EXPECT_EQ(ast.error().code, ErrorCode::kOutOfRange);
  auto ok = to_ast(*tree, {.max_depth = 10000});
  ASSERT_TRUE(ok);
  EXPECT_GT(ast_size(*ok), 6000u);
}

}  // namespace
}  // namespace codeloom::lang
