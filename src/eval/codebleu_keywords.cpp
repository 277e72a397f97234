// Keyword lists of codebleu 0.7.0 (codebleu/keywords/<lang>.txt, MIT license), the
// data its weighted n-gram match gives weight 1 (other tokens weigh 0.2). Kept
// verbatim, including entries that are not keywords of the language, because
// kCodebleuCompat must weight exactly the same tokens.
#include "codebleu_keywords.h"

#include <algorithm>

namespace codeloom::eval::detail {
namespace {

const std::vector<std::string> kPythonWords = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield", "match", "case", "type",
};

const std::vector<std::string> kJavaWords = {
    "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
    "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
    "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
    "long", "native", "new", "package", "private", "protected", "public", "return", "short",
    "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
    "transient", "try", "void", "volatile", "while",
};

const std::vector<std::string> kCppWords = {
    "auto", "const", "double", "float", "int", "short", "struct", "unsigned", "break",
    "continue", "else", "for", "long", "signed", "switch", "void", "case", "default", "enum",
    "goto", "register", "sizeof", "typedef", "volatile", "char", "do", "extern", "if", "return",
    "static", "union", "while", "asm", "dynamic_cast", "namespace", "reinterpret_cast", "bool",
    "explicit", "new", "static_cast", "typeid", "catch", "false", "try", "operator", "template",
    "typename", "class", "friend", "private", "this", "using", "const_cast", "inline", "public",
    "throw", "virtual", "delete", "mutable", "protected", "true", "wchar_t", "and", "bitand",
    "compl", "not_eq", "or_eq", "xor_eq", "and_eq", "bitor", "not", "or", "xor", "cin", "endl",
    "INT_MIN", "iomanip", "main", "npos", "std", "cout", "include", "INT_MAX", "iostream",
    "MAX_RAND", "NULL", "string",
};

}  // namespace

const std::vector<std::string>& codebleu_keywords(lang::Language language) {
  static const std::vector<std::string> kNone;
  switch (language) {
    case lang::Language::kPython: return kPythonWords;
    case lang::Language::kJava: return kJavaWords;
    case lang::Language::kCpp: return kCppWords;
    default: return kNone;
  }
}

}  // namespace codeloom::eval::detail
