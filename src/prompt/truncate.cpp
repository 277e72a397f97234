#include "codeloom/prompt/truncate.h"

#include <algorithm>
#include <vector>

namespace codeloom::prompt {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Binary search over candidate cut points sorted so that "fits" is monotone
// (false...false true...true). Token counts of nested substrings are monotone
// in practice for BPE/SPM; the final answer is re-checked by the callers'
// loop below so a rare non-monotone step only costs a little extra text.
template <typename Fits>
std::size_t first_fitting(const std::vector<std::size_t>& cands, Fits fits) {
  std::size_t lo = 0, hi = cands.size();  // answer index in [lo, hi]; hi = none
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (fits(cands[mid])) hi = mid; else lo = mid + 1;
  }
  return lo;
}

// Same answer as first_fitting when cands[0] does not fit, but probes
// 1, 2, 4, ... first: cheap when the answer is near the start (a good hint).
template <typename Fits>
std::size_t first_fitting_near_start(const std::vector<std::size_t>& cands, Fits fits) {
  std::size_t lo = 0, step = 1;  // cands[lo] does not fit
  while (lo + step < cands.size() && !fits(cands[lo + step])) {
    lo += step;
    step *= 2;
  }
  std::size_t hi = std::min(cands.size(), lo + step);  // cands[hi] fits, or hi == size
  ++lo;
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (fits(cands[mid])) hi = mid; else lo = mid + 1;
  }
  return lo;
}

// cands[hi] fits. The first fitting index in [0, hi], probing hi-1, hi-2,
// hi-4, ... first: cheap when the answer is at or just before hi (a hint on
// or just past the true cut).
template <typename Fits>
std::size_t first_fitting_near_end(const std::vector<std::size_t>& cands, std::size_t hi, Fits fits) {
  std::size_t lo = 0, step = 1;  // the answer is in [lo, hi]
  while (step <= hi) {
    const std::size_t p = hi - step;
    if (!fits(cands[p])) {
      lo = p + 1;
      break;
    }
    hi = p;
    step *= 2;
  }
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (fits(cands[mid])) hi = mid; else lo = mid + 1;
  }
  return hi;
}

}  // namespace

std::size_t keep_tail(std::string_view text, std::size_t max_tokens, const TokenCounter& count,
                      std::size_t hint) {
  if (max_tokens == 0 || text.empty()) return text.size();
  auto fits = [&](std::size_t s) { return count(text.substr(s)) <= max_tokens; };
  std::vector<std::size_t> starts;  // line starts after 0, ascending
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  // With a hint, start at the first line start at or after it and gallop
  // towards the answer: right when that start does not fit (no earlier one
  // does either), left when it does.
  auto from = std::lower_bound(starts.begin(), starts.end(), hint);
  std::size_t idx;
  if (hint > 0 && from != starts.end()) {
    const auto h = static_cast<std::size_t>(from - starts.begin());
    if (!fits(starts[h])) {
      starts.erase(starts.begin(), from);
      idx = first_fitting_near_start(starts, fits);
    } else {
      idx = first_fitting_near_end(starts, h, fits);
      if (idx == 0 && fits(0)) return 0;  // even the text start fits
    }
  } else if (fits(0)) {
    return 0;
  } else {
    idx = first_fitting(starts, fits);
  }
  if (idx < starts.size()) {
    while (idx < starts.size() && !fits(starts[idx])) ++idx;  // guard non-monotone counts
    if (idx < starts.size()) return starts[idx];
  }
  // Even the last line is too long: cut inside it at character boundaries.
  std::size_t line = starts.empty() ? 0 : starts.back();
  std::vector<std::size_t> chars;
  for (std::size_t i = line + 1; i < text.size(); ++i) {
    if (!is_continuation(static_cast<unsigned char>(text[i]))) chars.push_back(i);
  }
  idx = first_fitting(chars, fits);
  while (idx < chars.size() && !fits(chars[idx])) ++idx;
  return idx < chars.size() ? chars[idx] : text.size();
}

std::size_t keep_head(std::string_view text, std::size_t max_tokens, const TokenCounter& count,
                      std::size_t hint) {
  if (max_tokens == 0 || text.empty()) return 0;
  auto fits = [&](std::size_t e) { return count(text.substr(0, e)) <= max_tokens; };
  // Line ends, descending, so that "fits" goes false...true along the vector.
  std::vector<std::size_t> ends;
  for (std::size_t i = text.size() - 1; i-- > 0;) {
    if (text[i] == '\n') ends.push_back(i + 1);
  }
  // With a hint, start at the last line end at or before it and gallop
  // either way (see keep_tail).
  auto from = std::find_if(ends.begin(), ends.end(), [&](std::size_t e) { return e <= hint; });
  std::size_t idx;
  if (hint < text.size() && from != ends.end()) {
    const auto h = static_cast<std::size_t>(from - ends.begin());
    if (!fits(ends[h])) {
      ends.erase(ends.begin(), from);
      idx = first_fitting_near_start(ends, fits);
    } else {
      idx = first_fitting_near_end(ends, h, fits);
      if (idx == 0 && fits(text.size())) return text.size();  // even the whole text fits
    }
  } else if (fits(text.size())) {
    return text.size();
  } else {
    idx = first_fitting(ends, fits);
  }
  while (idx < ends.size() && !fits(ends[idx])) ++idx;
  if (idx < ends.size()) return ends[idx];
  // The first line alone is too long: cut inside it.
  std::size_t line_end = text.find('\n');
  if (line_end == std::string_view::npos) line_end = text.size();
  std::vector<std::size_t> chars;
  for (std::size_t i = line_end; i > 0; --i) {
    if (i == text.size() || !is_continuation(static_cast<unsigned char>(text[i]))) chars.push_back(i);
  }
  idx = first_fitting(chars, fits);
  while (idx < chars.size() && !fits(chars[idx])) ++idx;
  return idx < chars.size() ? chars[idx] : 0;
}

}  // namespace codeloom::prompt
