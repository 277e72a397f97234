// Reading fields of one dataset record (private to the harness).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::harness::detail {

// Parses a record. EvalPlus files may hold bare NaN/Infinity (Python's json
// writes them); they are read as null here because only the Python runner,
// which gets the raw text, needs those values.
Result<nlohmann::json> parse_record(std::string_view text);

// The string field `key`, or kCorrupt naming it.
Result<std::string> string_field(const nlohmann::json& j, const char* key);

// A non-empty array of strings `key` (carriage returns stripped), or kCorrupt naming it.
Result<std::vector<std::string>> string_list_field(const nlohmann::json& j, const char* key);

// task_id as a string (MBPP stores numbers).
Result<std::string> task_id_field(const nlohmann::json& j);

Error corrupt(const std::string& what);

}  // namespace codeloom::harness::detail
