#include "codeloom/ngram/kneser_ney.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>

namespace codeloom::ngram {
namespace {

// Sorted keys -> (unique keys, counts).
void count_sorted(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>* counts) {
  std::sort(keys.begin(), keys.end());
  std::size_t out = 0;
  counts->clear();
  for (std::size_t i = 0; i < keys.size();) {
    std::size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    keys[out++] = keys[i];
    counts->push_back(static_cast<std::uint32_t>(std::min<std::size_t>(j - i, UINT32_MAX)));
    i = j;
  }
  keys.resize(out);
  keys.shrink_to_fit();
}

}  // namespace

Result<KneserNey> KneserNey::train(const std::vector<std::vector<std::int32_t>>& sequences, std::int32_t vocab_size,
                                   const KneserNeyOptions& options) {
  const int n = options.order;
  if (n < 1) return make_error(ErrorCode::kInvalidArgument, "n-gram order must be >= 1");
  if (vocab_size < 1) return make_error(ErrorCode::kInvalidArgument, "vocabulary size must be >= 1");
  const int bits = std::max(1, static_cast<int>(std::bit_width(static_cast<std::uint32_t>(vocab_size - 1))));
  if (n * bits > 64)
    return make_error(ErrorCode::kInvalidArgument, "order " + std::to_string(n) + " with a vocabulary of " +
                                                       std::to_string(vocab_size) + " needs " +
                                                       std::to_string(n * bits) + " bits per n-gram key (max 64)");
  for (const auto& s : sequences)
    for (std::int32_t t : s)
      if (t < 0 || t >= vocab_size)
        return make_error(ErrorCode::kInvalidArgument, "token id " + std::to_string(t) + " outside the vocabulary");

  KneserNey lm;
  lm.order_ = n;
  lm.vocab_ = vocab_size;
  lm.bits_ = bits;
  lm.orders_.resize(static_cast<std::size_t>(n));
  const auto key_of = [bits](const std::int32_t* p, int k) {
    std::uint64_t key = 0;
    for (int i = 0; i < k; ++i) key = (key << bits) | static_cast<std::uint32_t>(p[i]);
    return key;
  };

  // Highest order: raw counts of every n-gram.
  {
    std::vector<std::uint64_t> keys;
    for (const auto& s : sequences)
      for (std::size_t i = 0; i + static_cast<std::size_t>(n) <= s.size(); ++i) keys.push_back(key_of(&s[i], n));
    Order& top = lm.orders_[n - 1];
    count_sorted(keys, &top.counts);
    top.keys = std::move(keys);
  }
  // Lower orders: continuation counts from the order above, plus raw counts of
  // k-grams at a sequence start.
  for (int k = n - 1; k >= 1; --k) {
    const Order& above = lm.orders_[k];
    const std::uint64_t mask = bits * k >= 64 ? ~0ull : ((1ull << (bits * k)) - 1);
    std::vector<std::uint64_t> keys;
    keys.reserve(above.keys.size());
    for (std::uint64_t key : above.keys) keys.push_back(key & mask);
    for (const auto& s : sequences)
      if (s.size() >= static_cast<std::size_t>(k)) keys.push_back(key_of(s.data(), k));
    Order& o = lm.orders_[k - 1];
    count_sorted(keys, &o.counts);
    o.keys = std::move(keys);
  }
  // Discounts and per-context statistics.
  for (int k = 1; k <= n; ++k) {
    Order& o = lm.orders_[k - 1];
    double cc[5] = {0, 0, 0, 0, 0};
    for (std::uint32_t c : o.counts)
      if (c <= 4) cc[c] += 1;
    const double y = cc[1] > 0 ? cc[1] / (cc[1] + 2 * cc[2]) : 0.5;
    const auto d = [&](int c, double fallback) {
      if (cc[c] <= 0 || cc[c + 1] <= 0) return fallback;
      return std::clamp(c - (c + 1) * y * cc[c + 1] / cc[c], 0.0, static_cast<double>(c));
    };
    o.d[1] = d(1, 0.5);
    o.d[2] = d(2, 1.0);
    o.d[3] = d(3, 1.5);
    for (std::size_t i = 0; i < o.keys.size(); ++i) {
      const std::uint64_t ctx = k == 1 ? 0 : o.keys[i] >> bits;
      if (o.ctx_keys.empty() || o.ctx_keys.back() != ctx) {
        o.ctx_keys.push_back(ctx);
        o.ctx.emplace_back();
      }
      ContextStats& st = o.ctx.back();
      st.total += o.counts[i];
      (o.counts[i] == 1 ? st.n1 : o.counts[i] == 2 ? st.n2 : st.n3) += 1;
    }
  }
  // Order 1 interpolates with the uniform distribution.
  lm.unigram_.assign(static_cast<std::size_t>(vocab_size), 0.0f);
  const Order& u = lm.orders_[0];
  if (u.ctx.empty()) {
    std::fill(lm.unigram_.begin(), lm.unigram_.end(), 1.0f / static_cast<float>(vocab_size));
  } else {
    const ContextStats& st = u.ctx[0];
    const double total = static_cast<double>(st.total);
    const double gamma = (u.d[1] * st.n1 + u.d[2] * st.n2 + u.d[3] * st.n3) / total;
    for (std::size_t i = 0; i < u.keys.size(); ++i) lm.unigram_[u.keys[i]] = static_cast<float>(lm.follower_mass(1, u.counts[i]) / total);
    for (float& p : lm.unigram_) p += static_cast<float>(gamma / vocab_size);
  }
  return lm;
}

double KneserNey::follower_mass(int k, std::uint32_t count) const {
  const Order& o = orders_[k - 1];
  const double d = count == 1 ? o.d[1] : count == 2 ? o.d[2] : o.d[3];
  return std::max(0.0, count - d);
}

const KneserNey::ContextStats* KneserNey::find_context(int k, std::uint64_t ctx_key) const {
  const Order& o = orders_[k - 1];
  auto it = std::lower_bound(o.ctx_keys.begin(), o.ctx_keys.end(), ctx_key);
  if (it == o.ctx_keys.end() || *it != ctx_key) return nullptr;
  return &o.ctx[static_cast<std::size_t>(it - o.ctx_keys.begin())];
}

void KneserNey::distribution(std::span<const std::int32_t> context, std::span<float> probs) const {
  std::copy(unigram_.begin(), unigram_.end(), probs.begin());
  for (int k = 2; k <= order_; ++k) {
    if (context.size() < static_cast<std::size_t>(k - 1)) break;
    std::uint64_t ctx = 0;
    bool in_vocab = true;
    for (std::size_t i = context.size() - static_cast<std::size_t>(k - 1); i < context.size(); ++i) {
      in_vocab &= context[i] >= 0 && context[i] < vocab_;
      ctx = (ctx << bits_) | static_cast<std::uint32_t>(context[i]);
    }
    if (!in_vocab) break;
    const ContextStats* st = find_context(k, ctx);
    if (st == nullptr) break;  // longer contexts are unseen too
    const Order& o = orders_[k - 1];
    const double total = static_cast<double>(st->total);
    const auto gamma = static_cast<float>((o.d[1] * st->n1 + o.d[2] * st->n2 + o.d[3] * st->n3) / total);
    for (float& p : probs) p *= gamma;
    const std::uint64_t lo = ctx << bits_, hi = (ctx + 1) << bits_;
    auto it = std::lower_bound(o.keys.begin(), o.keys.end(), lo);
    for (auto i = static_cast<std::size_t>(it - o.keys.begin()); i < o.keys.size() && o.keys[i] < hi; ++i)
      probs[o.keys[i] & ((1ull << bits_) - 1)] += static_cast<float>(follower_mass(k, o.counts[i]) / total);
  }
}

double KneserNey::prob(std::span<const std::int32_t> context, std::int32_t w) const {
  std::vector<float> p(static_cast<std::size_t>(vocab_));
  distribution(context, p);
  return w >= 0 && w < vocab_ ? p[static_cast<std::size_t>(w)] : 0.0;
}

std::size_t KneserNey::ngram_count(int k) const {
  return k >= 1 && k <= order_ ? orders_[k - 1].keys.size() : 0;
}

double KneserNey::discount(int k, int c) const {
  if (k < 1 || k > order_) return 0.0;
  return orders_[k - 1].d[std::clamp(c, 1, 3)];
}

}  // namespace codeloom::ngram
