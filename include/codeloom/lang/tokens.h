// Leaf tokens of a parsed file with a coarse class, for metrics (CodeBLEU's
// weighted n-gram match uses keywords) and for decoding heuristics.
//
//   for (const Token& t : classify_tokens(*tree))
//     if (t.cls == TokenClass::kApiCall) calls.emplace_back(t.text);
//
// String literals (incl. f-strings, template strings, raw strings) and comments
// are one token each. Thread-safe for const trees. Token::text and node_type
// point into the tree's text / static grammar tables: valid while the tree lives
// and is not edited.
#pragma once

#include <string_view>
#include <vector>

#include "codeloom/lang/language.h"
#include "codeloom/lang/source_tree.h"

namespace codeloom::lang {

enum class TokenClass {
  kIdentifier,   // names that are not call targets or types
  kKeyword,      // def, class, return, static, #include ... and this/self-less words like `this`
  kOperator,     // + == -> && = ...
  kLiteral,      // strings, numbers, true/false/True/None/null/nullptr
  kComment,
  kPunctuation,  // ( ) [ ] { } , ; : . ::  and @ of decorators
  kApiCall,      // identifier called: f(…) -> f, obj.append(…) -> append, std::sort(…) -> sort
  kType,         // int, String, type_identifier, Python annotations' names
  kOther,        // anything else (preprocessor argument text, ERROR leftovers, ...)
};

std::string_view token_class_name(TokenClass cls);  // "identifier", "api_call", ...

struct Token {
  TokenClass cls = TokenClass::kOther;
  std::size_t start_byte = 0;
  std::size_t end_byte = 0;
  Position start;
  std::string_view text;       // into tree.text()
  std::string_view node_type;  // tree-sitter node type, e.g. "identifier", "+"
};

std::vector<Token> classify_tokens(const SourceTree& tree);

// True when `word` is a keyword of `language`'s grammar (an anonymous alphanumeric
// node such as "def" or "static"). Thread-safe (tables are built once).
bool is_keyword(Language language, std::string_view word);

// All keywords of the grammar, sorted.
const std::vector<std::string>& keywords(Language language);

}  // namespace codeloom::lang
