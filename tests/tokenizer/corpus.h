// Test corpus for the tokenizer: the lang golden source files (real Python,
// Java, C++ and JavaScript from CPython, the JDK and libstdc++) plus edge cases.
#pragma once

#include <string>
#include <vector>

namespace codeloom::tokenizer::testdata {

// Whole files, sorted by path.
std::vector<std::string> golden_files();
// >= 1,000 samples: every file cut into 12-line chunks, plus hand-written edge cases
// (Unicode letters and digits, contractions, CRLF, tabs, long whitespace runs, emoji).
std::vector<std::string> samples();
// Hand-written edge cases only.
std::vector<std::string> edge_cases();

}  // namespace codeloom::tokenizer::testdata
