// The parse budget: tree-sitter calls our progress callback every 100 parse
// operations; it cancels the parse once the time spent, or the memory tree-sitter
// allocated, exceeds the allowance for the bytes reached so far
// (ParseOptions::time_limit + time_per_mib per MiB; memory_limit +
// memory_per_byte per byte).
#include "parse_budget.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace codeloom::lang::detail {
namespace {

using Clock = std::chrono::steady_clock;

// Memory accounting: tree-sitter's allocator is process-wide, so the hooks add
// to a counter of the parse running on the calling thread (none: not counted).
// free stays the C library's, so memory from before the hooks frees normally.
thread_local std::size_t* t_allocated = nullptr;

void* must(void* p, std::size_t size) {
  if (p == nullptr && size > 0) {  // what tree-sitter's own allocator does
    std::fprintf(stderr, "tree-sitter failed to allocate %zu bytes\n", size);
    std::abort();
  }
  return p;
}
void* counted_malloc(std::size_t size) {
  if (t_allocated) *t_allocated += size;
  return must(std::malloc(size), size);
}
void* counted_calloc(std::size_t count, std::size_t size) {
  if (t_allocated) *t_allocated += count * size;
  return must(std::calloc(count, size), count * size);
}
void* counted_realloc(void* p, std::size_t size) {
  if (t_allocated) *t_allocated += size;  // gross: growth is counted in full
  return must(std::realloc(p, size), size);
}

void install_allocator() {
  static std::once_flag once;
  std::call_once(once, [] {
    ts_set_allocator(counted_malloc, counted_calloc, counted_realloc, std::free);
  });
}

struct Budget {
  Clock::time_point start;
  double base_ms = 0;  // <= 0: no time budget
  double ms_per_byte = 0;
  std::size_t memory_base = 0;  // 0: no memory budget
  std::size_t memory_per_byte = 0;
  std::size_t allocated = 0;
  std::uint32_t reached = 0;
  bool out_of_time = false;
  bool out_of_memory = false;
};

bool over_budget(TSParseState* state) {
  auto* b = static_cast<Budget*>(state->payload);
  b->reached = std::max(b->reached, state->current_byte_offset);
  if (b->base_ms > 0) {
    const double elapsed_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - b->start).count();
    b->out_of_time = elapsed_ms > b->base_ms + b->ms_per_byte * b->reached;
  }
  if (b->memory_base > 0)
    b->out_of_memory = b->allocated > b->memory_base + b->memory_per_byte * b->reached;
  return b->out_of_time || b->out_of_memory;  // true cancels the parse
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
  Budget budget;
  budget.start = Clock::now();
  budget.base_ms = static_cast<double>(options.time_limit.count());
  budget.ms_per_byte = static_cast<double>(options.time_per_mib.count()) / (1u << 20);
  budget.memory_base = options.memory_limit;
  budget.memory_per_byte = options.memory_per_byte;
  if (budget.base_ms <= 0 && budget.memory_base == 0) {
    out.tree = ts_parser_parse(parser, old, input);
    out.reached_byte = static_cast<uint32_t>(text.size());
  } else {
    install_allocator();
    t_allocated = &budget.allocated;
    out.tree = ts_parser_parse_with_options(parser, old, input, TSParseOptions{&budget, over_budget});
    t_allocated = nullptr;
    out.over_budget = out.tree == nullptr && (budget.out_of_time || budget.out_of_memory);
    out.out_of_memory = budget.out_of_memory;
    out.allocated = budget.allocated;
    out.reached_byte = budget.reached;
  }
  out.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - budget.start);
  // A cancelled parse would otherwise be resumed by the next call.
  if (out.tree == nullptr) ts_parser_reset(parser);
  return out;
}

Error over_budget_error(const std::string& text, const BudgetedParse& run,
                        const ParseOptions& options) {
  const std::size_t at = std::min<std::size_t>(run.reached_byte, text.size());
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  const std::string where = " at line " + std::to_string(line) + " (byte " + std::to_string(at) +
                            " of " + std::to_string(text.size()) + ")";
  const std::string budget =
      run.out_of_memory
          ? "memory budget: " + std::to_string(run.allocated >> 20) + " MiB allocated" + where +
                "; the budget is " + std::to_string(options.memory_limit >> 20) + " MiB + " +
                std::to_string(options.memory_per_byte) + " bytes per byte parsed"
          : "time budget: stopped after " + std::to_string(run.elapsed.count()) + " ms" + where +
                "; the budget is " + std::to_string(options.time_limit.count()) + " ms + " +
                std::to_string(options.time_per_mib.count()) + " ms per MiB parsed";
  return make_error(
      ErrorCode::kOutOfRange,
      "source is too complex to parse within the " + budget +
          ". Error recovery is slow on e.g. long runs of unclosed brackets or an unterminated "
          "string or comment: check the text before that line, or raise the limit "
          "(ParseOptions::time_limit / memory_limit, codeloom parse --time-limit-ms; 0 = none)");
}

}  // namespace codeloom::lang::detail
