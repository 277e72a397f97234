// AST similarity: max(0, 1 - TED(a, b) / max(|a|, |b|)), where TED is the Zhang–Shasha
// ordered tree edit distance (unit cost insert / delete / relabel) and |t| counts
// nodes. By default trees hold lang's NAMED nodes only, labelled by node type
// (identifier names and literal values are ignored, so renaming a variable
// keeps similarity 1); AstSimilarityOptions::leaf_text adds leaf text to labels.
//
//   auto s = codeloom::eval::ast_similarity(code_a, code_b, codeloom::lang::Language::kJava);
//   if (s) std::cout << *s;                        // in [0, 1]
//   std::size_t d = codeloom::eval::tree_edit_distance(ast_a, ast_b);
//
// Cost O(|a| |b| min(depth, leaves)^2) time, O(|a| |b|) memory; max_nodes bounds
// it. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "codeloom/common/status.h"
#include "codeloom/lang/ast.h"
#include "codeloom/lang/language.h"

namespace codeloom::eval {

struct AstSimilarityOptions {
  bool leaf_text = false;        // label leaves "type:text" instead of "type"
  std::size_t max_nodes = 20000; // larger trees fail with kOutOfRange
};

// Trees as given (every node of each AstNode counts; labels per options).
std::size_t tree_edit_distance(const lang::AstNode& a, const lang::AstNode& b,
                               const AstSimilarityOptions& options = {});
// In [0, 1]; 1 for identical trees. Clamped at 0 because TED can exceed the
// larger size when ancestry forbids matching (x(y(z)) vs q(r, s): TED 4, sizes 3).
double ast_similarity(const lang::AstNode& a, const lang::AstNode& b,
                      const AstSimilarityOptions& options = {});
// Parses both (named nodes only). Errors: invalid text (kInvalidArgument), trees
// above max_nodes (kOutOfRange).
Result<double> ast_similarity(std::string_view code_a, std::string_view code_b,
                              lang::Language language, const AstSimilarityOptions& options = {});

}  // namespace codeloom::eval
