// Module-internal: the tree-sitter grammar behind each Language.
#pragma once

#include <tree_sitter/api.h>

#include "codeloom/lang/language.h"

namespace codeloom::lang::detail {

const TSLanguage* grammar(Language language);

}  // namespace codeloom::lang::detail
