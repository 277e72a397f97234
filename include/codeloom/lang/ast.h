// A plain, library-independent copy of the syntax tree, for metrics (AST
// similarity, CodeBLEU subtree match) and for `codeloom parse --ast`.
//
//   auto ast = to_ast(*tree, {.named_only = true});
//   if (!ast) return ast.error();                 // only for absurdly deep trees
//   std::string json = ast_to_json(*ast);         // {"type":"module","named":true,...}
//
// Plain values: copyable, no ties to the SourceTree once built.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/lang/position.h"
#include "codeloom/lang/source_tree.h"

namespace codeloom::lang {

struct AstNode {
  std::string type;    // tree-sitter node type: "function_definition", "(", "ERROR"
  std::string field;   // field name in the parent ("body", "name"), or empty
  std::string text;    // leaves only (when AstOptions::leaf_text), else empty
  bool named = true;   // false for anonymous nodes (punctuation, keywords)
  bool missing = false;  // a token inserted by error recovery
  SourceRange range;
  std::vector<AstNode> children;

  friend bool operator==(const AstNode&, const AstNode&) = default;
};

struct AstOptions {
  bool named_only = false;  // drop anonymous nodes (keywords, punctuation)
  bool leaf_text = true;    // copy the source text of leaves
  // Deeper trees fail with kOutOfRange instead of risking the stack of consumers
  // that recurse (JSON writers, metrics). Real code stays far below this.
  std::size_t max_depth = 1500;
};

Result<AstNode> to_ast(const SourceTree& tree, const AstOptions& options = {});

// Number of nodes in the subtree (iterative).
std::size_t ast_size(const AstNode& root);

// JSON: {"type","named","field"?,"missing"?,"text"?,"start_byte","end_byte",
//        "start":[line,column],"end":[line,column],"children":[...]}
// `indent` < 0 gives compact output.
std::string ast_to_json(const AstNode& root, int indent = -1);
// Inverse of ast_to_json; kInvalidArgument with a reason on malformed JSON.
Result<AstNode> ast_from_json(std::string_view json);

}  // namespace codeloom::lang
