// Edit similarity: 1 - Levenshtein(a, b) / max(len(a), len(b)), where lengths and
// edits count Unicode CODE POINTS of the UTF-8 input (not bytes: "é" vs "e" is one
// substitution). Insert, delete and substitute cost 1. Two empty strings have
// similarity 1. Invalid UTF-8 bytes count as one code point each (U+FFFD).
//
//   double s = codeloom::eval::edit_similarity("kitten", "sitting");   // 1 - 3/7
//   std::size_t d = codeloom::eval::levenshtein("flaw", "lawn");       // 2
//
// O(len(a) * len(b)) time, O(min) memory. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace codeloom::eval {

std::size_t levenshtein(std::string_view a, std::string_view b);
double edit_similarity(std::string_view a, std::string_view b);

}  // namespace codeloom::eval
