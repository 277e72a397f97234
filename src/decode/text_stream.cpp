#include "codeloom/decode/text_stream.h"

#include <algorithm>

namespace codeloom::decode {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Expected length of a sequence from its lead byte; 0 for an invalid lead.
std::size_t sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 0;
}

// Second-byte ranges that exclude overlongs, surrogates and > U+10FFFF.
bool valid_second(unsigned char lead, unsigned char c) {
  if ((c & 0xC0) != 0x80) return false;
  if (lead == 0xE0) return c >= 0xA0;
  if (lead == 0xED) return c <= 0x9F;
  if (lead == 0xF0) return c >= 0x90;
  if (lead == 0xF4) return c <= 0x8F;
  return true;
}

}  // namespace

std::string Utf8Assembler::feed(std::string_view bytes) {
  std::string in = pending_ + std::string(bytes);
  pending_.clear();
  std::string out;
  std::size_t i = 0;
  while (i < in.size()) {
    const auto lead = static_cast<unsigned char>(in[i]);
    const std::size_t len = sequence_length(lead);
    if (len == 0) { out += kReplacement; ++i; continue; }
    std::size_t j = 1;
    bool bad = false;
    for (; j < len && i + j < in.size(); ++j) {
      const auto c = static_cast<unsigned char>(in[i + j]);
      if (j == 1 ? !valid_second(lead, c) : (c & 0xC0) != 0x80) { bad = true; break; }
    }
    if (bad) { out += kReplacement; i += j; continue; }  // resume at the offending byte
    if (j < len) { pending_ = in.substr(i); break; }     // incomplete: wait for more bytes
    out.append(in, i, len);
    i += len;
  }
  return out;
}

StopScanner::StopScanner(std::vector<std::string> stops) {
  for (auto& s : stops) {
    if (s.empty()) continue;
    max_stop_ = std::max(max_stop_, s.size());
    stops_.push_back(std::move(s));
  }
}

bool StopScanner::append(std::string_view text) {
  if (stopped_ || text.empty()) return stopped_;
  // Only a window that overlaps the new text can hold a new match.
  const std::size_t from = text_.size() >= max_stop_ ? text_.size() - max_stop_ + 1 : 0;
  text_ += text;
  std::size_t best = std::string::npos;
  for (const auto& s : stops_) {
    std::size_t pos = text_.find(s, from);
    if (pos < best) best = pos;
  }
  if (best != std::string::npos) {
    text_.resize(best);
    stopped_ = true;
  }
  return stopped_;
}

std::size_t StopScanner::stable_size() const {
  if (stopped_) return text_.size();
  std::size_t hold = 0;
  for (const auto& s : stops_) {
    // Longest proper prefix of s that is a suffix of text_.
    for (std::size_t k = std::min(s.size() - 1, text_.size()); k > hold; --k) {
      if (text_.compare(text_.size() - k, k, s, 0, k) == 0) { hold = k; break; }
    }
  }
  return text_.size() - hold;
}

}  // namespace codeloom::decode
