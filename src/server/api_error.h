// API errors and typed reads of JSON request fields with precise messages.
//
//   Fields f(body);                       // body: a JSON object
//   auto n = f.integer("n", 1, 8);        // nullopt when absent or wrong
//   if (f.error) return error_response(*f.error);
//
// Errors use OpenAI's shape: {"error": {"message", "type", "param", "code"}},
// which llama.vim and Continue also read.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http.h"

namespace codeloom::server {

struct ApiError {
  int status = 400;
  std::string message;
  std::string type = "invalid_request_error";
  std::string param;  // the offending field, may be empty
  std::string code;   // e.g. "model_not_found", may be empty
};

nlohmann::json error_json(const ApiError& e);
HttpResponse error_response(const ApiError& e);
ApiError bad_request(std::string message, std::string param = "");

// Parses the body as a JSON object, or says precisely why not.
std::optional<ApiError> parse_object(const std::string& body, nlohmann::json* out);

class Fields {
 public:
  explicit Fields(const nlohmann::json& object) : j_(object) {}
  bool has(const char* key) const;  // present and not null
  std::optional<std::string> string(const char* key, std::size_t max_bytes);
  std::optional<long long> integer(const char* key, long long min, long long max);
  std::optional<double> number(const char* key, double min, double max);
  std::optional<bool> boolean(const char* key);
  // A string or an array of strings (OpenAI "stop"); at most max_items.
  std::optional<std::vector<std::string>> strings(const char* key, std::size_t max_items, std::size_t max_bytes);
  void fail(std::string message, const char* key);  // keeps the first error

  std::optional<ApiError> error;

 private:
  const nlohmann::json* get(const char* key) const;
  const nlohmann::json& j_;
};

// "a string", "an integer", ... for messages.
std::string json_type_name(const nlohmann::json& v);

}  // namespace codeloom::server
