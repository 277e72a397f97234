// The parse budget: tree-sitter calls our progress callback every 100 parse
// operations; it cancels the parse once the time spent exceeds the allowance for
// the bytes reached so far (ParseOptions::time_limit + time_per_mib per MiB).
#include "parse_budget.h"

#include <algorithm>

namespace codeloom::lang::detail {
namespace {

using Clock = std::chrono::steady_clock;

struct Budget {
  Clock::time_point start;
  double base_ms = 0;
  double ms_per_byte = 0;
  std::uint32_t reached = 0;
  bool expired = false;
};

bool over_budget(TSParseState* state) {
  auto* b = static_cast<Budget*>(state->payload);
  b->reached = std::max(b->reached, state->current_byte_offset);
  const double elapsed_ms =
      std::chrono::duration<double, std::milli>(Clock::now() - b->start).count();
  if (elapsed_ms > b->base_ms + b->ms_per_byte * b->reached) b->expired = true;
  return b->expired;  // true cancels the parse
}

struct StringInput {
  const std::string* text;
};

const char* read_string(void* payload, uint32_t byte, TSPoint, uint32_t* bytes_read) {
  const std::string& text = *static_cast<StringInput*>(payload)->text;
  if (byte >= text.size()) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = static_cast<uint32_t>(text.size() - byte);
  return text.data() + byte;
}

}  // namespace

BudgetedParse parse_with_budget(TSParser* parser, const TSTree* old, const std::string& text,
                                const ParseOptions& options) {
  BudgetedParse out;
  StringInput in{&text};
  TSInput input{&in, read_string, TSInputEncodingUTF8, nullptr};
  const auto start = Clock::now();
  if (options.time_limit.count() <= 0) {
    out.tree = ts_parser_parse(parser, old, input);
    out.reached_byte = static_cast<uint32_t>(text.size());
  } else {
    Budget budget;
    budget.start = start;
    budget.base_ms = static_cast<double>(options.time_limit.count());
    budget.ms_per_byte = static_cast<double>(options.time_per_mib.count()) / (1u << 20);
    TSParseOptions parse_options{&budget, over_budget};
    out.tree = ts_parser_parse_with_options(parser, old, input, parse_options);
    out.over_budget = budget.expired && out.tree == nullptr;
    out.reached_byte = budget.reached;
  }
  out.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  // A cancelled parse would otherwise be resumed by the next call.
  if (out.tree == nullptr) ts_parser_reset(parser);
  return out;
}

Error over_budget_error(const std::string& text, const BudgetedParse& run,
                        const ParseOptions& options) {
  const std::size_t at = std::min<std::size_t>(run.reached_byte, text.size());
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  return make_error(
      ErrorCode::kOutOfRange,
      "source is too complex to parse within the time budget: stopped after " +
          std::to_string(run.elapsed.count()) + " ms at line " + std::to_string(line) + " (byte " +
          std::to_string(at) + " of " + std::to_string(text.size()) + "); the budget is " +
          std::to_string(options.time_limit.count()) + " ms + " +
          std::to_string(options.time_per_mib.count()) +
          " ms per MiB parsed. Error recovery is slow on e.g. long runs of unclosed brackets "
          "or an unterminated string or comment: check the text before that line, or raise "
          "the limit (ParseOptions::time_limit, codeloom parse --time-limit-ms; 0 = none)");
}

}  // namespace codeloom::lang::detail
