#include "grammar.h"

extern "C" {
const TSLanguage* tree_sitter_python(void);
const TSLanguage* tree_sitter_java(void);
const TSLanguage* tree_sitter_cpp(void);
const TSLanguage* tree_sitter_javascript(void);
}

namespace codeloom::lang::detail {

const TSLanguage* grammar(Language language) {
  switch (language) {
    case Language::kPython: return tree_sitter_python();
    case Language::kJava: return tree_sitter_java();
    case Language::kCpp: return tree_sitter_cpp();
    case Language::kJavaScript: return tree_sitter_javascript();
  }
  return nullptr;
}

}  // namespace codeloom::lang::detail
