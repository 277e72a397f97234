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
// Bodies of nested functions overlap, so their total size is the text size times
// the nesting depth: 500 nested JS functions around a 1 MB comment copied 500 MB.
// Real code nests functions a few levels; past this many times the text (plus
// 1 MiB) further units are left out, with a log line.
constexpr std::size_t kMaxBodyFactor = 8;

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

const FunctionWalker::Frame* FunctionWalker::frame_of(TSNode n) const {
  for (auto it = path_.rbegin(); it != path_.rend(); ++it)
    if (ts_node_eq(it->node, n)) return &*it;
  return nullptr;
}

TSNode FunctionWalker::parent(TSNode n) const {
  const Frame* f = frame_of(n);
  if (f != nullptr && f->linked) return (f - 1)->node;
  return ts_node_parent(n);  // not on the path: tree-sitter rescans from the root
}

std::string FunctionWalker::leading_comment(TSNode n) const {
  std::vector<TSNode> before;
  if (const Frame* f = frame_of(n); f != nullptr && f->linked) {
    before = f->comments;
  } else {  // not on the path: ask tree-sitter (rescans the parent's children)
    for (TSNode p = ts_node_prev_sibling(n); !ts_node_is_null(p) && is_comment(p);
         p = ts_node_prev_sibling(p))
      before.insert(before.begin(), p);
  }
  std::vector<TSNode> run;
  uint32_t next_row = ts_node_start_point(n).row;
  for (auto it = before.rbegin(); it != before.rend(); ++it) {
    // A blank line, or a comment trailing code, is not part of this definition's doc.
    if (ts_node_end_point(*it).row + 1 < next_row) break;
    if (!starts_line(text_, ts_node_start_byte(*it))) break;
    run.push_back(*it);
    next_row = ts_node_start_point(*it).row;
  }
  if (run.empty()) return {};
  return std::string(text_.substr(ts_node_start_byte(run.back()),
                                  ts_node_end_byte(run.front()) - ts_node_start_byte(run.back())));
}

void FunctionWalker::walk(TSNode n) {
  if (!ts_node_is_null(n)) enter(n, /*linked=*/false, {});
}

void FunctionWalker::enter(TSNode n, bool linked, std::vector<TSNode> comments) {
  if (path_.size() >= kMaxDepth) {
    CODELOOM_LOG(kWarn, "lang: nesting deeper than " << kMaxDepth << " at byte "
                                                       << ts_node_start_byte(n) << "; skipped");
    return;
  }
  path_.push_back(Frame{n, linked, std::move(comments)});
  if (!visit_(n, *this)) walk_children(n);
  path_.pop_back();
}

void FunctionWalker::walk_children(TSNode n) {
  // Usually `n` is the node being visited; a visitor may also walk a descendant
  // of it (a body), which then joins the path unlinked.
  const bool pushed = path_.empty() || !ts_node_eq(path_.back().node, n);
  if (pushed) path_.push_back(Frame{n, false, {}});
  TSTreeCursor cursor = ts_tree_cursor_new(n);
  std::vector<TSNode> comments;  // the run of comments since the last other child
  for (bool more = ts_tree_cursor_goto_first_child(&cursor); more;
       more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    TSNode child = ts_tree_cursor_current_node(&cursor);
    if (is_comment(child)) {
      comments.push_back(child);  // comments hold no definitions: not walked
    } else if (ts_node_is_named(child)) {
      enter(child, /*linked=*/true, std::move(comments));
      comments.clear();
    } else {
      comments.clear();
    }
  }
  ts_tree_cursor_delete(&cursor);
  if (pushed) path_.pop_back();
}

void FunctionWalker::walk_in_scope(TSNode n, const std::vector<std::string>& names,
                                   bool is_class) {
  for (const std::string& name : names) scopes_.push_back({name, is_class});
  walk_children(n);
  scopes_.resize(scopes_.size() - names.size());
}

std::vector<std::string> FunctionWalker::emit(const FunctionSpec& spec) {
  std::vector<std::string> parts;
  for (const Scope& s : scopes_) parts.push_back(s.name);
  parts.insert(parts.end(), spec.qualifiers.begin(), spec.qualifiers.end());
  const std::string_view body = text_of(spec.body);
  if (body_bytes_ + body.size() <= kMaxBodyFactor * text_.size() + (1u << 20)) {
    body_bytes_ += body.size();
    FunctionUnit u;
    u.name = spec.name;
    for (const std::string& p : parts) u.scope += (u.scope.empty() ? "" : ".") + p;
    u.qualified_name = u.scope.empty() ? u.name : u.scope + "." + u.name;
    u.kind = spec.kind;
    const std::size_t sig_begin = ts_node_start_byte(spec.header);
    const std::size_t sig_end = std::max<std::size_t>(sig_begin, ts_node_start_byte(spec.body));
    u.signature = std::string(trim(std::string_view(text_).substr(sig_begin, sig_end - sig_begin)));
    u.doc = spec.comment_doc ? leading_comment(spec.outer) : spec.doc;
    u.body = std::string(body);
    u.range = node_range(spec.outer);
    u.body_range = node_range(spec.body);
    u.language = language_;
    out_.push_back(std::move(u));
  } else if (!warned_) {
    warned_ = true;
    CODELOOM_LOG(kWarn, "lang: function bodies exceed " << kMaxBodyFactor
                                                       << "x the text (deeply nested functions at byte "
                                                       << ts_node_start_byte(spec.outer)
                                                       << "); further units left out");
  }
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
