// Shared by the MultiPL-E benchmarks (private to the harness): records with
// prompt, tests and stop_tokens; program = prompt + completion + tests.
// MultiPL-E ships no reference solutions (has_canonical stays false).
#pragma once

#include <string_view>

#include "codeloom/harness/benchmark.h"

namespace codeloom::harness::detail {

Result<Problem> parse_multipl_e(std::string_view text);

}  // namespace codeloom::harness::detail
