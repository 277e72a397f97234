#include "codeloom/decode/scope.h"

#include <algorithm>

#include "codeloom/lang/block_scope.h"

namespace codeloom::decode {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

class FullTracker final : public ScopeTracker {
 public:
  std::optional<std::size_t> feed(std::string_view piece) override {
    size_ += piece.size();
    return std::nullopt;
  }
  std::size_t stable_size() const override { return size_; }

 private:
  std::size_t size_ = 0;
};

class LineTracker final : public ScopeTracker {
 public:
  std::optional<std::size_t> feed(std::string_view piece) override {
    if (end_) return end_;
    for (char c : piece) {
      if (c == '\n' && seen_text_) {
        end_ = text_.size();
        if (!text_.empty() && text_.back() == '\r') --*end_;
        return end_;
      }
      if (!is_space(c)) seen_text_ = true;
      text_ += c;
    }
    return std::nullopt;
  }
  // A trailing '\r' may still turn out to be the start of "\r\n".
  std::size_t stable_size() const override {
    if (end_) return *end_;
    return !text_.empty() && text_.back() == '\r' ? text_.size() - 1 : text_.size();
  }

 private:
  std::string text_;
  bool seen_text_ = false;
  std::optional<std::size_t> end_;
};

class BlockTracker final : public ScopeTracker {
 public:
  BlockTracker(lang::Language language, std::string_view prefix) : tracker_(language, prefix) {}
  std::optional<std::size_t> feed(std::string_view piece) override {
    text_ += piece;
    return tracker_.feed(piece);
  }
  // The block tracker may cut at a line start whose dedent it has not seen
  // yet, at a newline that ends a statement, or before trailing comment lines
  // (Python): hold back the trailing whitespace and any such comments.
  std::size_t stable_size() const override {
    if (auto e = tracker_.end()) return *e;
    std::size_t n = text_.size();
    if (auto held = tracker_.held_from()) n = std::min(n, *held);
    while (n > 0 && is_space(text_[n - 1])) --n;
    return n;
  }

 private:
  lang::BlockTracker tracker_;
  std::string text_;
};

}  // namespace

Result<Scope> parse_scope(std::string_view name) {
  if (name == "line") return Scope::kLine;
  if (name == "block") return Scope::kBlock;
  if (name == "full") return Scope::kFull;
  return make_error(ErrorCode::kInvalidArgument,
                    "unknown completion scope \"" + std::string(name) + "\"; use line, block or full");
}

const char* scope_name(Scope scope) {
  switch (scope) {
    case Scope::kLine: return "line";
    case Scope::kBlock: return "block";
    case Scope::kFull: return "full";
  }
  return "?";
}

Result<std::unique_ptr<ScopeTracker>> make_scope_tracker(Scope scope, const ScopeContext& context) {
  switch (scope) {
    case Scope::kLine: return std::unique_ptr<ScopeTracker>(std::make_unique<LineTracker>());
    case Scope::kFull: return std::unique_ptr<ScopeTracker>(std::make_unique<FullTracker>());
    case Scope::kBlock:
      if (!context.language) {
        return make_error(ErrorCode::kInvalidArgument,
                          "the block scope needs the file's language (python, java, cpp or javascript)");
      }
      return std::unique_ptr<ScopeTracker>(std::make_unique<BlockTracker>(*context.language, context.prefix));
  }
  return make_error(ErrorCode::kInvalidArgument, "unknown completion scope");
}

}  // namespace codeloom::decode
