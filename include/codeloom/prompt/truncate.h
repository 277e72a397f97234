// Cutting text to a token budget while keeping the code nearest the cursor.
// Cuts land on line boundaries whenever a whole line fits; only when the
// single line next to the cursor is itself too long is it cut inside, at a
// UTF-8 character boundary (never inside a multi-byte character).
//
//   TokenCounter count = [&](std::string_view s) { return model.tokenize(s, false).size(); };
//   std::size_t start = keep_tail(prefix, 100, count);   // keep prefix.substr(start)
//   std::size_t end   = keep_head(suffix, 30, count);    // keep suffix.substr(0, end)
//
// Pure functions; thread-safe when `count` is.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace codeloom::prompt {

using TokenCounter = std::function<std::size_t(std::string_view)>;

// The smallest byte offset s such that text.substr(s) takes at most
// max_tokens tokens, preferring line starts (s == 0 or text[s-1] == '\n').
// Returns text.size() when max_tokens == 0.
// `hint` (optional) is a byte offset where the answer is expected: the search
// starts at the first line start at or after it and gallops towards the
// answer in either direction, so a close hint costs two or three counts of
// about max_tokens tokens each (fast on huge files). Any hint gives the same
// result as none.
std::size_t keep_tail(std::string_view text, std::size_t max_tokens, const TokenCounter& count,
                      std::size_t hint = 0);

// The largest byte offset e such that text.substr(0, e) takes at most
// max_tokens tokens, preferring line ends (e == text.size() or text[e-1] == '\n').
// `hint` (optional): where the answer is expected (the search starts at the
// last line end at or before it); same guarantee.
std::size_t keep_head(std::string_view text, std::size_t max_tokens, const TokenCounter& count,
                      std::size_t hint = std::string_view::npos);

}  // namespace codeloom::prompt
