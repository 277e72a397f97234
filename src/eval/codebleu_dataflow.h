// CodeBLEU's data-flow component: codebleu 0.7.0's DFG extractors (parser/DFG.py)
// re-implemented over codeloom::lang::AstNode, and its normalization/matching.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "codeloom/lang/ast.h"
#include "codeloom/lang/language.h"

namespace codeloom::eval::detail {

enum class Relation { kComesFrom, kComputedFrom };

// (code, idx, relation, parent names, parent idxs), as in DFG.py.
struct DfgEdge {
  std::string code;
  int idx = 0;
  Relation rel = Relation::kComesFrom;
  std::vector<std::string> names;
  std::vector<int> idxs;
};

// Leaf tokens keyed like codebleu's index_to_code dict: (start row, start col,
// end row, end col) -> (token position, token text).
using Point4 = std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>;
struct Point4Hash {
  std::size_t operator()(const Point4& p) const {
    auto [a, b, c, d] = p;
    return std::hash<std::size_t>()(((a * 1000003u + b) * 1000003u + c) * 1000003u + d);
  }
};
struct TokenIndex {
  std::unordered_map<Point4, std::pair<int, std::string>, Point4Hash> by_range;
};

// Thrown by the extractors where the Python code raises (a missing field, a None
// node); get_data_flow turns it into an empty graph, as codebleu's try/except does.
struct DfgAbort {};

using States = std::map<std::string, std::vector<int>>;
struct DfgOut {
  std::vector<DfgEdge> edges;
  States states;
};

bool is_token_leaf(const lang::AstNode& n);
Point4 point_key(const lang::AstNode& n);
// tree_to_variable_index: leaves whose text differs from their type.
void variable_leaves(const lang::AstNode* n, const TokenIndex& index, std::vector<Point4>& out, int depth = 0);
const std::pair<int, std::string>& lookup(const TokenIndex& index, const Point4& key);
void sort_by_idx(std::vector<DfgEdge>& edges);
// The for/while merge: one edge per (code, idx, relation), names deduplicated in
// first-seen order (see docs/metrics.md on codebleu's set() ordering), idxs sorted.
std::vector<DfgEdge> merge_loop_edges(const std::vector<DfgEdge>& edges);
const lang::AstNode* child_by_field(const lang::AstNode& n, std::string_view field);

DfgOut dfg_python(const lang::AstNode* node, const TokenIndex& index, States states, int depth);
// Java's extractor, or (csharp_flavor) the C# one codebleu applies to C/C++ trees.
DfgOut dfg_braces(const lang::AstNode* node, const TokenIndex& index, States states, int depth,
                  bool csharp_flavor);

// get_data_flow + normalize_dataflow: the normalized edges of one code string
// (already comment-stripped). `root` is its full AST (named and anonymous nodes).
using NormEdge = std::tuple<int, Relation, std::vector<int>>;
std::vector<NormEdge> normalized_dataflow(const lang::AstNode& root, const std::string& code,
                                          lang::Language language);

}  // namespace codeloom::eval::detail
