#include "codeloom/prompt/infill.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "codeloom/common/text.h"
#include "codeloom/prompt/truncate.h"
#include "layout.h"
#include "tokenize_text.h"

namespace codeloom::prompt {
namespace {

using detail::Part;
using detail::PartKind;

std::vector<llm::Token> tokenize_part(const llm::Model& m, const Part& p, std::string_view text) {
  return p.natural ? detail::tokenize_plain(m, text) : detail::tokenize_no_leading_space(m, text);
}

// Applying the budget asks for the same texts' tokens several times (the
// suffix's claim, the search hints, the fit checks, the final prompt): the
// prefix of an ordinary request four times, the suffix five. Tokenizing a few
// KB costs milliseconds, so each (style, text) is tokenized once per prompt.
// Keyed by the view's address and length: every text asked for is a view into
// a string that outlives the cache (the request, a part) and does not change.
class TokenCache {
 public:
  explicit TokenCache(const llm::Model& m) : m_(m) {}
  const std::vector<llm::Token>& get(const Part& p, std::string_view text) {
    auto [it, fresh] = map_.try_emplace(Key{text.data(), text.size(), p.natural});
    if (fresh) it->second = tokenize_part(m_, p, text);
    return it->second;
  }
  std::size_t count(const Part& p, std::string_view text) { return get(p, text).size(); }

 private:
  struct Key {
    const char* data;
    std::size_t size;
    bool natural;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      return std::hash<const void*>()(k.data) ^ (k.size * 0x9E3779B97F4A7C15ULL) ^ (k.natural ? 1 : 0);
    }
  };
  const llm::Model& m_;
  std::unordered_map<Key, std::vector<llm::Token>, KeyHash> map_;
};

// Huge inputs: only the text near the cursor can end up in the prompt. The
// search hint is where the last (first) `budget` tokens of a window near the
// cursor begin (end), moved back (forward) by a small margin; keep_tail /
// keep_head then gallop from it to the exact cut, so the result never
// depends on it. A window starts at kWindowBytesPerToken bytes per token
// (code takes 3-5) and doubles while it holds too few tokens.
constexpr std::size_t kWindowBytesPerToken = 6;
constexpr std::size_t kMarginTokens = 16;

std::size_t char_start(std::string_view text, std::size_t i) {
  while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return i;
}

std::size_t tail_hint(const llm::Model& m, TokenCache& cache, const Part& p, std::string_view text,
                      std::size_t budget) {
  const std::size_t n = budget + kMarginTokens;
  for (std::size_t w = kWindowBytesPerToken * (n + 16);; w *= 2) {
    const std::size_t start = w >= text.size() ? 0 : char_start(text, text.size() - w);
    const std::vector<llm::Token>& toks = cache.get(p, text.substr(start));
    if (toks.size() <= n) {
      if (start == 0) return 0;  // the whole text is about the budget: no hint
      continue;
    }
    std::size_t bytes = 0;
    for (std::size_t i = toks.size() - n; i < toks.size(); ++i) bytes += m.token_to_piece(toks[i]).size();
    return bytes >= text.size() ? 0 : char_start(text, text.size() - bytes);
  }
}

std::size_t head_hint(const llm::Model& m, TokenCache& cache, const Part& p, std::string_view text,
                      std::size_t budget) {
  const std::size_t n = budget + kMarginTokens;
  for (std::size_t w = kWindowBytesPerToken * (n + 16);; w *= 2) {
    const bool whole = w >= text.size();
    const std::vector<llm::Token>& toks = cache.get(p, whole ? text : text.substr(0, char_start(text, w)));
    if (toks.size() <= n) {
      if (whole) return std::string_view::npos;
      continue;
    }
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < n; ++i) bytes += m.token_to_piece(toks[i]).size();
    return std::min(bytes, text.size());
  }
}

// min(count(text), limit), tokenizing only a head window (doubling) when that suffices.
std::size_t count_at_most(std::string_view text, std::size_t limit, const TokenCounter& count) {
  for (std::size_t w = kWindowBytesPerToken * (limit + 16); w < text.size(); w *= 2) {
    if (count(text.substr(0, char_start(text, w))) >= limit) return limit;
  }
  return std::min(count(text), limit);
}

Status check_request(const InfillRequest& req, const PromptBudget& b) {
  if (b.n_ctx <= 0) return make_error(ErrorCode::kInvalidArgument, "n_ctx must be positive");
  if (b.max_new_tokens < 0) return make_error(ErrorCode::kInvalidArgument, "max_new_tokens must be >= 0");
  if (!(b.suffix_share >= 0.0 && b.suffix_share <= 1.0)) {
    return make_error(ErrorCode::kInvalidArgument, "suffix_share must be in [0, 1]");
  }
  if (Status s = check_text(req.prefix, "prefix"); !s) return s;
  if (Status s = check_text(req.suffix, "suffix"); !s) return s;
  if (Status s = check_text(req.filename, "filename"); !s) return s;
  if (Status s = check_text(req.repo_name, "repo_name"); !s) return s;
  for (const auto& f : req.extra) {
    if (Status s = check_text(f.filename, "extra file name"); !s) return s;
    if (Status s = check_text(f.text, "extra file " + f.filename); !s) return s;
  }
  return Status::Ok();
}

// Applies the budget to a layout and tokenizes it (policy in infill.h).
Result<CodePrompt> assemble(const llm::Model& m, std::vector<Part> parts, const InfillRequest& req,
                            const PromptBudget& b) {
  CodePrompt out;
  TruncationReport& r = out.report;
  TokenCache cache(m);
  const Part* prefix_part = nullptr;
  const Part* suffix_part = nullptr;
  for (const Part& p : parts) {
    if (p.kind == PartKind::kToken) r.fixed_tokens += 1;
    if (p.kind == PartKind::kFixed) r.fixed_tokens += cache.count(p, p.text);
    if (p.kind == PartKind::kPrefix) prefix_part = &p;
    if (p.kind == PartKind::kSuffix) suffix_part = &p;
  }
  const long long avail = static_cast<long long>(b.n_ctx) - b.max_new_tokens -
                          static_cast<long long>(r.fixed_tokens);
  if (avail < 0) {
    return make_error(ErrorCode::kOutOfRange,
                      "context of " + std::to_string(b.n_ctx) + " tokens cannot hold " +
                          std::to_string(b.max_new_tokens) + " new tokens plus the " +
                          std::to_string(r.fixed_tokens) +
                          " tokens of the prompt format; raise n_ctx or lower max_new_tokens");
  }
  r.available = static_cast<std::size_t>(avail);

  auto counter = [&](const Part* p) {
    return [&cache, p](std::string_view s) { return cache.count(*p, s); };
  };
  const std::string_view prefix = req.prefix;
  const std::string_view suffix = suffix_part ? std::string_view(req.suffix) : std::string_view();
  const auto suffix_cap = static_cast<std::size_t>(std::floor(static_cast<double>(avail) * b.suffix_share));
  const std::size_t suffix_claim = suffix_part ? count_at_most(suffix, suffix_cap, counter(suffix_part)) : 0;

  // The prefix gets everything the suffix does not claim (at most its cap);
  // then the suffix gets everything the kept prefix leaves.
  const std::size_t prefix_budget = r.available - suffix_claim;
  const std::size_t pstart = keep_tail(prefix, prefix_budget, counter(prefix_part),
                                       tail_hint(m, cache, *prefix_part, prefix, prefix_budget));
  const std::string_view kept_prefix = prefix.substr(pstart);  // views into the request: cache keys
  std::string_view kept_suffix;
  out.kept_prefix = std::string(kept_prefix);
  r.prefix_bytes_dropped = pstart;
  r.prefix_tokens = kept_prefix.empty() ? 0 : cache.count(*prefix_part, kept_prefix);
  if (suffix_part) {
    const std::size_t suffix_budget = r.available - r.prefix_tokens;
    const std::size_t send = keep_head(suffix, suffix_budget, counter(suffix_part),
                                       head_hint(m, cache, *suffix_part, suffix, suffix_budget));
    kept_suffix = suffix.substr(0, send);
    out.kept_suffix = std::string(kept_suffix);
    r.suffix_bytes_dropped = suffix.size() - send;
    r.suffix_tokens = kept_suffix.empty() ? 0 : cache.count(*suffix_part, kept_suffix);
  }

  // Extra files: whole files in request order while they fit what is left.
  std::size_t left = r.available - r.prefix_tokens - r.suffix_tokens;
  std::vector<bool> keep_extra(req.extra.size(), false);
  std::vector<std::vector<llm::Token>> extra_tokens(req.extra.size());
  for (const Part& p : parts) {
    if (p.kind != PartKind::kExtra) continue;
    extra_tokens[p.extra_index] = tokenize_part(m, p, p.text);
    const std::size_t cost = extra_tokens[p.extra_index].size() + (p.token != llm::kNoToken ? 1 : 0);
    if (cost <= left) {
      keep_extra[p.extra_index] = true;
      left -= cost;
      r.extra_tokens += cost;
    } else {
      r.extra_files_dropped.push_back(req.extra[p.extra_index].filename);
    }
  }

  for (const Part& p : parts) {
    const std::vector<llm::Token>* t = nullptr;  // appended without a copy
    switch (p.kind) {
      case PartKind::kToken: out.tokens.push_back(p.token); continue;
      case PartKind::kFixed: t = &cache.get(p, p.text); break;
      case PartKind::kPrefix: t = &cache.get(p, kept_prefix); break;
      case PartKind::kSuffix: t = &cache.get(p, kept_suffix); break;
      case PartKind::kExtra:
        if (!keep_extra[p.extra_index]) continue;
        if (p.token != llm::kNoToken) out.tokens.push_back(p.token);
        t = &extra_tokens[p.extra_index];
        break;
    }
    out.tokens.insert(out.tokens.end(), t->begin(), t->end());
  }
  return out;
}

}  // namespace

Result<FimOrder> parse_fim_order(std::string_view name) {
  if (name == "auto") return FimOrder::kAuto;
  if (name == "psm") return FimOrder::kPsm;
  if (name == "spm") return FimOrder::kSpm;
  return make_error(ErrorCode::kInvalidArgument,
                    "fill-in-the-middle order must be auto, psm or spm, got '" + std::string(name) + "'");
}

const char* fim_order_name(FimOrder order) {
  switch (order) {
    case FimOrder::kAuto: return "auto";
    case FimOrder::kPsm: return "psm";
    case FimOrder::kSpm: return "spm";
  }
  return "?";
}

FimOrder resolve_fim_order(FimOrder order, const FimFormat& format) {
  if (order != FimOrder::kAuto) return order;
  return format.spec && format.spec->family == FimFamily::kCodeloom ? FimOrder::kSpm : FimOrder::kPsm;
}

Result<CodePrompt> build_infill_prompt(const llm::Model& model, const InfillRequest& request,
                                       const PromptBudget& budget) {
  if (Status s = check_request(request, budget); !s) return s.error();
  Result<FimFormat> format = detect_fim_format(model);
  if (!format) return format.error();
  Result<CodePrompt> p = assemble(model, detail::fim_layout(model, *format, request), request, budget);
  if (!p) return p;
  p->fim = true;
  p->stop_tokens = format->stop_tokens;
  p->format = std::move(*format);
  return p;
}

Result<CodePrompt> build_completion_prompt(const llm::Model& model, const std::string& prefix,
                                           const PromptBudget& budget) {
  InfillRequest req;
  req.prefix = prefix;
  if (Status s = check_request(req, budget); !s) return s.error();
  return assemble(model, detail::plain_layout(model, req), req, budget);
}

Result<CodePrompt> build_code_prompt(const llm::Model& model, const InfillRequest& request,
                                     const PromptBudget& budget) {
  Result<FimFormat> format = detect_fim_format(model);
  if (format) return build_infill_prompt(model, request, budget);
  if (!request.suffix.empty()) return format.error();
  if (Status s = check_request(request, budget); !s) return s.error();
  return assemble(model, detail::plain_layout(model, request), request, budget);
}

std::string render_tokens(const llm::Model& model, const std::vector<llm::Token>& tokens) {
  std::string out;
  for (llm::Token t : tokens) out += model.token_to_piece(t, /*special=*/true);
  return out;
}

}  // namespace codeloom::prompt
