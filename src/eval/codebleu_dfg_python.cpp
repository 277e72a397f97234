// codebleu 0.7.0's DFG_python, statement for statement, over lang::AstNode.
#include <algorithm>
#include <iterator>

#include "codebleu_dataflow.h"

namespace codeloom::eval::detail {
namespace {

using lang::AstNode;

constexpr int kMaxDepth = 900;

bool is(const std::string& t, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (t == n) return true;
  return false;
}

std::vector<const AstNode*> non_comma_children(const AstNode* n) {
  if (n == nullptr) throw DfgAbort{};
  std::vector<const AstNode*> out;
  for (const auto& c : n->children)
    if (c.type != ",") out.push_back(&c);
  return out;
}

void append(std::vector<DfgEdge>& to, std::vector<DfgEdge>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// Left = right edges of an assignment-like node ("computedFrom" all right variables).
void assign_pairs(const std::vector<const AstNode*>& lefts, const std::vector<const AstNode*>& rights,
                  const TokenIndex& index, std::vector<DfgEdge>& dfg, States& states) {
  for (std::size_t i = 0; i < lefts.size() && i < rights.size(); ++i) {
    std::vector<Point4> left, right;
    variable_leaves(lefts[i], index, left);
    variable_leaves(rights[i], index, right);
    for (const auto& l : left) {
      const auto& [idx1, code1] = lookup(index, l);
      DfgEdge e{code1, idx1, Relation::kComputedFrom, {}, {}};
      for (const auto& r : right) {
        e.names.push_back(lookup(index, r).second);
        e.idxs.push_back(lookup(index, r).first);
      }
      dfg.push_back(std::move(e));
      states[code1] = {idx1};
    }
  }
}

// The left/right node lists of assignments and for statements (DFG.py's fallbacks).
void sides(const AstNode& n, std::vector<const AstNode*>& lefts, std::vector<const AstNode*>& rights) {
  const AstNode* left = child_by_field(n, "left");
  const AstNode* right = child_by_field(n, "right");
  rights = non_comma_children(right);
  lefts = non_comma_children(left);
  if (rights.size() != lefts.size()) {
    lefts = {left};
    rights = {right};
  }
  if (lefts.empty()) lefts = {left};
  if (rights.empty()) rights = {right};
}

}  // namespace

DfgOut dfg_python(const AstNode* node, const TokenIndex& index, States states, int depth) {
  if (node == nullptr || depth > kMaxDepth) throw DfgAbort{};
  const AstNode& n = *node;
  std::vector<DfgEdge> dfg;
  if (is_token_leaf(n)) {
    const auto& [idx, code] = lookup(index, point_key(n));
    if (n.type == code) return {{}, std::move(states)};
    auto it = states.find(code);
    if (it != states.end()) return {{DfgEdge{code, idx, Relation::kComesFrom, {code}, it->second}}, std::move(states)};
    if (n.type == "identifier") states[code] = {idx};
    return {{DfgEdge{code, idx, Relation::kComesFrom, {}, {}}}, std::move(states)};
  }
  if (n.type == "default_parameter") {
    const AstNode* name = child_by_field(n, "name");
    const AstNode* value = child_by_field(n, "value");
    if (value == nullptr) {
      std::vector<Point4> idxs;
      variable_leaves(name, index, idxs);
      for (const auto& k : idxs) {
        const auto& [idx, code] = lookup(index, k);
        dfg.push_back({code, idx, Relation::kComesFrom, {}, {}});
        states[code] = {idx};
      }
    } else {
      std::vector<Point4> names, values;
      variable_leaves(name, index, names);
      variable_leaves(value, index, values);
      DfgOut sub = dfg_python(value, index, std::move(states), depth + 1);
      states = std::move(sub.states);
      append(dfg, sub.edges);
      for (const auto& k1 : names) {
        const auto& [idx1, code1] = lookup(index, k1);
        for (const auto& k2 : values) {
          const auto& [idx2, code2] = lookup(index, k2);
          dfg.push_back({code1, idx1, Relation::kComesFrom, {code2}, {idx2}});
        }
        states[code1] = {idx1};
      }
    }
    sort_by_idx(dfg);
    return {std::move(dfg), std::move(states)};
  }
  if (is(n.type, {"assignment", "augmented_assignment", "for_in_clause"})) {
    std::vector<const AstNode*> lefts, rights;
    if (n.type == "for_in_clause") {
      if (n.children.empty()) throw DfgAbort{};
      rights = {&n.children.back()};
      lefts = {child_by_field(n, "left")};
    } else {
      if (child_by_field(n, "right") == nullptr) return {{}, std::move(states)};
      sides(n, lefts, rights);
    }
    for (const AstNode* r : rights) {
      DfgOut sub = dfg_python(r, index, std::move(states), depth + 1);
      states = std::move(sub.states);
      append(dfg, sub.edges);
    }
    assign_pairs(lefts, rights, index, dfg, states);
    sort_by_idx(dfg);
    return {std::move(dfg), std::move(states)};
  }
  if (n.type == "if_statement") {
    States current = states;
    std::vector<States> others;
    bool tag = false;
    for (const auto& c : n.children) {
      if (c.type.find("else") != std::string::npos) tag = true;
      if (!is(c.type, {"elif_clause", "else_clause"})) {
        DfgOut sub = dfg_python(&c, index, std::move(current), depth + 1);
        current = std::move(sub.states);
        append(dfg, sub.edges);
      } else {
        DfgOut sub = dfg_python(&c, index, states, depth + 1);
        append(dfg, sub.edges);
        others.push_back(std::move(sub.states));
      }
    }
    others.push_back(std::move(current));
    if (!tag) others.push_back(states);
    States merged;
    for (const auto& d : others)
      for (const auto& [k, v] : d) merged[k].insert(merged[k].end(), v.begin(), v.end());
    for (auto& [k, v] : merged) {
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
    }
    sort_by_idx(dfg);
    return {std::move(dfg), std::move(merged)};
  }
  if (n.type == "for_statement") {
    for (int pass = 0; pass < 2; ++pass) {
      std::vector<const AstNode*> lefts, rights;
      sides(n, lefts, rights);
      for (const AstNode* r : rights) {
        DfgOut sub = dfg_python(r, index, std::move(states), depth + 1);
        states = std::move(sub.states);
        append(dfg, sub.edges);
      }
      assign_pairs(lefts, rights, index, dfg, states);
      if (!n.children.empty() && n.children.back().type == "block") {
        DfgOut sub = dfg_python(&n.children.back(), index, std::move(states), depth + 1);
        states = std::move(sub.states);
        append(dfg, sub.edges);
      }
    }
    return {merge_loop_edges(dfg), std::move(states)};
  }
  if (n.type == "while_statement") {
    for (int pass = 0; pass < 2; ++pass)
      for (const auto& c : n.children) {
        DfgOut sub = dfg_python(&c, index, std::move(states), depth + 1);
        states = std::move(sub.states);
        append(dfg, sub.edges);
      }
    return {merge_loop_edges(dfg), std::move(states)};
  }
  // Everything else: comprehension clauses first, then the other children.
  for (int first = 1; first >= 0; --first)
    for (const auto& c : n.children) {
      if ((c.type == "for_in_clause") != (first == 1)) continue;
      DfgOut sub = dfg_python(&c, index, std::move(states), depth + 1);
      states = std::move(sub.states);
      append(dfg, sub.edges);
    }
  sort_by_idx(dfg);
  return {std::move(dfg), std::move(states)};
}

}  // namespace codeloom::eval::detail
