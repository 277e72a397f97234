#include "request_scope.h"

#include "codeloom/lang/language.h"

namespace codeloom::server {
namespace {

std::optional<lang::Language> from_path(const nlohmann::json& v) {
  if (!v.is_string()) return std::nullopt;
  // Extension only: the content of a path-less chunk says nothing reliable.
  auto l = lang::detect_language(v.get<std::string>());
  return l ? std::optional<lang::Language>(*l) : std::nullopt;
}

}  // namespace

std::string read_scope(Fields& f, const nlohmann::json& body, const std::string& prefix, decode::GenerateOptions& o) {
  std::optional<lang::Language> language;
  if (auto name = f.string("codeloom_language", 64)) {
    auto l = lang::parse_language_name(*name);
    if (!l) {
      f.fail("'codeloom_language': " + l.error().message, "codeloom_language");
      return "";
    }
    language = *l;
  }
  if (!language && body.contains("filename")) language = from_path(body["filename"]);
  if (!language && body.contains("input_extra") && body["input_extra"].is_array()) {
    for (const auto& chunk : body["input_extra"]) {
      if (chunk.is_object() && chunk.contains("filename")) language = from_path(chunk["filename"]);
      if (language) break;
    }
  }
  if (auto name = f.string("codeloom_scope", 16)) {
    auto scope = decode::parse_scope(*name);
    if (!scope) {
      f.fail("'codeloom_scope' must be line, block or full, got '" + *name + "'", "codeloom_scope");
      return "";
    }
    o.scope = *scope;
  }
  if (o.scope == decode::Scope::kBlock) {
    if (!language) {
      f.fail("'codeloom_scope' block needs the file's language: send 'codeloom_language' (python, java, cpp or "
             "javascript) or a 'filename' with a known extension",
             "codeloom_scope");
      return "";
    }
    o.scope_context.prefix = prefix;
  }
  o.scope_context.language = language;
  return language ? std::string(lang::language_name(*language)) : std::string();
}

}  // namespace codeloom::server
