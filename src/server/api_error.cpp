#include "api_error.h"

#include <algorithm>
#include <cmath>

namespace codeloom::server {

nlohmann::json error_json(const ApiError& e) {
  return {{"error",
           {{"message", e.message},
            {"type", e.type},
            {"param", e.param.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.param)},
            {"code", e.code.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.code)}}}};
}

HttpResponse error_response(const ApiError& e) {
  HttpResponse r;
  r.status = e.status;
  r.body = error_json(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

ApiError bad_request(std::string message, std::string param) {
  ApiError e;
  e.message = std::move(message);
  e.param = std::move(param);
  return e;
}

namespace {

constexpr int kMaxDepth = 128;  // far above any real request (tool schemas nest ~10 deep)

// Deepest array/object nesting outside strings, stopping once past `limit`.
int nesting_depth(const std::string& text, int limit) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char ch : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (ch == '\\') {
        escaped = true;
      } else if (ch == '"') {
        in_string = false;
      }
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) break;
    } else if (ch == ']' || ch == '}') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

std::optional<ApiError> parse_object(const std::string& body, nlohmann::json* out) {
  if (body.empty()) return bad_request("the request body is empty; send a JSON object");
  // nlohmann's parser and destructor recurse per level: refuse absurd nesting first.
  if (nesting_depth(body, kMaxDepth) > kMaxDepth) {
    return bad_request("the request body nests arrays/objects deeper than " + std::to_string(kMaxDepth) + " levels");
  }
  try {
    *out = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the position where parsing failed.
    return bad_request("the request body is not valid JSON: error at byte " + std::to_string(e.byte) + " (" +
                       std::string(e.what()) + ")");
  } catch (const nlohmann::json::out_of_range& e) {
    // 1e999999 or an integer of thousands of digits: valid JSON grammar, no double holds it.
    return bad_request(std::string("the request body holds a number too large to represent (") + e.what() + ")");
  } catch (const nlohmann::json::exception& e) {
    return bad_request(std::string("the request body could not be parsed (") + e.what() + ")");
  }
  if (!out->is_object()) return bad_request("the request body must be a JSON object, got " + json_type_name(*out));
  return std::nullopt;
}

std::string json_type_name(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "an integer";
    case nlohmann::json::value_t::number_float: return "a number";
    default: return "an unsupported value";
  }
}

// "'key'" — built without operator+ on a literal (GCC 12 warns falsely on that).
static std::string q(const char* key) {
  std::string s = "'";
  s += key;
  s += "'";
  return s;
}

const nlohmann::json* Fields::get(const char* key) const {
  auto it = j_.find(key);
  if (it == j_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool Fields::has(const char* key) const { return get(key) != nullptr; }

void Fields::fail(std::string message, const char* key) {
  if (!error) error = bad_request(std::move(message), key);
}

std::optional<std::string> Fields::string(const char* key, std::size_t max_bytes) {
  const auto* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    fail(q(key) + " must be a string, got " + json_type_name(*v), key);
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > max_bytes) {
    fail(q(key) + " is longer than " + std::to_string(max_bytes) + " bytes", key);
    return std::nullopt;
  }
  return s;
}

std::optional<long long> Fields::integer(const char* key, long long min, long long max) {
  const auto* v = get(key);
  if (!v) return std::nullopt;
  long long x = 0;
  if (v->is_number_integer()) {
    x = v->get<long long>();
  } else if (v->is_number_float() && std::isfinite(v->get<double>()) && std::floor(v->get<double>()) == v->get<double>() &&
             std::fabs(v->get<double>()) < 9e15) {
    x = static_cast<long long>(v->get<double>());  // 16.0 is accepted as 16 (some clients send floats)
  } else {
    fail(q(key) + " must be an integer, got " + json_type_name(*v), key);
    return std::nullopt;
  }
  if (x < min || x > max) {
    fail(q(key) + " must be between " + std::to_string(min) + " and " + std::to_string(max) +
             ", got " + std::to_string(x),
         key);
    return std::nullopt;
  }
  return x;
}

std::optional<double> Fields::number(const char* key, double min, double max) {
  const auto* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    fail(q(key) + " must be a number, got " + json_type_name(*v), key);
    return std::nullopt;
  }
  const double x = v->get<double>();
  if (!std::isfinite(x) || x < min || x > max) {
    fail(q(key) + " must be between " + nlohmann::json(min).dump() + " and " +
             nlohmann::json(max).dump() + ", got " + v->dump(),
         key);
    return std::nullopt;
  }
  return x;
}

std::optional<bool> Fields::boolean(const char* key) {
  const auto* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    fail(q(key) + " must be true or false, got " + json_type_name(*v), key);
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::vector<std::string>> Fields::strings(const char* key, std::size_t max_items, std::size_t max_bytes) {
  const auto* v = get(key);
  if (!v) return std::nullopt;
  std::vector<std::string> out;
  if (v->is_string()) {
    out.push_back(v->get<std::string>());
  } else if (v->is_array()) {
    for (const auto& e : *v) {
      if (!e.is_string()) {
        fail(q(key) + " must be a string or an array of strings; it holds " + json_type_name(e), key);
        return std::nullopt;
      }
      out.push_back(e.get<std::string>());
    }
  } else {
    fail(q(key) + " must be a string or an array of strings, got " + json_type_name(*v), key);
    return std::nullopt;
  }
  if (out.size() > max_items) {
    fail(q(key) + " may hold at most " + std::to_string(max_items) + " strings", key);
    return std::nullopt;
  }
  for (const auto& s : out) {
    if (s.size() > max_bytes) {
      fail("each " + q(key) + " string must be at most " + std::to_string(max_bytes) + " bytes", key);
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace codeloom::server
