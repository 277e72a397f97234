// codebleu 0.7.0's DFG_java and DFG_csharp (the latter is what it runs on C and
// C++ trees), statement for statement, over lang::AstNode. The two differ only in
// node type names and in how a declarator's name/value are found.
#include <algorithm>
#include <iterator>

#include "codebleu_dataflow.h"

namespace codeloom::eval::detail {
namespace {

using lang::AstNode;

constexpr int kMaxDepth = 900;

void append(std::vector<DfgEdge>& to, std::vector<DfgEdge>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// name <- value edges with the given relation; every name gets state [idx].
void link(const AstNode* name, const AstNode* value, Relation rel, const TokenIndex& index,
          std::vector<DfgEdge>& dfg, States& states) {
  std::vector<Point4> names, values;
  variable_leaves(name, index, names);
  variable_leaves(value, index, values);
  for (const auto& k1 : names) {
    const auto& [idx1, code1] = lookup(index, k1);
    for (const auto& k2 : values) {
      const auto& [idx2, code2] = lookup(index, k2);
      dfg.push_back({code1, idx1, rel, {code2}, {idx2}});
    }
    states[code1] = {idx1};
  }
}

}  // namespace

DfgOut dfg_braces(const AstNode* node, const TokenIndex& index, States states, int depth, bool cs) {
  if (node == nullptr || depth > kMaxDepth) throw DfgAbort{};
  const AstNode& n = *node;
  auto recurse = [&](const AstNode* c, States s) { return dfg_braces(c, index, std::move(s), depth + 1, cs); };
  std::vector<DfgEdge> dfg;
  const std::string& t = n.type;
  const bool is_if = t == "if_statement" || t == "else";
  if (is_token_leaf(n)) {
    const auto& [idx, code] = lookup(index, point_key(n));
    if (t == code) return {{}, std::move(states)};
    auto it = states.find(code);
    if (it != states.end()) return {{DfgEdge{code, idx, Relation::kComesFrom, {code}, it->second}}, std::move(states)};
    if (t == "identifier") states[code] = {idx};
    return {{DfgEdge{code, idx, Relation::kComesFrom, {}, {}}}, std::move(states)};
  }
  if (t == "variable_declarator") {
    const AstNode* name = nullptr;
    const AstNode* value = nullptr;
    if (cs) {
      if (n.children.empty()) throw DfgAbort{};  // children[0] raises IndexError
      name = &n.children[0];
      if (n.children.size() == 2) value = &n.children[1];
    } else {
      name = child_by_field(n, "name");
      value = child_by_field(n, "value");
    }
    if (value == nullptr) {
      std::vector<Point4> idxs;
      variable_leaves(name, index, idxs);
      for (const auto& k : idxs) {
        const auto& [idx, code] = lookup(index, k);
        dfg.push_back({code, idx, Relation::kComesFrom, {}, {}});
        states[code] = {idx};
      }
    } else {
      // DFG.py computes both index lists before recursing; the order is irrelevant here.
      DfgOut sub = recurse(value, std::move(states));
      states = std::move(sub.states);
      append(dfg, sub.edges);
      link(name, value, Relation::kComesFrom, index, dfg, states);
    }
    sort_by_idx(dfg);
    return {std::move(dfg), std::move(states)};
  }
  if (t == "assignment_expression") {
    const AstNode* left = child_by_field(n, "left");
    const AstNode* right = child_by_field(n, "right");
    DfgOut sub = recurse(right, std::move(states));
    states = std::move(sub.states);
    append(dfg, sub.edges);
    link(left, right, Relation::kComputedFrom, index, dfg, states);
    sort_by_idx(dfg);
    return {std::move(dfg), std::move(states)};
  }
  if (t == (cs ? "postfix_unary_expression" : "update_expression")) {
    std::vector<Point4> idxs;
    variable_leaves(&n, index, idxs);
    for (const auto& k1 : idxs) {
      const auto& [idx1, code1] = lookup(index, k1);
      for (const auto& k2 : idxs) {
        const auto& [idx2, code2] = lookup(index, k2);
        dfg.push_back({code1, idx1, Relation::kComputedFrom, {code2}, {idx2}});
      }
      states[code1] = {idx1};
    }
    sort_by_idx(dfg);
    return {std::move(dfg), std::move(states)};
  }
  if (is_if) {
    States current = states;
    std::vector<States> others;
    bool flag = false, tag = t.find("else") != std::string::npos;
    for (const auto& c : n.children) {
      if (c.type.find("else") != std::string::npos) tag = true;
      bool child_if = c.type == "if_statement" || c.type == "else";
      if (!child_if && !flag) {
        DfgOut sub = recurse(&c, std::move(current));
        current = std::move(sub.states);
        append(dfg, sub.edges);
      } else {
        flag = true;
        DfgOut sub = recurse(&c, states);
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
  if (t == "for_statement") {
    for (const auto& c : n.children) {
      DfgOut sub = recurse(&c, std::move(states));
      states = std::move(sub.states);
      append(dfg, sub.edges);
    }
    bool flag = false;
    for (const auto& c : n.children) {
      if (flag) {
        DfgOut sub = recurse(&c, std::move(states));
        states = std::move(sub.states);
        append(dfg, sub.edges);
      } else if (c.type == "local_variable_declaration") {
        flag = true;
      }
    }
    return {merge_loop_edges(dfg), std::move(states)};
  }
  if (t == (cs ? "for_each_statement" : "enhanced_for_statement")) {
    const AstNode* name = child_by_field(n, cs ? "left" : "name");
    const AstNode* value = child_by_field(n, cs ? "right" : "value");
    const AstNode* body = child_by_field(n, "body");
    for (int pass = 0; pass < 2; ++pass) {
      DfgOut sub = recurse(value, std::move(states));
      states = std::move(sub.states);
      append(dfg, sub.edges);
      link(name, value, Relation::kComputedFrom, index, dfg, states);
      DfgOut sub2 = recurse(body, std::move(states));
      states = std::move(sub2.states);
      append(dfg, sub2.edges);
    }
    return {merge_loop_edges(dfg), std::move(states)};
  }
  if (t == "while_statement") {
    for (int pass = 0; pass < 2; ++pass)
      for (const auto& c : n.children) {
        DfgOut sub = recurse(&c, std::move(states));
        states = std::move(sub.states);
        append(dfg, sub.edges);
      }
    return {merge_loop_edges(dfg), std::move(states)};
  }
  for (const auto& c : n.children) {
    DfgOut sub = recurse(&c, std::move(states));
    states = std::move(sub.states);
    append(dfg, sub.edges);
  }
  sort_by_idx(dfg);
  return {std::move(dfg), std::move(states)};
}

}  // namespace codeloom::eval::detail
