// AST <-> JSON with nlohmann::json. Depth is bounded by AstOptions::max_depth on
// the way out and by kMaxDepth on the way in, so recursion here is safe.
#include <nlohmann/json.hpp>

#include "codeloom/lang/ast.h"

namespace codeloom::lang {
namespace {

using nlohmann::json;
constexpr std::size_t kMaxDepth = 4000;

json to_json(const AstNode& n) {
  json j;
  j["type"] = n.type;
  j["named"] = n.named;
  if (!n.field.empty()) j["field"] = n.field;
  if (n.missing) j["missing"] = true;
  if (!n.text.empty()) j["text"] = n.text;
  j["start_byte"] = n.range.start_byte;
  j["end_byte"] = n.range.end_byte;
  j["start"] = {n.range.start.line, n.range.start.column};
  j["end"] = {n.range.end.line, n.range.end.column};
  json children = json::array();
  for (const AstNode& c : n.children) children.push_back(to_json(c));
  j["children"] = std::move(children);
  return j;
}

Status from_json(const json& j, AstNode& out, std::size_t depth) {
  auto bad = [](const std::string& why) {
    return Status(make_error(ErrorCode::kInvalidArgument, "invalid AST JSON: " + why));
  };
  if (depth > kMaxDepth) return bad("nesting deeper than " + std::to_string(kMaxDepth));
  if (!j.is_object()) return bad("a node must be an object");
  if (!j.contains("type") || !j["type"].is_string()) return bad("node without a string \"type\"");
  for (const char* key : {"start_byte", "end_byte"})
    if (!j.contains(key) || !j[key].is_number_unsigned()) return bad(std::string("node without \"") + key + "\"");
  for (const char* key : {"start", "end"})
    if (!j.contains(key) || !j[key].is_array() || j[key].size() != 2 ||
        !j[key][0].is_number_unsigned() || !j[key][1].is_number_unsigned())
      return bad(std::string("\"") + key + "\" must be [line, column]");
  out.type = j["type"].get<std::string>();
  out.named = j.value("named", true);
  out.field = j.value("field", std::string());
  out.missing = j.value("missing", false);
  out.text = j.value("text", std::string());
  out.range.start_byte = j["start_byte"].get<std::size_t>();
  out.range.end_byte = j["end_byte"].get<std::size_t>();
  out.range.start = {j["start"][0].get<std::size_t>(), j["start"][1].get<std::size_t>()};
  out.range.end = {j["end"][0].get<std::size_t>(), j["end"][1].get<std::size_t>()};
  if (j.contains("children")) {
    if (!j["children"].is_array()) return bad("\"children\" must be an array");
    for (const json& c : j["children"]) {
      out.children.emplace_back();
      if (Status s = from_json(c, out.children.back(), depth + 1); !s) return s;
    }
  }
  return {};
}

}  // namespace

std::string ast_to_json(const AstNode& root, int indent) { return to_json(root).dump(indent, ' ', false, json::error_handler_t::replace); }

Result<AstNode> ast_from_json(std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    return make_error(ErrorCode::kInvalidArgument, "invalid AST JSON: not parseable JSON");
  AstNode root;
  if (Status s = from_json(j, root, 0); !s) return s.error();
  return root;
}

}  // namespace codeloom::lang
