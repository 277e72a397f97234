// Function extraction: the shared walker; per-language rules live in
// functions_<language>.cpp.
#include "codeloom/lang/functions.h"

#include <algorithm>

#include "codeloom/common/log.h"
#include "function_walker.h"

namespace codeloom::lang {
namespace detail {
namespace {

// Recursion is bounded: pathological nesting is skipped (with a log line) rather
// than risking the stack; real code nests a few dozen levels.
constexpr std::size_t kMaxDepth = 1000;

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n";
  std::size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

bool is_comment(TSNode n) {
  std::string_view t = ts_node_type(n);
  return t == "comment" || t == "line_comment" || t == "block_comment";
}

// True when only whitespace precedes byte `pos` on its line.
bool starts_line(const std::string& text, std::size_t pos) {
  while (pos > 0 && text[pos - 1] != '\n') {
    if (text[pos - 1] != ' ' && text[pos - 1] != '\t') return false;
    --pos;
  }
  return true;
}

}  // namespace

std::string leading_comment(const std::string& text, TSNode n) {
  std::vector<TSNode> run;
  uint32_t next_row = ts_node_start_point(n).row;
  for (TSNode p = ts_node_prev_sibling(n); !ts_node_is_null(p) && is_comment(p);
       p = ts_node_prev_sibling(p)) {
    // A blank line, or a comment trailing code, is not part of this definition's doc.
    if (ts_node_end_point(p).row + 1 < next_row) break;
    if (!starts_line(text, ts_node_start_byte(p))) break;
    run.push_back(p);
    next_row = ts_node_start_point(p).row;
  }
  if (run.empty()) return {};
  return std::string(text.substr(ts_node_start_byte(run.back()),
                                 ts_node_end_byte(run.front()) - ts_node_start_byte(run.back())));
}

void FunctionWalker::walk(TSNode n) {
  if (ts_node_is_null(n)) return;
  if (depth_ >= kMaxDepth) {
    CODELOOM_LOG(kWarn, "lang: nesting deeper than " << kMaxDepth << " at byte "
                                                       << ts_node_start_byte(n) << "; skipped");
    return;
  }
  ++depth_;
  if (!visit_(n, *this)) walk_children(n);
  --depth_;
}

void FunctionWalker::walk_children(TSNode n) {
  const uint32_t count = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < count; ++i) walk(ts_node_named_child(n, i));
}

void FunctionWalker::walk_in_scope(TSNode n, const std::vector<std::string>& names,
                                   bool is_class) {
  for (const std::string& name : names) scopes_.push_back({name, is_class});
  walk_children(n);
  scopes_.resize(scopes_.size() - names.size());
}

std::vector<std::string> FunctionWalker::emit(const FunctionSpec& spec) {
  FunctionUnit u;
  u.name = spec.name;
  std::vector<std::string> parts;
  for (const Scope& s : scopes_) parts.push_back(s.name);
  parts.insert(parts.end(), spec.qualifiers.begin(), spec.qualifiers.end());
  for (const std::string& p : parts) u.scope += (u.scope.empty() ? "" : ".") + p;
  u.qualified_name = u.scope.empty() ? u.name : u.scope + "." + u.name;
  u.kind = spec.kind;
  const std::size_t sig_begin = ts_node_start_byte(spec.header);
  const std::size_t sig_end = std::max<std::size_t>(sig_begin, ts_node_start_byte(spec.body));
  u.signature = std::string(trim(std::string_view(text_).substr(sig_begin, sig_end - sig_begin)));
  u.doc = spec.comment_doc ? leading_comment(text_, spec.outer) : spec.doc;
  u.body = std::string(text_of(spec.body));
  u.range = node_range(spec.outer);
  u.body_range = node_range(spec.body);
  u.language = language_;
  out_.push_back(std::move(u));
  parts.push_back(spec.name);
  return std::vector<std::string>(parts.begin() + static_cast<std::ptrdiff_t>(scopes_.size()),
                                  parts.end());
}

}  // namespace detail

std::string_view function_kind_name(FunctionKind kind) {
  switch (kind) {
    case FunctionKind::kFunction: return "function";
    case FunctionKind::kMethod: return "method";
    case FunctionKind::kConstructor: return "constructor";
  }
  return "function";
}

std::vector<FunctionUnit> extract_functions(const SourceTree& tree) {
  using detail::FunctionWalker;
  FunctionWalker::Visit visit = nullptr;
  switch (tree.language()) {
    case Language::kPython: visit = detail::visit_python; break;
    case Language::kJava: visit = detail::visit_java; break;
    case Language::kCpp: visit = detail::visit_cpp; break;
    case Language::kJavaScript: visit = detail::visit_javascript; break;
  }
  FunctionWalker walker(tree.text(), tree.language(), visit);
  walker.walk(tree.impl().root());
  std::vector<FunctionUnit> out = walker.take();
  std::stable_sort(out.begin(), out.end(), [](const FunctionUnit& a, const FunctionUnit& b) {
    return a.range.start_byte < b.range.start_byte;
  });
  return out;
}

}  // namespace codeloom::lang
