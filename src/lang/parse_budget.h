// Module-internal: running tree-sitter under ParseOptions' time budget.
#pragma once

#include <tree_sitter/api.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "codeloom/common/status.h"
#include "codeloom/lang/source_tree.h"

namespace codeloom::lang::detail {

struct BudgetedParse {
  TSTree* tree = nullptr;         // owned by the caller; null when over budget
  bool over_budget = false;
  bool out_of_memory = false;      // which budget ran out
  std::size_t allocated = 0;       // bytes tree-sitter allocated (gross)
  std::uint32_t reached_byte = 0;  // how far the parser got
  std::chrono::milliseconds elapsed{0};
};

// Parses `text` (with `old` for an incremental re-parse). When the budget runs out
// the parser is reset, so it can parse again from scratch.
BudgetedParse parse_with_budget(TSParser* parser, const TSTree* old, const std::string& text,
                                const ParseOptions& options);

// The "too complex" error for a parse that ran out of budget.
Error over_budget_error(const std::string& text, const BudgetedParse& run,
                        const ParseOptions& options);

}  // namespace codeloom::lang::detail
