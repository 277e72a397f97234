#include "codeloom/lang/language.h"

#include <gtest/gtest.h>

namespace codeloom::lang {
namespace {

TEST(LanguageName, RoundTripsThroughParse) {
  for (Language l : all_languages()) {
    auto parsed = parse_language_name(language_name(l));
    ASSERT_TRUE(parsed) << language_name(l);
    EXPECT_EQ(*parsed, l);
  }
  EXPECT_EQ(all_languages().size(), 4u);
}

TEST(LanguageName, AcceptsAliasesCaseInsensitively) {
  EXPECT_EQ(*parse_language_name("py"), Language::kPython);
  EXPECT_EQ(*parse_language_name("Python3"), Language::kPython);
  EXPECT_EQ(*parse_language_name("C++"), Language::kCpp);
  EXPECT_EQ(*parse_language_name("cxx"), Language::kCpp);
  EXPECT_EQ(*parse_language_name("JS"), Language::kJavaScript);
  EXPECT_EQ(*parse_language_name("node"), Language::kJavaScript);
  EXPECT_EQ(*parse_language_name("JAVA"), Language::kJava);
}

TEST(LanguageName, UnknownNameListsSupportedLanguages) {
  for (const char* bad : {"rust", "", "pyth", "c"}) {
    auto r = parse_language_name(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    for (const char* name : {"python", "java", "cpp", "javascript"})
      EXPECT_NE(r.error().message.find(name), std::string::npos) << r.error().message;
  }
}

struct DetectCase {
  const char* path;
  const char* content;
  Language expected;
};

TEST(DetectLanguage, ByExtension) {
  const DetectCase cases[] = {
      {"a/b/heapq.py", "", Language::kPython},      {"stub.pyi", "", Language::kPython},
      {"Foo.java", "", Language::kJava},           {"x.cc", "", Language::kCpp},
      {"x.cpp", "", Language::kCpp},               {"x.cxx", "", Language::kCpp},
      {"x.hpp", "", Language::kCpp},               {"x.hh", "", Language::kCpp},
      {"bits/stl_heap.h", "", Language::kCpp},     {"x.hxx", "", Language::kCpp},
      {"x.ipp", "", Language::kCpp},               {"bits/vector.tcc", "", Language::kCpp},
      {"x.js", "", Language::kJavaScript},         {"x.mjs", "", Language::kJavaScript},
      {"x.cjs", "", Language::kJavaScript},        {"App.jsx", "", Language::kJavaScript},
      {"UPPER.PY", "", Language::kPython},
      // The extension wins over a misleading shebang.
      {"tool.py", "#!/usr/bin/env node\n", Language::kPython},
  };
  for (const DetectCase& c : cases) {
    auto r = detect_language(c.path, c.content);
    ASSERT_TRUE(r) << c.path << ": " << r.error().message;
    EXPECT_EQ(*r, c.expected) << c.path;
  }
}

TEST(DetectLanguage, ByShebang) {
  const DetectCase cases[] = {
      {"script", "#!/usr/bin/env python3\nprint(1)\n", Language::kPython},
      {"script", "#!/usr/bin/python\n", Language::kPython},
      {"script", "#!/usr/bin/python3.11 -u\n", Language::kPython},
      {"script", "#! /usr/local/bin/pypy3", Language::kPython},
      {"bin/cli", "#!/usr/bin/env node\n'use strict'\n", Language::kJavaScript},
      {"bin/cli", "#!/usr/bin/env -S node --no-warnings\n", Language::kJavaScript},
      {"bin/cli", "#!/usr/bin/env NODE_ENV=prod nodejs\n", Language::kJavaScript},
      {"bin/cli", "#!/usr/local/bin/node", Language::kJavaScript},
  };
  for (const DetectCase& c : cases) {
    auto r = detect_language(c.path, c.content);
    ASSERT_TRUE(r) << c.content << ": " << r.error().message;
    EXPECT_EQ(*r, c.expected) << c.content;
  }
}

TEST(DetectLanguage, UnknownGivesActionableError) {
  // libstdc++'s extension-less headers are deliberately not detected.
  for (const DetectCase& c : {DetectCase{"/usr/include/c++/12/vector", "// -*- C++ -*-\n", {}},
                              DetectCase{"main.rs", "fn main() {}", {}},
                              DetectCase{"run.sh", "#!/bin/bash\necho\n", {}},
                              DetectCase{"Makefile", "", {}}}) {
    auto r = detect_language(c.path, c.content);
    ASSERT_FALSE(r) << c.path;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(r.error().message.find(c.path), std::string::npos);
    EXPECT_NE(r.error().message.find(".py"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("javascript"), std::string::npos);
  }
  auto bash = detect_language("run.sh", "#!/bin/bash\n");
  EXPECT_NE(bash.error().message.find("'bash'"), std::string::npos) << bash.error().message;
}

}  // namespace
}  // namespace codeloom::lang
