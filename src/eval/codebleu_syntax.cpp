// Mirrors ts_subtree__write_to_string (tree-sitter lib/src/subtree.c) over AstNode.
#include "codebleu_syntax.h"

#include <cctype>
#include <cstdio>
#include <unordered_map>

#include "py_text.h"

namespace codeloom::eval::detail {
namespace {

// ts_subtree__write_char_to_string.
void write_char(std::string& out, char32_t c) {
  char buf[32];
  if (c == 0) out += "'\\0'";
  else if (c == '\n') out += "'\\n'";
  else if (c == '\t') out += "'\\t'";
  else if (c == '\r') out += "'\\r'";
  else if (c < 128 && std::isprint(static_cast<int>(c))) { out += '\''; out += static_cast<char>(c); out += '\''; }
  else { std::snprintf(buf, sizeof buf, "%u", static_cast<unsigned>(c)); out += buf; }
}

// The opening of a visible node: "(type", "(MISSING type" or "(UNEXPECTED 'c'".
void write_head(const lang::AstNode& n, std::string& out) {
    if (n.type == "ERROR" && n.children.empty() && n.range.end_byte > n.range.start_byte) {
      // The lexer's lookahead character is not exposed; it is the first character
      // of the skipped text.
      out += "(UNEXPECTED ";
      std::u32string first = decode_utf8(n.text.substr(0, 4));
      write_char(out, first.empty() ? U'\0' : first[0]);
    } else if (n.missing) {
      out += "(MISSING ";
      if (n.named) out += n.type;
      else { out += '"'; out += n.type; out += '"'; }
    } else {
      out += '(';
      out += n.type;
    }
}

// Where each child's contribution starts (and where the closing paren goes, at
// index == children.size()) in the written string: insertion points.
struct Boundary {
  std::size_t offset;
  const lang::AstNode* parent;
  std::size_t index;
};

void write(const lang::AstNode& n, std::string& out, bool is_root, int depth,
           std::vector<Boundary>* bounds = nullptr) {
  const bool visible = n.named || n.missing;
  if (visible) {
    if (!is_root) {
      out += ' ';
      if (!n.field.empty()) { out += n.field; out += ": "; }
    }
    write_head(n, out);
  } else if (is_root) {
    if (!n.children.empty()) { out += '('; out += n.type; }
    else { out += "(\""; out += n.type; out += "\")"; }
  }
  for (std::size_t i = 0; i < n.children.size(); ++i) {
    if (bounds && visible) bounds->push_back({out.size(), &n, i});
    write(n.children[i], out, false, depth + 1, bounds);
  }
  if (bounds && visible) bounds->push_back({out.size(), &n, n.children.size()});
  if (visible) out += ')';
}

// Length of a " [field: ](MISSING x)" token at ts[j], or 0.
std::size_t missing_token(std::string_view ts, std::size_t j) {
  if (j >= ts.size() || ts[j] != ' ') return 0;
  std::size_t k = j + 1;
  std::size_t x = k;
  while (x < ts.size() && (std::isalnum(static_cast<unsigned char>(ts[x])) || ts[x] == '_')) ++x;
  if (x > k && ts.compare(x, 2, ": ") == 0) k = x + 2;  // a field name
  if (ts.compare(k, 9, "(MISSING ") != 0) return 0;
  k += 9;
  if (k < ts.size() && ts[k] == '"') {  // anonymous symbol, printed unescaped in quotes
    std::size_t q = ts.find("\")", k + 1);
    return q == std::string_view::npos ? 0 : q + 2 - j;
  }
  std::size_t close = ts.find(')', k);
  return close == std::string_view::npos ? 0 : close + 1 - j;
}

using Inserts = std::unordered_map<const lang::AstNode*, std::vector<std::pair<std::size_t, std::string>>>;

// Aligns tree-sitter's string with ours; every extra MISSING token becomes an
// insertion at the boundary where our string lacks it.
Inserts find_inserts(const lang::AstNode& root, std::string_view ts) {
  Inserts out;
  std::string mine;
  std::vector<Boundary> bounds;
  write(root, mine, true, 0, &bounds);
  if (mine == ts) return out;
  std::size_t i = 0, j = 0, b = 0;
  while (j < ts.size()) {
    std::size_t len = missing_token(ts, j);
    if (len > 0 && std::string_view(mine).substr(i, len) != ts.substr(j, len)) {
      while (b < bounds.size() && bounds[b].offset < i) ++b;
      if (b < bounds.size() && bounds[b].offset == i)
        out[bounds[b].parent].emplace_back(bounds[b].index, std::string(ts.substr(j, len)));
      j += len;
      continue;
    }
    if (i >= mine.size() || mine[i] != ts[j]) return {};  // not an insertion-only difference
    ++i;
    ++j;
  }
  return out;
}

// Polynomial string hash modulo the Mersenne prime 2^61 - 1.
constexpr std::uint64_t kMod = (1ull << 61) - 1;
constexpr std::uint64_t kBase = 1000003;

__extension__ typedef unsigned __int128 u128;  // GCC/Clang; __extension__ keeps -Wpedantic quiet

std::uint64_t mulmod(std::uint64_t a, std::uint64_t b) {
  u128 p = static_cast<u128>(a) * b;
  std::uint64_t r = static_cast<std::uint64_t>(p & kMod) + static_cast<std::uint64_t>(p >> 61);
  return r >= kMod ? r - kMod : r;
}

std::uint64_t powmod(std::uint64_t e) {
  std::uint64_t result = 1, b = kBase;
  for (; e; e >>= 1, b = mulmod(b, b))
    if (e & 1) result = mulmod(result, b);
  return result;
}

// Appends b to a: hash(a + b) = hash(a) * base^len(b) + hash(b).
SexpKey concat(SexpKey a, SexpKey b) {
  std::uint64_t h = mulmod(a.hash, powmod(b.length)) + b.hash;
  return {h >= kMod ? h - kMod : h, a.length + b.length};
}

SexpKey key_of(std::string_view s) {
  SexpKey k;
  for (unsigned char c : s) {
    std::uint64_t h = mulmod(k.hash, kBase) + c + 1;
    k.hash = h >= kMod ? h - kMod : h;
  }
  k.length = s.size();
  return k;
}

// Per node: `self` = its sexp as a root, `inline_` = what it adds to its parent's.
struct NodeKeys {
  SexpKey self, inline_;
};

NodeKeys keys_of(const lang::AstNode& n, std::vector<SexpKey>& out_subtrees, bool collect,
                 const Inserts& inserts) {
  SexpKey children;
  auto extra = inserts.find(&n);
  auto splice = [&](std::size_t index) {
    if (extra == inserts.end()) return;
    for (const auto& [at, text] : extra->second)
      if (at == index) children = concat(children, key_of(text));
  };
  for (std::size_t i = 0; i < n.children.size(); ++i) {
    splice(i);
    const auto& c = n.children[i];
    NodeKeys k = keys_of(c, out_subtrees, !c.children.empty(), inserts);
    children = concat(children, k.inline_);
  }
  splice(n.children.size());
  const bool visible = n.named || n.missing;
  NodeKeys out;
  std::string head;
  if (visible) {
    write_head(n, head);
    out.self = concat(concat(key_of(head), children), key_of(")"));
    std::string prefix = " ";
    if (!n.field.empty()) prefix += n.field + ": ";
    out.inline_ = concat(key_of(prefix), out.self);
  } else {
    out.self = n.children.empty() ? key_of("(\"" + n.type + "\")") : concat(key_of("(" + n.type), children);
    out.inline_ = children;
  }
  if (collect) out_subtrees.push_back(out.self);
  return out;
}

}  // namespace

std::vector<SexpKey> subtree_keys(const lang::AstNode& root, std::string_view tree_sexp) {
  Inserts inserts;
  if (!tree_sexp.empty()) inserts = find_inserts(root, tree_sexp);
  std::vector<SexpKey> out;
  keys_of(root, out, true, inserts);
  return out;
}

std::string node_sexp(const lang::AstNode& node) {
  std::string out;
  write(node, out, true, 0);
  return out;
}

std::vector<std::string> subtree_sexps(const lang::AstNode& root) {
  std::vector<std::string> out;
  std::vector<const lang::AstNode*> stack{&root};
  while (!stack.empty()) {
    const lang::AstNode* n = stack.back();
    stack.pop_back();
    out.push_back(node_sexp(*n));
    for (const auto& c : n->children)
      if (!c.children.empty()) stack.push_back(&c);
  }
  return out;
}

}  // namespace codeloom::eval::detail
