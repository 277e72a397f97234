// Shared data-flow machinery (codebleu/dataflow_match.py, parser/utils.py).
#include "codebleu_dataflow.h"

#include <algorithm>
#include <unordered_map>

#include "py_text.h"

namespace codeloom::eval::detail {
namespace {

// Python's recursion limit turns very deep trees into an exception (-> empty
// graph); we stop at a similar depth instead of risking our stack.
constexpr int kMaxDepth = 900;

void collect_tokens(const lang::AstNode& n, std::vector<const lang::AstNode*>& out, int depth) {
  if (depth > kMaxDepth) throw DfgAbort{};
  if (is_token_leaf(n)) {
    out.push_back(&n);
    return;
  }
  for (const auto& c : n.children) collect_tokens(c, out, depth + 1);
}

// index_to_code_token: rows of code.split("\n") sliced by tree-sitter's BYTE
// columns used as code-point indices (as the Python does; same for ASCII).
std::string token_text(const std::vector<std::u32string>& lines, const Point4& p) {
  auto [sr, sc, er, ec] = p;
  auto slice = [](const std::u32string& s, std::size_t a, std::size_t b) {
    a = std::min(a, s.size());
    b = std::min(b, s.size());
    return a < b ? s.substr(a, b - a) : std::u32string();
  };
  if (sr >= lines.size()) return {};
  std::u32string out;
  if (sr == er) {
    out = slice(lines[sr], sc, ec);
  } else {
    out = slice(lines[sr], sc, SIZE_MAX);
    for (std::size_t r = sr + 1; r < er && r < lines.size(); ++r) out += lines[r];
    if (er < lines.size()) out += slice(lines[er], 0, ec);
  }
  return encode_utf8(out);
}

// list(set(a + b)) under the insertion-ordered set the golden files use.
std::vector<std::string> ordered_union(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  for (const auto* v : {&a, &b})
    for (const auto& x : *v)
      if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  return out;
}

}  // namespace

bool is_token_leaf(const lang::AstNode& n) {
  return (n.children.empty() || n.type == "string_literal" || n.type == "string" ||
          n.type == "character_literal") &&
         n.type != "comment";
}

Point4 point_key(const lang::AstNode& n) {
  return {n.range.start.line - 1, n.range.start.column - 1, n.range.end.line - 1, n.range.end.column - 1};
}

const std::pair<int, std::string>& lookup(const TokenIndex& index, const Point4& key) {
  auto it = index.by_range.find(key);
  if (it == index.by_range.end()) throw DfgAbort{};  // KeyError in Python
  return it->second;
}

void variable_leaves(const lang::AstNode* n, const TokenIndex& index, std::vector<Point4>& out, int depth) {
  if (n == nullptr || depth > kMaxDepth) throw DfgAbort{};
  if (is_token_leaf(*n)) {
    Point4 key = point_key(*n);
    if (n->type != lookup(index, key).second) out.push_back(key);
    return;
  }
  for (const auto& c : n->children) variable_leaves(&c, index, out, depth + 1);
}

void sort_by_idx(std::vector<DfgEdge>& edges) {
  std::stable_sort(edges.begin(), edges.end(), [](const DfgEdge& a, const DfgEdge& b) { return a.idx < b.idx; });
}

std::vector<DfgEdge> merge_loop_edges(const std::vector<DfgEdge>& edges) {
  std::vector<DfgEdge> merged;
  std::map<std::tuple<std::string, int, Relation>, std::size_t> pos;
  for (const DfgEdge& e : edges) {
    auto key = std::make_tuple(e.code, e.idx, e.rel);
    auto it = pos.find(key);
    if (it == pos.end()) {
      pos.emplace(key, merged.size());
      merged.push_back(e);
      continue;
    }
    DfgEdge& m = merged[it->second];
    m.names = ordered_union(m.names, e.names);
    m.idxs.insert(m.idxs.end(), e.idxs.begin(), e.idxs.end());
    std::sort(m.idxs.begin(), m.idxs.end());
    m.idxs.erase(std::unique(m.idxs.begin(), m.idxs.end()), m.idxs.end());
  }
  sort_by_idx(merged);
  return merged;
}

const lang::AstNode* child_by_field(const lang::AstNode& n, std::string_view field) {
  for (const auto& c : n.children)
    if (c.field == field) return &c;
  return nullptr;
}

std::vector<NormEdge> normalized_dataflow(const lang::AstNode& root, const std::string& code,
                                          lang::Language language) {
  std::vector<DfgEdge> dfg;
  try {
    std::vector<const lang::AstNode*> tokens;
    collect_tokens(root, tokens, 0);
    std::vector<std::u32string> lines;
    for (std::string_view l : split_lines_lf(code)) lines.push_back(decode_utf8(l));
    TokenIndex index;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      Point4 key = point_key(*tokens[i]);
      index.by_range[key] = {static_cast<int>(i), token_text(lines, key)};  // later duplicates win
    }
    try {
      dfg = language == lang::Language::kPython ? dfg_python(&root, index, {}, 0).edges
                                                : dfg_braces(&root, index, {}, 0, language == lang::Language::kCpp).edges;
    } catch (const DfgAbort&) {
      dfg.clear();
    }
  } catch (const DfgAbort&) {
    dfg.clear();
  }
  sort_by_idx(dfg);
  // Keep edges that have parents or are someone's parent.
  std::vector<char> used;
  auto mark = [&](int i) {
    if (i < 0) return;
    if (static_cast<std::size_t>(i) >= used.size()) used.resize(i + 1, 0);
    used[i] = 1;
  };
  for (const auto& d : dfg) {
    if (!d.idxs.empty()) mark(d.idx);
    for (int x : d.idxs) mark(x);
  }
  // Merge edges of the same token (insertion order of a dict keyed by idx).
  std::vector<DfgEdge> merged;
  std::unordered_map<int, std::size_t> at;
  for (const auto& d : dfg) {
    if (d.idx < 0 || static_cast<std::size_t>(d.idx) >= used.size() || !used[d.idx]) continue;
    auto it = at.find(d.idx);
    if (it == at.end()) {
      at.emplace(d.idx, merged.size());
      merged.push_back(d);
      continue;
    }
    DfgEdge& m = merged[it->second];
    std::vector<std::string> names = ordered_union(m.names, d.names);
    std::vector<int> idxs = m.idxs;
    for (int x : d.idxs)
      if (std::find(idxs.begin(), idxs.end(), x) == idxs.end()) idxs.push_back(x);
    m = DfgEdge{d.code, d.idx, d.rel, std::move(names), std::move(idxs)};
  }
  // normalize_dataflow: names -> var_<i> in order of first appearance (parents first).
  std::unordered_map<std::string, int> var;
  std::vector<NormEdge> out;
  for (const auto& d : merged) {
    for (const auto& n : d.names) var.try_emplace(n, static_cast<int>(var.size()));
    var.try_emplace(d.code, static_cast<int>(var.size()));
    std::vector<int> parents;
    for (const auto& n : d.names) parents.push_back(var[n]);
    out.emplace_back(var[d.code], d.rel, std::move(parents));
  }
  return out;
}

}  // namespace codeloom::eval::detail
