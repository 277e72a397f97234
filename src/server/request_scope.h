// codeloom's own completion scopes on /infill and /v1/completions, in request
// fields that llama.cpp's server does not use:
//   "codeloom_scope":    "line" | "block" | "full" (default full)
//   "codeloom_language": python | java | cpp | javascript (and their aliases)
// Without codeloom_language the language comes from the extension of
// "filename" (the edited file), else of the first "input_extra" chunk whose
// filename has a known extension. The block scope needs a language (400
// otherwise); the others use it only for the feedback record.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "api_error.h"
#include "codeloom/decode/generate.h"

namespace codeloom::server {

// Sets o.scope and o.scope_context (prefix = the code before the cursor).
// Returns the language's canonical name ("" when unknown); errors go to f.
std::string read_scope(Fields& f, const nlohmann::json& body, const std::string& prefix, decode::GenerateOptions& o);

}  // namespace codeloom::server
