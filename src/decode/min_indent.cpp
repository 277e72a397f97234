#include "codeloom/decode/min_indent.h"

#include <algorithm>
#include <optional>
#include <string>

namespace codeloom::decode {
namespace {

class MinIndentTracker final : public ScopeTracker {
 public:
  MinIndentTracker(std::unique_ptr<ScopeTracker> inner, int n_indent) : inner_(std::move(inner)), n_indent_(n_indent) {}

  std::optional<std::size_t> feed(std::string_view piece) override {
    if (end_) return end_;
    std::optional<std::size_t> inner_cut = inner_ ? inner_->feed(piece) : std::nullopt;
    std::optional<std::size_t> own_cut;
    for (char c : piece) {
      const std::size_t pos = size_++;
      if (own_cut) continue;
      if (in_indent_) {
        if (c == ' ' || c == '\t') {
          ++indent_;
          continue;
        }
        in_indent_ = false;
        // The line has content (or is empty): too little indentation ends the completion here.
        if (indent_ < n_indent_) {
          own_cut = pos;
          continue;
        }
      }
      if (c == '\n') {
        in_indent_ = true;
        indent_ = 0;
      }
    }
    if (own_cut || inner_cut) end_ = std::min(own_cut.value_or(size_), inner_cut.value_or(size_));
    return end_;
  }

  // Text before a line's first non-blank character is never cut by this rule.
  std::size_t stable_size() const override {
    if (end_) return *end_;
    return inner_ ? std::min(size_, inner_->stable_size()) : size_;
  }

 private:
  std::unique_ptr<ScopeTracker> inner_;
  int n_indent_;
  std::size_t size_ = 0;
  bool in_indent_ = false;  // inside the leading blanks of a line after a newline
  int indent_ = 0;
  std::optional<std::size_t> end_;
};

}  // namespace

std::unique_ptr<ScopeTracker> with_min_indent(std::unique_ptr<ScopeTracker> inner, int n_indent) {
  if (n_indent <= 0) return inner;
  return std::make_unique<MinIndentTracker>(std::move(inner), n_indent);
}

}  // namespace codeloom::decode
