// C++: function definitions with a { } body (or a function-try-block): free
// functions, out-of-line members (A::B::f), templates, in-class methods,
// operators and conversion operators. `= default` / `= delete` and plain
// declarations are not definitions. Classes/structs/unions give scope;
// namespaces do not.
#include <algorithm>
#include <cctype>

#include "function_walker.h"

namespace codeloom::lang::detail {
namespace {

// "operator ==" -> "operator==", but keep "operator new" / "operator bool".
std::string squeeze(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
      while (i + 1 < s.size() && std::isspace(static_cast<unsigned char>(s[i + 1]))) ++i;
      const bool word_before = !out.empty() && (std::isalnum(static_cast<unsigned char>(out.back())) || out.back() == '_');
      const bool word_after = i + 1 < s.size() && (std::isalnum(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '_');
      if (word_before && word_after) out += ' ';
      continue;
    }
    out += s[i];
  }
  return out;
}

// Name of a class-like scope node: Foo, Foo<T> -> Foo, ns::Foo -> Foo.
std::string scope_name(const FunctionWalker& w, TSNode n) {
  if (is_type(n, "template_type")) return scope_name(w, field(n, "name"));
  if (is_type(n, "qualified_identifier")) return scope_name(w, field(n, "name"));
  return squeeze(w.text_of(n));
}

// Splits a declarator name into qualifiers and the final name.
void split_name(const FunctionWalker& w, TSNode n, std::vector<std::string>& qualifiers,
                std::string& name) {
  while (is_type(n, "qualified_identifier")) {
    TSNode scope = field(n, "scope");
    if (!ts_node_is_null(scope)) {
      if (is_type(scope, "qualified_identifier")) {
        std::string inner;
        split_name(w, scope, qualifiers, inner);
        qualifiers.push_back(inner);
      } else {
        qualifiers.push_back(scope_name(w, scope));
      }
    }
    n = field(n, "name");
  }
  if (is_type(n, "template_function") || is_type(n, "template_method")) n = field(n, "name");
  name = ts_node_is_null(n) ? std::string() : squeeze(w.text_of(n));
}

// Unwraps pointer/reference/parenthesized declarators down to the function part.
TSNode function_declarator(TSNode d) {
  for (int guard = 0; guard < 64 && !ts_node_is_null(d); ++guard) {
    std::string_view t = ts_node_type(d);
    if (t == "function_declarator" || t == "operator_cast") return d;
    if (t == "pointer_declarator" || t == "reference_declarator" ||
        t == "parenthesized_declarator" || t == "attributed_declarator") {
      TSNode inner = field(d, "declarator");
      d = ts_node_is_null(inner) ? ts_node_named_child(d, 0) : inner;
      continue;
    }
    break;
  }
  return TSNode{};
}

void definition(TSNode def, TSNode outer, FunctionWalker& w) {
  TSNode body = field(def, "body");
  TSNode decl = function_declarator(field(def, "declarator"));
  if (ts_node_is_null(body) || ts_node_is_null(decl)) return w.walk_children(def);
  FunctionSpec spec;
  if (is_type(decl, "operator_cast")) {
    // "operator bool() const": the name is everything before the parameter list.
    std::string_view text = w.text_of(decl);
    TSNode inner = field(decl, "declarator");
    std::size_t cut = ts_node_is_null(inner) ? text.size()
                                             : ts_node_start_byte(inner) - ts_node_start_byte(decl);
    std::string_view head = text.substr(0, std::min(cut, text.size()));
    std::size_t sep = head.rfind("::");
    if (sep != std::string_view::npos) {
      std::string_view quals = head.substr(0, sep);
      std::size_t start = 0;
      while (start <= quals.size()) {
        std::size_t next = quals.find("::", start);
        std::string_view part = quals.substr(start, next == std::string_view::npos ? std::string_view::npos : next - start);
        if (std::size_t lt = part.find('<'); lt != std::string_view::npos) part = part.substr(0, lt);
        if (!part.empty()) spec.qualifiers.push_back(squeeze(part));
        if (next == std::string_view::npos) break;
        start = next + 2;
      }
      head = head.substr(sep + 2);
    }
    spec.name = squeeze(head);
  } else {
    split_name(w, field(decl, "declarator"), spec.qualifiers, spec.name);
  }
  if (spec.name.empty()) return w.walk_children(def);
  const std::string owner = !spec.qualifiers.empty() ? spec.qualifiers.back()
                            : w.in_class()           ? w.innermost_name()
                                                     : std::string();
  spec.kind = owner.empty()         ? FunctionKind::kFunction
              : spec.name == owner ? FunctionKind::kConstructor
                                   : FunctionKind::kMethod;
  spec.outer = outer;
  spec.header = outer;
  spec.body = body;
  w.walk_in_scope(body, w.emit(spec), /*is_class=*/false);
}

}  // namespace

bool visit_cpp(TSNode n, FunctionWalker& w) {
  std::string_view type = ts_node_type(n);
  if (type == "function_definition") return definition(n, n, w), true;
  if (type == "template_declaration") {
    // template<...> [template<...>] function_definition: the unit starts at the
    // outermost `template`, where its comment sits.
    TSNode inner = n;
    while (is_type(inner, "template_declaration")) {
      TSNode next{};
      for (uint32_t i = 0; i < ts_node_named_child_count(inner); ++i) {
        TSNode c = ts_node_named_child(inner, i);
        std::string_view ct = ts_node_type(c);
        if (ct == "function_definition" || ct == "template_declaration") { next = c; break; }
      }
      if (ts_node_is_null(next)) break;
      inner = next;
    }
    if (is_type(inner, "function_definition")) return definition(inner, n, w), true;
    return false;
  }
  if (type == "class_specifier" || type == "struct_specifier" || type == "union_specifier") {
    TSNode name = field(n, "name");
    TSNode body = field(n, "body");
    if (ts_node_is_null(body)) return true;  // forward declaration / elaborated type
    if (ts_node_is_null(name)) return false;  // anonymous: members belong to the outer scope
    w.walk_in_scope(body, {scope_name(w, name)}, /*is_class=*/true);
    return true;
  }
  return false;
}

}  // namespace codeloom::lang::detail
