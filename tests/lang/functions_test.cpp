// Function extraction on small hand-written inputs: names, scopes, kinds,
// signatures, docs, bodies and ranges per language.
#include "codeloom/lang/functions.h"

#include <gtest/gtest.h>

namespace codeloom::lang {
namespace {

std::vector<FunctionUnit> extract(const std::string& src, Language l) {
  auto tree = SourceTree::parse(src, l);
  EXPECT_TRUE(tree) << tree.error().message;
  return tree ? extract_functions(*tree) : std::vector<FunctionUnit>{};
}

std::vector<std::string> names(const std::vector<FunctionUnit>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(f.qualified_name);
  return out;
}

TEST(FunctionsPython, DecoratedAsyncNestedAndMethods) {
  const std::string src =
      "import x\n"
      "@decorator\n"
      "@other(1)\n"
      "async def fetch(url: str) -> bytes:\n"
      "    '''Fetch it.'''\n"
      "    def helper():\n"
      "        return 1\n"
      "    return helper()\n"
      "\n"
      "class Outer:\n"
      "    \"\"\"Class doc.\"\"\"\n"
      "    def __init__(self):\n"
      "        self.x = 1\n"
      "    class Inner:\n"
      "        @staticmethod\n"
      "        def make():\n"
      "            pass\n";
  const auto fs = extract(src, Language::kPython);
  EXPECT_EQ(names(fs), (std::vector<std::string>{"fetch", "fetch.helper", "Outer.__init__",
                                                 "Outer.Inner.make"}));
  ASSERT_EQ(fs.size(), 4u);
  EXPECT_EQ(fs[0].kind, FunctionKind::kFunction);
  EXPECT_EQ(fs[0].range.start.line, 2u);  // decorators belong to the unit
  EXPECT_EQ(fs[0].range.end.line, 8u);
  EXPECT_EQ(fs[0].signature, "async def fetch(url: str) -> bytes:");
  EXPECT_EQ(fs[0].doc, "Fetch it.");
  EXPECT_EQ(fs[0].body_range.start.line, 5u);
  EXPECT_EQ(fs[0].body.rfind("'''Fetch it.'''", 0), 0u);
  EXPECT_EQ(fs[1].kind, FunctionKind::kFunction);
  EXPECT_EQ(fs[1].scope, "fetch");
  EXPECT_EQ(fs[2].kind, FunctionKind::kConstructor);
  EXPECT_EQ(fs[2].scope, "Outer");
  EXPECT_TRUE(fs[2].doc.empty());
  EXPECT_EQ(fs[3].kind, FunctionKind::kMethod);
  EXPECT_EQ(fs[3].name, "make");
  EXPECT_EQ(fs[3].range.start.line, 15u);
  EXPECT_EQ(fs[3].language, Language::kPython);
  // The byte range is consistent with the text.
  EXPECT_EQ(src.substr(fs[3].range.start_byte, 13), "@staticmethod");
}

TEST(FunctionsJava, MethodsConstructorsAcrossTypeKinds) {
  const std::string src =
      "package p;\n"
      "/** Doc of A. */\n"
      "public class A<T> {\n"
      "  /** Makes an A. */\n"
      "  public A() { super(); }\n"
      "  // plain comment\n"
      "  int size() { return 0; }\n"
      "  abstract void notADefinition();\n"
      "  enum E { X; void m() {} }\n"
      "  interface I { void n(); default void d() {} }\n"
      "  record R(int a) { R { } static R of() { return null; } }\n"
      "  Runnable r = new Runnable() { public void run() {} };\n"
      "}\n";
  const auto fs = extract(src, Language::kJava);
  EXPECT_EQ(names(fs), (std::vector<std::string>{"A.A", "A.size", "A.E.m", "A.I.d", "A.R.R",
                                                 "A.R.of", "A.<anonymous>.run"}));
  ASSERT_EQ(fs.size(), 7u);
  EXPECT_EQ(fs[0].kind, FunctionKind::kConstructor);
  EXPECT_EQ(fs[0].doc, "/** Makes an A. */");
  EXPECT_EQ(fs[0].signature, "public A()");
  EXPECT_EQ(fs[0].body, "{ super(); }");
  EXPECT_EQ(fs[1].kind, FunctionKind::kMethod);
  EXPECT_EQ(fs[1].doc, "// plain comment");
  EXPECT_EQ(fs[1].range.start.line, 7u);
  EXPECT_EQ(fs[4].kind, FunctionKind::kConstructor);  // compact record constructor
}

TEST(FunctionsCpp, DefinitionsNotDeclarations) {
  const std::string src =
      "#include <vector>\n"
      "namespace ns {\n"
      "int declared(int);\n"
      "// Adds.\n"
      "int add(int a, int b) { return a + b; }\n"
      "template <typename T>\n"
      "T Box<T>::get() const { return v; }\n"
      "struct S {\n"
      "  S() {}\n"
      "  ~S() {}\n"
      "  S(const S&) = default;\n"
      "  bool operator==(const S& o) const { return true; }\n"
      "  operator bool() const { return true; }\n"
      "  int* ptr() { return nullptr; }\n"
      "  struct In { void f() {} };\n"
      "};\n"
      "inline int& A::B::ref() { static int x; return x; }\n"
      "}  // namespace ns\n";
  const auto fs = extract(src, Language::kCpp);
  EXPECT_EQ(names(fs), (std::vector<std::string>{"add", "Box.get", "S.S", "S.~S", "S.operator==",
                                                 "S.operator bool", "S.ptr", "S.In.f",
                                                 "A.B.ref"}));
  ASSERT_EQ(fs.size(), 9u);
  EXPECT_EQ(fs[0].kind, FunctionKind::kFunction);
  EXPECT_EQ(fs[0].doc, "// Adds.");
  EXPECT_EQ(fs[0].signature, "int add(int a, int b)");
  EXPECT_EQ(fs[1].kind, FunctionKind::kMethod);
  EXPECT_EQ(fs[1].range.start.line, 6u);  // starts at `template`
  EXPECT_EQ(fs[1].signature, "template <typename T>\nT Box<T>::get() const");
  EXPECT_EQ(fs[2].kind, FunctionKind::kConstructor);
  EXPECT_EQ(fs[3].kind, FunctionKind::kMethod);
  EXPECT_EQ(fs[8].scope, "A.B");
}

TEST(FunctionsJavaScript, DeclarationsMethodsAndBoundFunctions) {
  const std::string src =
      "// Doubles.\n"
      "export function double(a) { return a * 2; }\n"
      "const arrow = async (x) => x * 2, named = function inner() {};\n"
      "/** Klass. */\n"
      "class K extends B {\n"
      "  constructor() { super(); }\n"
      "  static #secret() {}\n"
      "  get q() { return 1; }\n"
      "}\n"
      "module.exports.z = function () {};\n"
      "Foo.prototype.bar = function () {};\n"
      "const obj = { m() {}, 'n': () => 1 };\n"
      "let notAFunction = 3;\n";
  const auto fs = extract(src, Language::kJavaScript);
  EXPECT_EQ(names(fs), (std::vector<std::string>{"double", "arrow", "named", "K.constructor",
                                                 "K.#secret", "K.q", "z", "Foo.bar", "obj.m",
                                                 "obj.n"}));
  ASSERT_EQ(fs.size(), 10u);
  EXPECT_EQ(fs[0].doc, "// Doubles.");
  EXPECT_EQ(fs[0].range.start.line, 2u);
  EXPECT_EQ(fs[1].body, "x * 2");  // expression-bodied arrow
  EXPECT_EQ(fs[1].signature, "arrow = async (x) =>");
  EXPECT_EQ(fs[3].kind, FunctionKind::kConstructor);
  EXPECT_EQ(fs[4].kind, FunctionKind::kMethod);
  EXPECT_EQ(fs[7].scope, "Foo");
}

TEST(Functions, BrokenCodeStillYieldsTheIntactFunctions) {
  const auto fs = extract("def ok():\n    return 1\n\ndef broken(:\n    pass\n", Language::kPython);
  ASSERT_GE(fs.size(), 1u);
  EXPECT_EQ(fs[0].name, "ok");
}

TEST(Functions, KindNames) {
  EXPECT_EQ(function_kind_name(FunctionKind::kFunction), "function");
  EXPECT_EQ(function_kind_name(FunctionKind::kMethod), "method");
  EXPECT_EQ(function_kind_name(FunctionKind::kConstructor), "constructor");
}

}  // namespace
}  // namespace codeloom::lang
