// BPE training with incremental pair counts: each merge only revisits the words
// that contain the merged pair (an inverted index), and a lazy max-heap holds
// candidate pairs (an entry is re-checked against the live count when popped).
#include "codeloom/tokenizer/train.h"

#include <algorithm>
#include <queue>
#include <thread>
#include <tuple>
#include <unordered_set>

#include "codeloom/tokenizer/pretokenize.h"

namespace codeloom::tokenizer {
namespace {

using Pair = std::uint64_t;
constexpr Pair pair_key(std::int32_t a, std::int32_t b) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
}
constexpr std::int32_t left_of(Pair p) { return static_cast<std::int32_t>(p >> 32); }
constexpr std::int32_t right_of(Pair p) { return static_cast<std::int32_t>(p & 0xFFFFFFFFu); }

struct Word {
  std::vector<std::int32_t> ids;
  std::uint64_t count;
};

struct Candidate {
  std::uint64_t count;
  Pair pair;
  // Max-heap: higher count first, then the smaller pair key (deterministic ties).
  bool operator<(const Candidate& o) const { return count < o.count || (count == o.count && pair > o.pair); }
};

}  // namespace

WordCounts count_words(const std::vector<std::string>& texts, std::size_t threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, std::max<std::size_t>(1, texts.size()));
  std::vector<WordCounts> parts(threads);
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (std::size_t i = t; i < texts.size(); i += threads)
        for (std::string_view w : pretokenize(texts[i])) ++parts[t][std::string(w)];
    });
  for (auto& th : pool) th.join();
  WordCounts all = std::move(parts[0]);
  for (std::size_t t = 1; t < threads; ++t) merge_counts(&all, parts[t]);
  return all;
}

void merge_counts(WordCounts* into, const WordCounts& from) {
  for (const auto& [w, c] : from) (*into)[w] += c;
}

Result<Tokenizer> train_bpe(const WordCounts& counts, const TrainOptions& options, TrainStats* stats) {
  const std::vector<std::string> controls = control_token_texts(options.languages);
  const std::int64_t budget = static_cast<std::int64_t>(options.vocab_size) - 256 - static_cast<std::int64_t>(controls.size());
  if (budget < 0)
    return make_error(ErrorCode::kInvalidArgument,
                      "vocab size " + std::to_string(options.vocab_size) + " is too small: the 256 byte tokens and " +
                          std::to_string(controls.size()) + " control tokens need " +
                          std::to_string(256 + controls.size()));

  // Words in sorted order: indices (and so all tie-breaks) do not depend on hashing.
  std::vector<std::pair<std::string_view, std::uint64_t>> sorted;
  sorted.reserve(counts.size());
  TrainStats st;
  for (const auto& [w, c] : counts) {
    st.words += c;
    if (w.size() >= 2 && w.size() <= options.max_word_bytes) sorted.emplace_back(w, c);
  }
  st.unique_words = counts.size();
  std::sort(sorted.begin(), sorted.end());
  std::vector<Word> words;
  words.reserve(sorted.size());
  for (const auto& [w, c] : sorted) {
    Word word{{}, c};
    word.ids.reserve(w.size());
    for (char ch : w) word.ids.push_back(static_cast<unsigned char>(ch));
    words.push_back(std::move(word));
  }

  std::vector<std::string> tokens;
  std::vector<TokenType> types;
  for (int b = 0; b < 256; ++b) {
    tokens.push_back(byte_to_token_text(static_cast<unsigned char>(b)));
    types.push_back(TokenType::kNormal);
  }
  std::unordered_map<std::string, std::int32_t> index;
  for (int b = 0; b < 256; ++b) index.emplace(tokens[b], b);

  std::unordered_map<Pair, std::int64_t> pair_count;
  std::unordered_map<Pair, std::vector<std::uint32_t>> where;  // may hold stale or repeated word indices
  for (std::uint32_t wi = 0; wi < words.size(); ++wi) {
    const Word& w = words[wi];
    for (std::size_t i = 0; i + 1 < w.ids.size(); ++i) {
      const Pair p = pair_key(w.ids[i], w.ids[i + 1]);
      pair_count[p] += static_cast<std::int64_t>(w.count);
      where[p].push_back(wi);
    }
  }
  std::priority_queue<Candidate> heap;
  for (const auto& [p, c] : pair_count) heap.push({static_cast<std::uint64_t>(c), p});

  std::vector<std::pair<std::int32_t, std::int32_t>> merges;
  std::vector<std::uint32_t> seen_epoch(words.size(), 0);
  std::uint32_t epoch = 0;
  while (static_cast<std::int64_t>(merges.size()) < budget && !heap.empty()) {
    const Candidate top = heap.top();
    heap.pop();
    auto live = pair_count.find(top.pair);
    const std::uint64_t now = live == pair_count.end() ? 0 : static_cast<std::uint64_t>(std::max<std::int64_t>(0, live->second));
    if (now != top.count) {  // stale entry
      if (now > 0) heap.push({now, top.pair});
      continue;
    }
    if (now < options.min_frequency) {
      st.stopped_by_min_frequency = true;
      break;
    }
    const std::int32_t a = left_of(top.pair), b = right_of(top.pair);
    const std::string text = tokens[a] + tokens[b];
    std::int32_t c;
    if (auto it = index.find(text); it != index.end()) {
      c = it->second;  // same text reached by another split: one token, as llama.cpp needs
    } else {
      c = static_cast<std::int32_t>(tokens.size());
      tokens.push_back(text);
      types.push_back(TokenType::kNormal);
      index.emplace(text, c);
    }
    merges.emplace_back(a, b);

    ++epoch;
    std::unordered_set<Pair> touched;
    std::vector<std::uint32_t> affected = std::move(where[top.pair]);
    where.erase(top.pair);
    for (std::uint32_t wi : affected) {
      if (seen_epoch[wi] == epoch) continue;
      seen_epoch[wi] = epoch;
      Word& w = words[wi];
      bool has = false;
      for (std::size_t i = 0; i + 1 < w.ids.size() && !has; ++i) has = w.ids[i] == a && w.ids[i + 1] == b;
      if (!has) continue;  // stale index entry
      const auto cnt = static_cast<std::int64_t>(w.count);
      for (std::size_t i = 0; i + 1 < w.ids.size(); ++i) {
        const Pair p = pair_key(w.ids[i], w.ids[i + 1]);
        pair_count[p] -= cnt;
        touched.insert(p);
      }
      std::vector<std::int32_t> merged;
      merged.reserve(w.ids.size());
      for (std::size_t i = 0; i < w.ids.size(); ++i) {
        if (i + 1 < w.ids.size() && w.ids[i] == a && w.ids[i + 1] == b) {
          merged.push_back(c);
          ++i;
        } else {
          merged.push_back(w.ids[i]);
        }
      }
      w.ids = std::move(merged);
      for (std::size_t i = 0; i + 1 < w.ids.size(); ++i) {
        const Pair p = pair_key(w.ids[i], w.ids[i + 1]);
        pair_count[p] += cnt;
        touched.insert(p);
        if (w.ids[i] == c || w.ids[i + 1] == c) where[p].push_back(wi);
      }
    }
    pair_count.erase(top.pair);
    // Push in a fixed order so heap layout (and nothing else) is deterministic too.
    std::vector<Pair> order(touched.begin(), touched.end());
    std::sort(order.begin(), order.end());
    for (Pair p : order) {
      auto it = pair_count.find(p);
      if (it == pair_count.end()) continue;
      if (it->second <= 0) {
        pair_count.erase(it);
        continue;
      }
      heap.push({static_cast<std::uint64_t>(it->second), p});
    }
    if (options.progress && merges.size() % 256 == 0) options.progress(merges.size(), static_cast<std::size_t>(budget));
  }
  st.merges = merges.size();
  for (const std::string& ctl : controls) {
    tokens.push_back(ctl);
    types.push_back(TokenType::kControl);
  }
  if (stats) *stats = st;
  return Tokenizer::create(std::move(tokens), std::move(types), std::move(merges));
}

}  // namespace codeloom::tokenizer
