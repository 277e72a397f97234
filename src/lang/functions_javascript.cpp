// JavaScript: function declarations, class and object-literal methods, and
// function/arrow expressions bound to a name (const f = () => ..., obj.f = function,
// Foo.prototype.f = function, { key: () => ... }). Classes give scope.
#include "function_walker.h"

namespace codeloom::lang::detail {
namespace {

bool is_function_value(TSNode n) {
  std::string_view t = ts_node_is_null(n) ? "" : ts_node_type(n);
  return t == "arrow_function" || t == "function_expression" || t == "function" ||
         t == "generator_function";
}

// A statement wrapper (export, expression statement, single-declarator
// declaration) is the unit when it holds nothing else; comments sit above it.
TSNode widen(TSNode n, const FunctionWalker& w) {
  for (;;) {
    TSNode p = w.parent(n);
    if (ts_node_is_null(p)) return n;
    std::string_view t = ts_node_type(p);
    if (t == "export_statement" || t == "expression_statement") { n = p; continue; }
    if ((t == "lexical_declaration" || t == "variable_declaration") &&
        ts_node_named_child_count(p) == 1) { n = p; continue; }
    return n;
  }
}

std::string unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    s = s.substr(1, s.size() - 2);
  return std::string(s);
}

void emit_function(TSNode fn, TSNode header, TSNode outer, std::string name,
                   std::vector<std::string> qualifiers, FunctionKind kind, FunctionWalker& w) {
  TSNode body = field(fn, "body");
  if (ts_node_is_null(body) || name.empty()) return w.walk_children(fn);
  FunctionSpec spec;
  spec.outer = outer;
  spec.header = header;
  spec.body = body;
  spec.name = std::move(name);
  spec.qualifiers = std::move(qualifiers);
  spec.kind = kind;
  w.walk_in_scope(body, w.emit(spec), /*is_class=*/false);
}

// `a.b.prototype.f = function` -> qualifiers {a, b}; module.exports / exports /
// this add none.
std::vector<std::string> member_qualifiers(const FunctionWalker& w, TSNode object) {
  std::string obj(w.text_of(object));
  if (obj.ends_with(".prototype")) obj.resize(obj.size() - 10);
  if (obj == "module.exports" || obj == "exports" || obj == "this" || obj.empty()) return {};
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t dot; (dot = obj.find('.', start)) != std::string::npos; start = dot + 1)
    out.push_back(obj.substr(start, dot - start));
  out.push_back(obj.substr(start));
  return out;
}

}  // namespace

bool visit_javascript(TSNode n, FunctionWalker& w) {
  std::string_view type = ts_node_type(n);
  if (type == "function_declaration" || type == "generator_function_declaration") {
    TSNode name = field(n, "name");
    if (ts_node_is_null(name)) return false;
    emit_function(n, n, widen(n, w), std::string(w.text_of(name)), {},
                  w.in_class() ? FunctionKind::kMethod : FunctionKind::kFunction, w);
    return true;
  }
  if (type == "class_declaration" || type == "class") {
    TSNode name = field(n, "name");
    TSNode body = field(n, "body");
    if (ts_node_is_null(body)) return false;
    std::string scope = ts_node_is_null(name) ? "<anonymous>" : std::string(w.text_of(name));
    w.walk_in_scope(body, {scope}, /*is_class=*/true);
    return true;
  }
  if (type == "method_definition") {
    std::string name(w.text_of(field(n, "name")));
    const bool ctor = name == "constructor" && w.in_class();
    emit_function(n, n, n, name, {}, ctor ? FunctionKind::kConstructor : FunctionKind::kMethod, w);
    return true;
  }
  if (type == "variable_declarator") {
    TSNode name = field(n, "name");
    TSNode value = field(n, "value");
    if (is_type(name, "identifier") && is_type(value, "object")) {  // const api = { f() {} }
      w.walk_in_scope(value, {std::string(w.text_of(name))}, /*is_class=*/true);
      return true;
    }
    if (!is_type(name, "identifier") || !is_function_value(value)) return false;
    emit_function(value, n, widen(n, w), std::string(w.text_of(name)), {}, FunctionKind::kFunction, w);
    return true;
  }
  if (type == "assignment_expression") {
    TSNode left = field(n, "left");
    TSNode right = field(n, "right");
    if (!is_function_value(right)) return false;
    if (is_type(left, "identifier")) {
      emit_function(right, n, widen(n, w), std::string(w.text_of(left)), {}, FunctionKind::kFunction, w);
      return true;
    }
    if (is_type(left, "member_expression")) {
      emit_function(right, n, widen(n, w), std::string(w.text_of(field(left, "property"))),
                    member_qualifiers(w, field(left, "object")), FunctionKind::kMethod, w);
      return true;
    }
    return false;
  }
  if (type == "pair") {
    TSNode key = field(n, "key");
    TSNode value = field(n, "value");
    if (!is_function_value(value) || is_type(key, "computed_property_name")) return false;
    emit_function(value, n, n, unquote(w.text_of(key)), {}, FunctionKind::kMethod, w);
    return true;
  }
  return false;
}

}  // namespace codeloom::lang::detail
