// Java: methods with a body and constructors, inside classes, interfaces, enums,
// records, annotation types and anonymous classes (scope "<anonymous>").
#include "function_walker.h"

namespace codeloom::lang::detail {
namespace {

bool is_type_declaration(std::string_view t) {
  return t == "class_declaration" || t == "interface_declaration" || t == "enum_declaration" ||
         t == "record_declaration" || t == "annotation_type_declaration";
}

void member(TSNode n, FunctionKind kind, FunctionWalker& w) {
  TSNode name = field(n, "name");
  TSNode body = field(n, "body");
  if (ts_node_is_null(name) || ts_node_is_null(body)) return;  // abstract / interface method
  FunctionSpec spec;
  spec.outer = n;
  spec.header = n;
  spec.body = body;
  spec.name = std::string(w.text_of(name));
  spec.kind = kind;
  w.walk_in_scope(body, w.emit(spec), /*is_class=*/false);
}

}  // namespace

bool visit_java(TSNode n, FunctionWalker& w) {
  std::string_view type = ts_node_type(n);
  if (is_type_declaration(type)) {
    TSNode name = field(n, "name");
    TSNode body = field(n, "body");
    if (ts_node_is_null(name) || ts_node_is_null(body)) return false;
    w.walk_in_scope(body, {std::string(w.text_of(name))}, /*is_class=*/true);
    return true;
  }
  if (type == "method_declaration") return member(n, FunctionKind::kMethod, w), true;
  if (type == "constructor_declaration" || type == "compact_constructor_declaration")
    return member(n, FunctionKind::kConstructor, w), true;
  if (type == "enum_body_declarations") return false;  // walk into it, same scope
  if (type == "class_body" && is_type(w.parent(n), "object_creation_expression")) {
    w.walk_in_scope(n, {"<anonymous>"}, /*is_class=*/true);
    return true;
  }
  return false;
}

}  // namespace codeloom::lang::detail
