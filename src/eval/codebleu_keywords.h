// codebleu 0.7.0's keyword lists (the tokens its weighted n-gram match weighs 1).
#pragma once

#include <string>
#include <vector>

#include "codeloom/lang/language.h"

namespace codeloom::eval::detail {

// Verbatim list (one entry per line of codebleu/keywords/<lang>.txt); empty for
// languages codebleu has no list for here (JavaScript is not supported).
const std::vector<std::string>& codebleu_keywords(lang::Language language);

}  // namespace codeloom::eval::detail
