#include "layout.h"

namespace codeloom::prompt::detail {
namespace {

Part tok(llm::Token t) { return Part{PartKind::kToken, t, {}, 0, false}; }
Part fixed(std::string s) { return Part{PartKind::kFixed, llm::kNoToken, std::move(s), 0, false}; }

// Extra files as inline text chunks (no file tokens).
void add_inline_extras(const InfillRequest& req, std::vector<Part>& out) {
  for (std::size_t i = 0; i < req.extra.size(); ++i) {
    out.push_back(Part{PartKind::kExtra, llm::kNoToken, inline_chunk(req.extra[i]), i, false});
  }
}

// The prefix region: for inline styles the extra chunks sit right before the
// prefix text; the first text piece gets the dummy leading space when the
// family's reference encodes it that way (CodeLlama's "<PRE> {prefix}").
std::vector<Part> prefix_region(const FimFormat& f, const InfillRequest& req, bool inline_extras,
                                const std::string& header) {
  std::vector<Part> out;
  if (!header.empty()) out.push_back(fixed(header));
  if (inline_extras) add_inline_extras(req, out);
  out.push_back(Part{PartKind::kPrefix, llm::kNoToken, req.prefix, 0, false});
  if (f.spec->suffix_without_leading_space) {
    for (Part& p : out) {
      if (p.kind != PartKind::kToken) { p.natural = true; break; }
    }
  }
  return out;
}

}  // namespace

std::string inline_chunk(const ContextFile& file) {
  std::string s = "#" + file.filename + "\n" + file.text;
  if (s.empty() || s.back() != '\n') s += '\n';
  return s;
}

std::vector<Part> fim_layout(const llm::Model& model, const FimFormat& f, const InfillRequest& req) {
  std::vector<Part> out;
  if (model.adds_bos() && model.bos() != llm::kNoToken) out.push_back(tok(model.bos()));

  const bool repo = !req.extra.empty() || !req.filename.empty();
  const bool file_tokens = f.file_sep != llm::kNoToken && f.spec->repo_style != RepoStyle::kInline;
  const std::string filename = req.filename.empty() ? "untitled" : req.filename;
  std::string prefix_header;  // StarCoder2 puts the current path after <fim_prefix>

  if (repo && file_tokens) {
    switch (f.spec->repo_style) {
      case RepoStyle::kQwen:
      case RepoStyle::kSeparator:
        // <|repo_name|>name\n <|file_sep|>path\ncontent\n ... <|file_sep|>path\n
        if (f.repo_name != llm::kNoToken && f.spec->repo_style == RepoStyle::kQwen) {
          out.push_back(tok(f.repo_name));
          out.push_back(fixed(req.repo_name + "\n"));
        }
        for (std::size_t i = 0; i < req.extra.size(); ++i) {
          std::string t = req.extra[i].filename + "\n" + req.extra[i].text;
          if (t.back() != '\n') t += '\n';
          out.push_back(Part{PartKind::kExtra, f.file_sep, std::move(t), i, false});
        }
        out.push_back(tok(f.file_sep));
        out.push_back(fixed(filename + "\n"));
        break;
      case RepoStyle::kStarCoder2:
        // <repo_name>name<file_sep>path\ncontent ... <file_sep><fim_prefix>path\nprefix
        if (f.repo_name != llm::kNoToken) {
          out.push_back(tok(f.repo_name));
          out.push_back(fixed(req.repo_name));
        }
        for (std::size_t i = 0; i < req.extra.size(); ++i) {
          out.push_back(Part{PartKind::kExtra, f.file_sep,
                             req.extra[i].filename + "\n" + req.extra[i].text, i, false});
        }
        out.push_back(tok(f.file_sep));
        prefix_header = filename + "\n";
        break;
      case RepoStyle::kInline:
        break;
    }
  }
  const bool inline_extras = !file_tokens;
  std::vector<Part> pre = prefix_region(f, req, inline_extras, prefix_header);
  Part suf{PartKind::kSuffix, llm::kNoToken, req.suffix, 0, false};

  if (resolve_fim_order(req.order, f) == FimOrder::kPsm) {
    out.push_back(tok(f.prefix));
    out.insert(out.end(), pre.begin(), pre.end());
    out.push_back(tok(f.suffix));
    out.push_back(suf);
    out.push_back(tok(f.middle));
  } else {
    out.push_back(tok(f.prefix));
    out.push_back(tok(f.suffix));
    out.push_back(suf);
    out.push_back(tok(f.middle));
    out.insert(out.end(), pre.begin(), pre.end());
  }
  return out;
}

std::vector<Part> plain_layout(const llm::Model& model, const InfillRequest& req) {
  std::vector<Part> out;
  if (model.adds_bos() && model.bos() != llm::kNoToken) out.push_back(tok(model.bos()));
  add_inline_extras(req, out);
  out.push_back(Part{PartKind::kPrefix, llm::kNoToken, req.prefix, 0, false});
  for (Part& p : out) {
    if (p.kind != PartKind::kToken) { p.natural = true; break; }
  }
  return out;
}

}  // namespace codeloom::prompt::detail
