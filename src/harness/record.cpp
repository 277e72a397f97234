#include "record.h"

#include "mbpp_common.h"

namespace codeloom::harness::detail {

namespace {

// Replaces NaN / Infinity / -Infinity outside strings with null.
std::string nan_to_null(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) out += text[++i];
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    auto starts = [&](std::string_view w) { return text.substr(i, w.size()) == w; };
    if (starts("-Infinity")) { out += "null"; i += 8; continue; }
    if (starts("Infinity")) { out += "null"; i += 7; continue; }
    if (starts("NaN")) { out += "null"; i += 2; continue; }
    out += c;
  }
  return out;
}

}  // namespace

Error corrupt(const std::string& what) { return make_error(ErrorCode::kCorrupt, what); }

Result<nlohmann::json> parse_record(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) j = nlohmann::json::parse(nan_to_null(text), nullptr, false);
  if (j.is_discarded()) return corrupt("not valid JSON");
  if (!j.is_object()) return corrupt("not a JSON object");
  return j;
}

Result<std::string> string_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return corrupt(std::string("missing string field \"") + key + "\"");
  return it->get<std::string>();
}

Result<std::string> task_id_field(const nlohmann::json& j) {
  auto it = j.find("task_id");
  if (it != j.end() && it->is_string()) return it->get<std::string>();
  if (it != j.end() && it->is_number_integer()) return std::to_string(it->get<long long>());
  return corrupt("missing field \"task_id\" (string or integer)");
}

Result<std::vector<std::string>> string_list_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array() || it->empty())
    return corrupt(std::string("missing array field \"") + key + "\"");
  std::vector<std::string> out;
  for (const auto& t : *it) {
    if (!t.is_string()) return corrupt(std::string("\"") + key + "\" must hold strings");
    out.push_back(strip_cr(t.get<std::string>()));
  }
  return out;
}

}  // namespace codeloom::harness::detail
