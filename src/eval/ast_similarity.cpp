#include <algorithm>
#include <string>

#include "codeloom/eval/ast_similarity.h"
#include "codeloom/lang/source_tree.h"

namespace codeloom::eval {

double ast_similarity(const lang::AstNode& a, const lang::AstNode& b, const AstSimilarityOptions& options) {
  const std::size_t longest = std::max(lang::ast_size(a), lang::ast_size(b));
  const std::size_t ted = tree_edit_distance(a, b, options);
  // TED can exceed the larger size (x(y(z)) vs q(r, s) needs 4 edits for 3 nodes
  // each), so the score is clamped at 0.
  return std::max(0.0, 1.0 - static_cast<double>(ted) / static_cast<double>(longest));
}

Result<double> ast_similarity(std::string_view code_a, std::string_view code_b, lang::Language language,
                              const AstSimilarityOptions& options) {
  lang::AstNode trees[2];
  std::string_view codes[2] = {code_a, code_b};
  for (int i = 0; i < 2; ++i) {
    auto tree = lang::SourceTree::parse(std::string(codes[i]), language);
    if (!tree) return tree.error();
    auto ast = lang::to_ast(*tree, {.named_only = true, .leaf_text = options.leaf_text});
    if (!ast) return ast.error();
    if (lang::ast_size(*ast) > options.max_nodes)
      return make_error(ErrorCode::kOutOfRange,
                        "ast_similarity: tree has " + std::to_string(lang::ast_size(*ast)) +
                            " nodes, more than AstSimilarityOptions::max_nodes = " +
                            std::to_string(options.max_nodes));
    trees[i] = std::move(*ast);
  }
  return ast_similarity(trees[0], trees[1], options);
}

}  // namespace codeloom::eval
