// Vocabulary checks, BPE encoding (the merge order of llama.cpp's
// llm_tokenizer_bpe_session, on ids instead of strings) and decoding.
#include "codeloom/tokenizer/tokenizer.h"

#include <algorithm>
#include <queue>

#include "byte_level.h"
#include "codeloom/tokenizer/pretokenize.h"

namespace codeloom::tokenizer {
namespace {

constexpr std::uint64_t pair_key(std::int32_t a, std::int32_t b) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
}

const char* const kFimNames[] = {"fim_prefix", "fim_suffix", "fim_middle", "fim_pad", "eot", "file_sep"};

}  // namespace

std::string language_tag(std::string_view language) { return "<cl|lang:" + std::string(language) + ">"; }

std::vector<std::string> control_token_texts(const std::vector<std::string>& languages) {
  std::vector<std::string> out;
  for (const char* n : kFimNames) out.push_back(std::string("<cl|") + n + ">");
  for (const std::string& l : languages) out.push_back(language_tag(l));
  return out;
}

Result<Tokenizer> Tokenizer::create(std::vector<std::string> tokens, std::vector<TokenType> types,
                                    std::vector<std::pair<std::int32_t, std::int32_t>> merges) {
  const auto bad = [](std::string m) { return make_error(ErrorCode::kInvalidArgument, "tokenizer: " + std::move(m)); };
  if (tokens.size() != types.size()) return bad("tokens and types differ in length");
  if (tokens.size() < 256) return bad("fewer than the 256 byte tokens");
  Tokenizer t;
  for (int b = 0; b < 256; ++b)
    if (tokens[b] != byte_to_token_text(static_cast<unsigned char>(b)) || types[b] != TokenType::kNormal)
      return bad("token " + std::to_string(b) + " is not the byte token for byte " + std::to_string(b));
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].empty()) return bad("token " + std::to_string(i) + " is empty");
    if (!t.index_.emplace(tokens[i], static_cast<std::int32_t>(i)).second)
      return bad("token text '" + tokens[i] + "' appears twice");
    if (types[i] == TokenType::kNormal) {
      std::string bytes;
      if (!token_text_to_bytes(tokens[i], &bytes)) return bad("token " + std::to_string(i) + " is not byte-level text");
    } else if (types[i] == TokenType::kControl) {
      t.controls_.emplace_back(tokens[i], static_cast<std::int32_t>(i));
    } else {
      return bad("token " + std::to_string(i) + " has an unknown type");
    }
  }
  const auto n = static_cast<std::int32_t>(tokens.size());
  for (std::size_t r = 0; r < merges.size(); ++r) {
    const auto [a, b] = merges[r];
    if (a < 0 || b < 0 || a >= n || b >= n || types[a] != TokenType::kNormal || types[b] != TokenType::kNormal)
      return bad("merge " + std::to_string(r) + " refers to a token that is not a normal token");
    auto it = t.index_.find(tokens[a] + tokens[b]);
    if (it == t.index_.end()) return bad("merge " + std::to_string(r) + " produces a token missing from the vocabulary");
    // Only the first (lowest-rank) occurrence of a pair counts, as in llama.cpp.
    t.merge_rank_.emplace(pair_key(a, b), std::make_pair(static_cast<std::int32_t>(r), it->second));
  }
  for (const char* name : kFimNames) {
    auto it = t.index_.find(std::string("<cl|") + name + ">");
    if (it == t.index_.end() || types[it->second] != TokenType::kControl)
      return bad(std::string("control token <cl|") + name + "> is missing");
    const std::string_view nm = name;
    std::int32_t* slot = nm == "fim_prefix"   ? &t.specials_.fim_prefix
                         : nm == "fim_suffix" ? &t.specials_.fim_suffix
                         : nm == "fim_middle" ? &t.specials_.fim_middle
                         : nm == "fim_pad"    ? &t.specials_.fim_pad
                         : nm == "eot"        ? &t.specials_.eot
                                              : &t.specials_.file_sep;
    *slot = it->second;
  }
  for (const auto& [text, id] : t.controls_) {
    static constexpr std::string_view kLang = "<cl|lang:";
    if (text.rfind(kLang, 0) == 0 && text.back() == '>')
      t.specials_.languages[text.substr(kLang.size(), text.size() - kLang.size() - 1)] = id;
  }
  std::stable_sort(t.controls_.begin(), t.controls_.end(),
                   [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
  t.tokens_ = std::move(tokens);
  t.types_ = std::move(types);
  t.merges_ = std::move(merges);
  return t;
}

std::int32_t Tokenizer::find(std::string_view token_text) const {
  auto it = index_.find(std::string(token_text));
  return it == index_.end() ? -1 : it->second;
}

void Tokenizer::bpe_word(std::string_view word, std::vector<std::int32_t>* out) const {
  struct Symbol {
    std::int32_t id;
    int prev, next;
  };
  struct Bigram {
    std::int32_t rank;
    int left, right;
    std::int32_t left_id, right_id;
  };
  // Lowest rank first; equal ranks: leftmost first (llama.cpp's comparator).
  const auto worse = [](const Bigram& l, const Bigram& r) { return l.rank > r.rank || (l.rank == r.rank && l.left > r.left); };
  std::vector<Symbol> sym(word.size());
  for (std::size_t i = 0; i < word.size(); ++i)
    sym[i] = {static_cast<std::int32_t>(static_cast<unsigned char>(word[i])), static_cast<int>(i) - 1,
              i + 1 == word.size() ? -1 : static_cast<int>(i) + 1};
  std::priority_queue<Bigram, std::vector<Bigram>, decltype(worse)> queue(worse);
  const auto add_bigram = [&](int left, int right) {
    if (left < 0 || right < 0) return;
    auto it = merge_rank_.find(pair_key(sym[left].id, sym[right].id));
    if (it == merge_rank_.end()) return;
    queue.push({it->second.first, left, right, sym[left].id, sym[right].id});
  };
  for (int i = 1; i < static_cast<int>(sym.size()); ++i) add_bigram(i - 1, i);
  std::vector<bool> dead(sym.size(), false);
  while (!queue.empty()) {
    const Bigram b = queue.top();
    queue.pop();
    // Outdated when either side has merged since the bigram was queued.
    if (dead[b.left] || dead[b.right] || sym[b.left].id != b.left_id || sym[b.right].id != b.right_id ||
        sym[b.left].next != b.right)
      continue;
    sym[b.left].id = merge_rank_.at(pair_key(b.left_id, b.right_id)).second;
    dead[b.right] = true;
    sym[b.left].next = sym[b.right].next;
    if (sym[b.right].next >= 0) sym[sym[b.right].next].prev = b.left;
    add_bigram(sym[b.left].prev, b.left);
    add_bigram(b.left, sym[b.left].next);
  }
  for (std::size_t i = 0; i < sym.size(); ++i)
    if (!dead[i]) out->push_back(sym[i].id);
}

std::vector<std::int32_t> Tokenizer::encode(std::string_view text) const {
  std::vector<std::int32_t> ids;
  ids.reserve(text.size() / 3 + 1);
  for (std::string_view w : pretokenize(text)) {
    bpe_word(w, &ids);
  }
  return ids;
}

std::vector<std::int32_t> Tokenizer::encode_with_specials(std::string_view text) const {
  std::vector<std::int32_t> ids;
  std::size_t start = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    bool matched = false;
    if (text[pos] == '<') {
      for (const auto& [ctl, id] : controls_) {
        if (text.compare(pos, ctl.size(), ctl) == 0) {
          auto part = encode(text.substr(start, pos - start));
          ids.insert(ids.end(), part.begin(), part.end());
          ids.push_back(id);
          pos += ctl.size();
          start = pos;
          matched = true;
          break;
        }
      }
    }
    if (!matched) ++pos;
  }
  auto rest = encode(text.substr(start));
  ids.insert(ids.end(), rest.begin(), rest.end());
  return ids;
}

std::string Tokenizer::decode(std::span<const std::int32_t> ids, bool skip_control) const {
  std::string out;
  for (std::int32_t id : ids) {
    if (id < 0 || id >= vocab_size()) continue;
    if (types_[id] == TokenType::kControl) {
      if (!skip_control) out += tokens_[id];
    } else {
      token_text_to_bytes(tokens_[id], &out);  // checked in create()
    }
  }
  return out;
}

}  // namespace codeloom::tokenizer
