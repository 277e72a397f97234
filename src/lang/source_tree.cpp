// SourceTree: parsing, incremental re-parsing and ownership of tree-sitter objects.
#include "codeloom/lang/source_tree.h"

#include <cstdlib>

#include "codeloom/common/text.h"
#include "grammar.h"
#include "macro_blank.h"
#include "parse_budget.h"
#include "tree_impl.h"

namespace codeloom::lang {
namespace {

TSPoint point_at(std::string_view text, std::size_t offset) {
  uint32_t row = 0;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') { ++row; line_start = i + 1; }
  return TSPoint{row, static_cast<uint32_t>(offset - line_start)};
}

bool is_continuation_byte(std::string_view text, std::size_t offset) {
  return offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80;
}

Status check_size(std::size_t size, const ParseOptions& options) {
  if (size > options.max_bytes)
    return make_error(ErrorCode::kOutOfRange,
                      "source is " + std::to_string(size) + " bytes; the limit is " +
                          std::to_string(options.max_bytes) + " (ParseOptions::max_bytes)");
  return {};
}

std::string prepare(const std::string& text, Language language, const ParseOptions& options) {
  if (language != Language::kCpp || options.ignore_macros.empty()) return text;
  return detail::blank_macros(text, options.ignore_macros);
}

}  // namespace

std::vector<std::string> libstdcxx_macros() {
  return {"_GLIBCXX*", "__glibcxx_function_requires", "__glibcxx_class_requires*"};
}

SourceTree::SourceTree(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SourceTree::SourceTree(SourceTree&&) noexcept = default;
SourceTree& SourceTree::operator=(SourceTree&&) noexcept = default;
SourceTree::~SourceTree() = default;

Result<SourceTree> SourceTree::parse(std::string text, Language language,
                                     const ParseOptions& options) {
  if (Status s = check_size(text.size(), options); !s) return s.error();
  if (Status s = check_text(text, "source text"); !s) return s.error();
  auto impl = std::make_unique<Impl>();
  impl->language = language;
  impl->options = options;
  impl->text = std::move(text);
  impl->parsed = prepare(impl->text, language, options);
  impl->parser.reset(ts_parser_new());
  if (!impl->parser || !ts_parser_set_language(impl->parser.get(), detail::grammar(language)))
    return make_error(ErrorCode::kInternal, "tree-sitter rejected the " +
                                                std::string(language_name(language)) +
                                                " grammar (ABI version mismatch?)");
  detail::BudgetedParse run =
      detail::parse_with_budget(impl->parser.get(), nullptr, impl->parsed, options);
  if (run.over_budget) return detail::over_budget_error(impl->parsed, run, options);
  impl->tree.reset(run.tree);
  if (!impl->tree) return make_error(ErrorCode::kInternal, "tree-sitter failed to parse");
  return SourceTree(std::move(impl));
}

Result<SourceTree> SourceTree::parse_file(const std::string& path, const Language* language,
                                          const ParseOptions& options) {
  Result<std::string> text = read_text_file(path, options.max_bytes);
  if (!text) return text.error();
  Language lang;
  if (language) {
    lang = *language;
  } else {
    Result<Language> detected = detect_language(path, *text);
    if (!detected) return detected.error();
    lang = *detected;
  }
  return parse(std::move(*text), lang, options);
}

Language SourceTree::language() const { return impl_->language; }
const std::string& SourceTree::text() const { return impl_->text; }
bool SourceTree::has_errors() const { return ts_node_has_error(impl_->root()); }

std::string SourceTree::sexp() const {
  char* s = ts_node_string(impl_->root());
  std::string out = s ? s : "";
  std::free(s);
  return out;
}

Result<std::vector<SourceRange>> SourceTree::apply_edit(const TextEdit& edit) {
  const std::string& old_text = impl_->text;
  if (edit.start_byte > edit.old_end_byte || edit.old_end_byte > old_text.size())
    return make_error(ErrorCode::kOutOfRange,
                      "edit [" + std::to_string(edit.start_byte) + ", " +
                          std::to_string(edit.old_end_byte) + ") is outside the text of " +
                          std::to_string(old_text.size()) + " bytes");
  if (is_continuation_byte(old_text, edit.start_byte) ||
      is_continuation_byte(old_text, edit.old_end_byte))
    return make_error(ErrorCode::kInvalidArgument,
                      "edit boundaries must not split a UTF-8 character");
  if (Status s = check_text(edit.new_text, "edit text"); !s) return s.error();
  std::string new_text = old_text.substr(0, edit.start_byte) + edit.new_text +
                         old_text.substr(edit.old_end_byte);
  if (Status s = check_size(new_text.size(), impl_->options); !s) return s.error();

  const std::size_t new_end = edit.start_byte + edit.new_text.size();
  TSInputEdit ts_edit{};
  ts_edit.start_byte = static_cast<uint32_t>(edit.start_byte);
  ts_edit.old_end_byte = static_cast<uint32_t>(edit.old_end_byte);
  ts_edit.new_end_byte = static_cast<uint32_t>(new_end);
  ts_edit.start_point = point_at(old_text, edit.start_byte);
  ts_edit.old_end_point = point_at(old_text, edit.old_end_byte);
  ts_edit.new_end_point = point_at(new_text, new_end);

  // Edit a copy so a failed re-parse leaves this tree untouched.
  std::unique_ptr<TSTree, TreeDeleter> old_tree(ts_tree_copy(impl_->tree.get()));
  ts_tree_edit(old_tree.get(), &ts_edit);
  std::string new_parsed = prepare(new_text, impl_->language, impl_->options);
  detail::BudgetedParse run =
      detail::parse_with_budget(impl_->parser.get(), old_tree.get(), new_parsed, impl_->options);
  if (run.over_budget) return detail::over_budget_error(new_parsed, run, impl_->options);
  std::unique_ptr<TSTree, TreeDeleter> new_tree(run.tree);
  if (!new_tree) return make_error(ErrorCode::kInternal, "tree-sitter failed to re-parse");

  uint32_t count = 0;
  TSRange* ranges = ts_tree_get_changed_ranges(old_tree.get(), new_tree.get(), &count);
  std::vector<SourceRange> changed;
  changed.reserve(count);
  for (uint32_t i = 0; i < count; ++i)
    changed.push_back(SourceRange{ranges[i].start_byte, ranges[i].end_byte,
                                  detail::to_position(ranges[i].start_point),
                                  detail::to_position(ranges[i].end_point)});
  std::free(ranges);

  impl_->text = std::move(new_text);
  impl_->parsed = std::move(new_parsed);
  impl_->tree = std::move(new_tree);
  return changed;
}

}  // namespace codeloom::lang
