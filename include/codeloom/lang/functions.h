// Function-level units of a parsed file: what corpus mining, prompts and metrics
// treat as "one function".
//
//   auto tree = SourceTree::parse(text, Language::kJava);
//   for (const FunctionUnit& f : extract_functions(*tree))
//     std::cout << f.qualified_name << " lines " << f.range.start.line << "-"
//               << f.range.end.line << "\n";
//
// What counts as a function (docs/lang.md has the full list):
//  - Python: def / async def (the range includes decorators), methods, nested defs.
//  - Java: methods with a body and constructors (incl. compact record constructors)
//    in classes, interfaces, enums, records and anonymous classes.
//  - C++: function definitions with a { } body: free, out-of-line (Foo::bar),
//    templates, in-class methods, operators, conversions. Declarations and
//    `= default` / `= delete` are not definitions and are skipped.
//  - JavaScript: function declarations, class/object methods, and function or arrow
//    expressions assigned to a variable, property or object key.
// Pure function of the tree; thread-safe for distinct or const trees.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "codeloom/lang/language.h"
#include "codeloom/lang/position.h"
#include "codeloom/lang/source_tree.h"

namespace codeloom::lang {

enum class FunctionKind { kFunction, kMethod, kConstructor };

std::string_view function_kind_name(FunctionKind kind);  // "function", "method", "constructor"

struct FunctionUnit {
  std::string name;            // "push_back", "operator==", "~Foo", "__init__"
  // Enclosing classes and functions joined with '.', outermost first ("Outer.Inner");
  // C++ out-of-line qualifiers count (A::B::f -> "A.B"). Namespaces and packages do not.
  std::string scope;
  std::string qualified_name;  // scope + "." + name, or name when scope is empty
  FunctionKind kind = FunctionKind::kFunction;
  // Header text from the start of the definition (after decorators/annotations
  // lines for Python) up to the body, whitespace-trimmed: "def f(x) -> int:".
  std::string signature;
  // Python: the docstring's literal content (between the quotes, unprocessed).
  // Others: the comment(s) directly above the definition (/** */, //, #), verbatim.
  std::string doc;
  std::string body;            // text of the body: block / { ... } / arrow expression
  SourceRange range;           // whole definition, incl. decorators / template<...>
  SourceRange body_range;
  Language language = Language::kPython;
};

// Functions in document order (by start byte; an outer function precedes the
// functions nested in it). Cost is linear in the tree; the bodies' total size is
// bounded by 8x the text + 1 MiB (nested bodies overlap: hundreds of nested
// functions would otherwise copy the text hundreds of times), units past that
// bound are left out with a log warning. Real code never comes near it.
std::vector<FunctionUnit> extract_functions(const SourceTree& tree);

}  // namespace codeloom::lang
