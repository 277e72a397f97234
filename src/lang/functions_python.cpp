// Python: def / async def (decorated or not), methods, nested functions; classes
// give scope. The docstring is the first statement of the body when it is a string.
#include "function_walker.h"

namespace codeloom::lang::detail {
namespace {

std::string docstring(const FunctionWalker& w, TSNode body) {
  if (!is_type(body, "block") || ts_node_named_child_count(body) == 0) return {};
  TSNode first = ts_node_named_child(body, 0);
  if (!is_type(first, "expression_statement") || ts_node_named_child_count(first) != 1) return {};
  TSNode s = ts_node_named_child(first, 0);
  if (is_type(s, "string")) {
    // Content lies between string_start (quotes + prefix) and string_end.
    const uint32_t n = ts_node_child_count(s);
    if (n >= 2 && is_type(ts_node_child(s, 0), "string_start") &&
        is_type(ts_node_child(s, n - 1), "string_end")) {
      const std::size_t b = ts_node_end_byte(ts_node_child(s, 0));
      const std::size_t e = ts_node_start_byte(ts_node_child(s, n - 1));
      return e > b ? w.text().substr(b, e - b) : std::string();
    }
  }
  if (is_type(s, "concatenated_string") || is_type(s, "string")) return std::string(w.text_of(s));
  return {};
}

void function(TSNode def, TSNode outer, FunctionWalker& w) {
  TSNode name = field(def, "name");
  TSNode body = field(def, "body");
  if (ts_node_is_null(name) || ts_node_is_null(body)) return w.walk_children(def);
  FunctionSpec spec;
  spec.outer = outer;
  spec.header = def;
  spec.body = body;
  spec.name = std::string(w.text_of(name));
  spec.kind = !w.in_class()             ? FunctionKind::kFunction
              : spec.name == "__init__" ? FunctionKind::kConstructor
                                        : FunctionKind::kMethod;
  spec.doc = docstring(w, body);
  spec.comment_doc = false;
  w.walk_in_scope(body, w.emit(spec), /*is_class=*/false);
}

void klass(TSNode def, FunctionWalker& w) {
  TSNode name = field(def, "name");
  TSNode body = field(def, "body");
  if (ts_node_is_null(name) || ts_node_is_null(body)) return w.walk_children(def);
  w.walk_in_scope(body, {std::string(w.text_of(name))}, /*is_class=*/true);
}

}  // namespace

bool visit_python(TSNode n, FunctionWalker& w) {
  std::string_view type = ts_node_type(n);
  if (type == "function_definition") return function(n, n, w), true;
  if (type == "class_definition") return klass(n, w), true;
  if (type == "decorated_definition") {
    TSNode def = field(n, "definition");
    if (is_type(def, "function_definition")) return function(def, n, w), true;
    if (is_type(def, "class_definition")) return klass(def, w), true;
  }
  return false;
}

}  // namespace codeloom::lang::detail
