// Module-internal: the tree walk shared by the per-language function extractors.
// Each language supplies one `visit` function (functions_<lang>.cpp) that
// recognises its definitions and containers; the walker tracks scopes, builds
// FunctionUnits and recurses into everything else.
#pragma once

#include <string>
#include <vector>

#include "codeloom/lang/functions.h"
#include "tree_impl.h"

namespace codeloom::lang::detail {

struct FunctionSpec {
  TSNode outer;   // whole unit: range, and the anchor for leading comments
  TSNode header;  // where the signature starts
  TSNode body;    // the body node; signature ends where it starts
  std::string name;
  std::vector<std::string> qualifiers;  // extra scope from the name itself (C++ A::B::f)
  FunctionKind kind = FunctionKind::kFunction;
  std::string doc;       // language-specific doc (Python docstring)
  bool comment_doc = true;  // else use the comment(s) above `outer`
};

class FunctionWalker {
 public:
  // Returns true when it handled `n` (emitting and/or recursing itself).
  using Visit = bool (*)(TSNode n, FunctionWalker& w);

  FunctionWalker(const std::string& text, Language language, Visit visit)
      : text_(text), language_(language), visit_(visit) {}

  // Every walk visits each node once and costs O(children) per node: children
  // are enumerated with a tree cursor (ts_node_named_child(n, i) is O(i), which
  // made a flat ERROR node of 70k children take minutes), and parents and the
  // comments before a node come from the walk's own path, not from
  // ts_node_parent/ts_node_prev_sibling (both rescan the parent's children).
  void walk(TSNode n);
  void walk_children(TSNode n);
  // Walks `n`'s children with `names` pushed as the innermost scope entries.
  void walk_in_scope(TSNode n, const std::vector<std::string>& names, bool is_class);
  // Builds and records a unit; returns the scope names nested code should use.
  std::vector<std::string> emit(const FunctionSpec& spec);

  // The parent of `n`, which must be the node being visited or one of its
  // ancestors on the walk's path (else falls back to ts_node_parent).
  TSNode parent(TSNode n) const;
  // Comments directly above `n` (no blank line between, each on its own line);
  // `n` as for parent().
  std::string leading_comment(TSNode n) const;

  bool in_class() const { return !scopes_.empty() && scopes_.back().is_class; }
  std::string innermost_name() const { return scopes_.empty() ? "" : scopes_.back().name; }
  const std::string& text() const { return text_; }
  std::string_view text_of(TSNode n) const { return node_text(text_, n); }
  std::vector<FunctionUnit> take() { return std::move(out_); }

 private:
  struct Scope {
    std::string name;
    bool is_class;
  };
  // One node on the path from the root to the node being visited.
  struct Frame {
    TSNode node;
    bool linked = false;            // the frame below is its parent; `comments` is known
    std::vector<TSNode> comments;   // comment siblings directly before it, in order
  };
  const Frame* frame_of(TSNode n) const;
  void enter(TSNode n, bool linked, std::vector<TSNode> comments);
  const std::string& text_;
  Language language_;
  Visit visit_;
  std::vector<Scope> scopes_;
  std::vector<FunctionUnit> out_;
  std::vector<Frame> path_;
  std::size_t body_bytes_ = 0;  // total size of the emitted bodies (bounded)
  bool warned_ = false;
};

bool visit_python(TSNode n, FunctionWalker& w);
bool visit_java(TSNode n, FunctionWalker& w);
bool visit_cpp(TSNode n, FunctionWalker& w);
bool visit_javascript(TSNode n, FunctionWalker& w);

}  // namespace codeloom::lang::detail
