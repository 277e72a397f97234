#include "codeloom/train/item2vec_init.h"

#include <cmath>
#include <random>

namespace codeloom::train {
namespace {

// Portable Gaussian draws: std::mt19937_64 (its sequence is fixed by the
// standard) → Box–Muller (no std::*_distribution, whose output differs between
// standard libraries).
class Gaussian {
 public:
  explicit Gaussian(std::uint64_t seed) : engine_(seed) {}
  double next() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u1 = 0;
    while (u1 <= 0) u1 = uniform();
    const double u2 = uniform(), r = std::sqrt(-2.0 * std::log(u1)), t = 2.0 * M_PI * u2;
    spare_ = r * std::sin(t);
    has_spare_ = true;
    return r * std::cos(t);
  }

 private:
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  std::mt19937_64 engine_;
  double spare_ = 0;
  bool has_spare_ = false;
};

// big × small matrix (row-major) with orthonormal columns.
std::vector<double> orthonormal_columns(int big, int small, std::uint64_t seed) {
  Gaussian g(seed);
  std::vector<double> q(static_cast<std::size_t>(big) * small);
  for (double& v : q) v = g.next();
  auto at = [&](int r, int c) -> double& { return q[static_cast<std::size_t>(r) * small + c]; };
  for (int c = 0; c < small; ++c) {
    for (int pass = 0; pass < 2; ++pass) {  // re-orthogonalize once: classical GS loses orthogonality
      for (int k = 0; k < c; ++k) {
        double dot = 0;
        for (int r = 0; r < big; ++r) dot += at(r, c) * at(r, k);
        for (int r = 0; r < big; ++r) at(r, c) -= dot * at(r, k);
      }
    }
    double norm = 0;
    for (int r = 0; r < big; ++r) norm += at(r, c) * at(r, c);
    norm = std::sqrt(norm);
    for (int r = 0; r < big; ++r) at(r, c) /= norm;
  }
  return q;
}

}  // namespace

std::string item2vec_key(const std::string& piece_text) {
  std::size_t i = 0;
  while (i < piece_text.size() &&
         (piece_text[i] == ' ' || piece_text[i] == '\t' || piece_text[i] == '\n' || piece_text[i] == '\r'))
    ++i;
  return piece_text.substr(i);
}

Result<Item2VecInit> item2vec_init(const embed::Embeddings& emb, const std::vector<std::string>& token_texts,
                                   int dim, std::uint64_t seed, double target_std) {
  if (dim < 1) return make_error(ErrorCode::kInvalidArgument, "item2vec init: model dim must be positive");
  if (!(target_std > 0)) return make_error(ErrorCode::kInvalidArgument, "item2vec init: target_std must be > 0");
  if (emb.dim < 1 || emb.size() == 0)
    return make_error(ErrorCode::kInvalidArgument, "item2vec init: the embeddings are empty");
  const int src = emb.dim;
  Item2VecInit out;
  out.dim = dim;
  out.source_dim = src;
  out.rows.assign(token_texts.size() * static_cast<std::size_t>(dim), 0.0f);
  out.mapped.assign(token_texts.size(), 0);

  std::vector<std::size_t> source_row(token_texts.size());
  for (std::size_t i = 0; i < token_texts.size(); ++i) {
    const std::string key = item2vec_key(token_texts[i]);
    if (key.empty()) continue;
    if (auto r = emb.find(key)) {
      source_row[i] = *r;
      out.mapped[i] = 1;
      ++out.mapped_count;
    }
  }
  if (out.mapped_count == 0)
    return make_error(ErrorCode::kInvalidArgument,
                      "item2vec init: no token of the tokenizer is in the Item2Vec vocabulary "
                      "(train the embeddings on the same corpus: codeloom embed train --corpus ...)");

  std::vector<double> mean(static_cast<std::size_t>(src), 0.0);
  for (std::size_t i = 0; i < token_texts.size(); ++i) {
    if (!out.mapped[i]) continue;
    const auto row = emb.row(source_row[i]);
    for (int d = 0; d < src; ++d) mean[d] += row[d];
  }
  for (double& m : mean) m /= static_cast<double>(out.mapped_count);

  // y = P x with P: dim × src. Widening: P = Q (dim × src, orthonormal columns).
  // Narrowing: P = sqrt(src/dim) · Qᵀ (Q: src × dim), keeping norms on average.
  std::vector<double> p;
  if (src != dim) {
    if (src < dim) {
      p = orthonormal_columns(dim, src, seed);
    } else {
      const std::vector<double> q = orthonormal_columns(src, dim, seed);
      const double s = std::sqrt(static_cast<double>(src) / dim);
      p.assign(static_cast<std::size_t>(dim) * src, 0.0);
      for (int r = 0; r < dim; ++r)
        for (int c = 0; c < src; ++c) p[static_cast<std::size_t>(r) * src + c] = s * q[static_cast<std::size_t>(c) * dim + r];
    }
  }

  std::vector<double> x(static_cast<std::size_t>(src)), y(static_cast<std::size_t>(dim));
  double sum_sq = 0;
  for (std::size_t i = 0; i < token_texts.size(); ++i) {
    if (!out.mapped[i]) continue;
    const auto row = emb.row(source_row[i]);
    for (int d = 0; d < src; ++d) x[d] = row[d] - mean[d];
    if (p.empty()) {
      y = x;
    } else {
      for (int r = 0; r < dim; ++r) {
        double acc = 0;
        const double* pr = p.data() + static_cast<std::size_t>(r) * src;
        for (int c = 0; c < src; ++c) acc += pr[c] * x[c];
        y[r] = acc;
      }
    }
    float* dst = out.rows.data() + i * static_cast<std::size_t>(dim);
    for (int d = 0; d < dim; ++d) {
      dst[d] = static_cast<float>(y[d]);
      sum_sq += y[d] * y[d];
    }
  }
  const double rms = std::sqrt(sum_sq / (static_cast<double>(out.mapped_count) * dim));
  if (!(rms > 0))
    return make_error(ErrorCode::kInvalidArgument, "item2vec init: the mapped vectors are all equal (degenerate embeddings)");
  const auto scale = static_cast<float>(target_std / rms);
  for (std::size_t i = 0; i < token_texts.size(); ++i) {
    if (!out.mapped[i]) continue;
    float* dst = out.rows.data() + i * static_cast<std::size_t>(dim);
    for (int d = 0; d < dim; ++d) dst[d] *= scale;
  }
  return out;
}

}  // namespace codeloom::train
