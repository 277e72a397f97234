// CodeBLEU's syntax component: the subtrees codebleu 0.7.0 compares, written as
// tree-sitter's ts_node_string() S-expressions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/lang/ast.h"

namespace codeloom::eval::detail {

// S-expression of `node` exactly as ts_node_string() prints it: named (and
// MISSING) nodes only, "field: " prefixes on descendants (not on `node` itself),
// "(UNEXPECTED 'c')" for childless ERROR leaves. `node` must come from a full
// AST (AstOptions::named_only = false) with leaf text.
std::string node_sexp(const lang::AstNode& node);

// The root and every node that has children, in codebleu's stack order, as sexps.
std::vector<std::string> subtree_sexps(const lang::AstNode& root);

// The same subtrees as fingerprints of their sexp strings: a polynomial hash
// modulo 2^61 - 1 plus the length, composed bottom-up in O(tree) instead of
// writing O(tree * depth) bytes. Equal strings give equal keys; distinct strings
// collide with probability ~len / 2^61.
struct SexpKey {
  std::uint64_t hash = 0;
  std::uint64_t length = 0;
  friend bool operator==(const SexpKey&, const SexpKey&) = default;
};
struct SexpKeyHash {
  std::size_t operator()(const SexpKey& k) const { return static_cast<std::size_t>(k.hash ^ (k.length * 0x9E3779B97F4A7C15ull)); }
};
//
// `tree_sexp` (optional) is tree-sitter's own string for `root`
// (SourceTree::sexp()). It can hold nodes an AstNode never shows: MISSING
// tokens of hidden symbols, e.g. "(MISSING _newline)" where two Python
// statements share a line. Such insertions are located by aligning it with
// node_sexp(root) and spliced into every subtree that contains them.
std::vector<SexpKey> subtree_keys(const lang::AstNode& root, std::string_view tree_sexp = {});

}  // namespace codeloom::eval::detail
