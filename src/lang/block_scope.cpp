// BlockTracker: feeds prefix and generated text to a per-language scanner.
#include "codeloom/lang/block_scope.h"

#include "block_internal.h"

namespace codeloom::lang {

BlockTracker::BlockTracker(Language language, std::string_view prefix)
    : scanner_(language == Language::kPython ? make_python_scanner()
                                             : make_brace_scanner(language)) {
  for (char c : prefix) scanner_->step(c, scanner_->total++);
  scanner_->prefix_size = prefix.size();
  scanner_->generating = true;
  scanner_->start_generation();
}

BlockTracker::BlockTracker(const BlockTracker& other) : scanner_(other.scanner_->clone()) {}
BlockTracker& BlockTracker::operator=(const BlockTracker& other) {
  if (this != &other) scanner_ = other.scanner_->clone();
  return *this;
}
BlockTracker::BlockTracker(BlockTracker&&) noexcept = default;
BlockTracker& BlockTracker::operator=(BlockTracker&&) noexcept = default;
BlockTracker::~BlockTracker() = default;

std::optional<std::size_t> BlockTracker::feed(std::string_view piece) {
  Scanner& s = *scanner_;
  for (char c : piece) {
    if (s.end_abs) {
      s.total += 1;  // keep counting; the answer is fixed
      continue;
    }
    s.step(c, s.total++);
  }
  return end();
}

std::optional<std::size_t> BlockTracker::end() const {
  if (!scanner_->end_abs) return std::nullopt;
  return *scanner_->end_abs - scanner_->prefix_size;
}

std::optional<std::size_t> BlockTracker::held_from() const {
  const Scanner& s = *scanner_;
  if (s.end_abs || !s.hold_abs) return std::nullopt;
  return std::max(*s.hold_abs, s.prefix_size) - s.prefix_size;
}

std::size_t BlockTracker::generated_size() const {
  return scanner_->total - scanner_->prefix_size;
}

std::optional<std::size_t> block_end(Language language, std::string_view prefix,
                                     std::string_view generated) {
  BlockTracker tracker(language, prefix);
  return tracker.feed(generated);
}

}  // namespace codeloom::lang
