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

  void walk(TSNode n);
  void walk_children(TSNode n);
  // Walks `n`'s children with `names` pushed as the innermost scope entries.
  void walk_in_scope(TSNode n, const std::vector<std::string>& names, bool is_class);
  // Builds and records a unit; returns the scope names nested code should use.
  std::vector<std::string> emit(const FunctionSpec& spec);

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
  const std::string& text_;
  Language language_;
  Visit visit_;
  std::vector<Scope> scopes_;
  std::vector<FunctionUnit> out_;
  std::size_t depth_ = 0;
};

// Comments directly above `n` (no blank line between, each on its own line).
std::string leading_comment(const std::string& text, TSNode n);

bool visit_python(TSNode n, FunctionWalker& w);
bool visit_java(TSNode n, FunctionWalker& w);
bool visit_cpp(TSNode n, FunctionWalker& w);
bool visit_javascript(TSNode n, FunctionWalker& w);

}  // namespace codeloom::lang::detail
