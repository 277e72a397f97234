// SGNS training: option checks, tables, the chunk schedule and the three ways to
// run it (one thread; deterministic rounds; hogwild). The inner loop is in
// sgns_loop.inc.
#include "codeloom/embed/train.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <chrono>
#include <cmath>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>

#include "noise.h"
#include "sgns.h"

namespace codeloom::embed {
namespace detail {

Kernels select_kernels() {
  const char* force = std::getenv("CODELOOM_EMBED_KERNEL");
  if (force != nullptr && std::strcmp(force, "generic") == 0) return generic_kernels();
  __builtin_cpu_init();
  const bool no512 = force != nullptr && std::strcmp(force, "avx2") == 0;
  if (!no512 && __builtin_cpu_supports("avx512f")) return avx512_kernels();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return avx2_kernels();
  return generic_kernels();
}

}  // namespace detail

namespace {

using detail::ChunkJob;
using detail::ChunkResult;
using Clock = std::chrono::steady_clock;

Status check_options(const TrainOptions& o) {
  auto bad = [](const std::string& m) { return Status(make_error(ErrorCode::kInvalidArgument, m)); };
  if (o.dim < 1 || o.dim > 4096) return bad("dim must be in 1..4096 (got " + std::to_string(o.dim) + ")");
  if (o.window < 1 || o.window > 100) return bad("window must be in 1..100 (got " + std::to_string(o.window) + ")");
  if (o.negative < 1 || o.negative > 100)
    return bad("negative must be in 1..100 (got " + std::to_string(o.negative) + "); SGNS needs noise samples");
  if (!(o.sample >= 0) || o.sample > 1) return bad("sample must be in [0, 1] (0 turns subsampling off)");
  if (o.epochs < 1 || o.epochs > 10000) return bad("epochs must be in 1..10000");
  if (!(o.alpha > 0) || o.alpha > 10) return bad("alpha must be in (0, 10]");
  if (!(o.min_alpha >= 0) || o.min_alpha > o.alpha) return bad("min_alpha must be in [0, alpha]");
  if (o.threads < 1 || o.threads > 256) return bad("threads must be in 1..256");
  if (o.sync_words < 1) return bad("sync_words must be >= 1");
  return Status::Ok();
}

struct Chunk {
  std::size_t seq_begin, seq_end;
  std::uint64_t word_begin;  // position within one epoch
};

// Fixed, sequence-aligned chunks of >= sync_words tokens: the unit of work and of
// randomness. They depend on the corpus and sync_words only, not on threads.
std::vector<Chunk> make_chunks(const Corpus& corpus, std::uint64_t sync_words) {
  std::vector<Chunk> chunks;
  std::size_t begin = 0;
  for (std::size_t s = 0; s < corpus.sequences(); ++s) {
    if (corpus.offsets[s + 1] - corpus.offsets[begin] >= sync_words || s + 1 == corpus.sequences()) {
      chunks.push_back({begin, s + 1, corpus.offsets[begin]});
      begin = s + 1;
    }
  }
  return chunks;
}

struct Tables {
  std::vector<std::uint64_t> keep;
  detail::AliasTable alias;
  std::vector<float> exp_table, loss_table;
};

Tables make_tables(const Vocab& vocab, const TrainOptions& o) {
  Tables t;
  t.keep.resize(vocab.size());
  for (std::size_t i = 0; i < vocab.size(); ++i) {
    const double p = keep_probability(vocab.count(static_cast<std::uint32_t>(i)), vocab.total_count(), o.sample);
    t.keep[i] = p >= 1.0 ? (1ull << 32) : static_cast<std::uint64_t>(p * 4294967296.0);
  }
  t.alias = detail::build_alias_table(vocab.counts(), 0.75);
  t.exp_table.resize(detail::kExpTableSize);
  t.loss_table.resize(detail::kExpTableSize);
  for (int i = 0; i < detail::kExpTableSize; ++i) {
    const double x = (static_cast<double>(i) / detail::kExpTableSize * 2 - 1) * detail::kMaxExp;
    const double e = std::exp(x);
    t.exp_table[i] = static_cast<float>(e / (e + 1));  // word2vec.c's expTable
    t.loss_table[i] = static_cast<float>(std::log1p(std::exp(-x)));  // -log sigmoid(x)
  }
  return t;
}

// A blocking barrier. std::barrier spins before it sleeps; on a loaded machine the
// spinning thread takes CPU from the very thread it waits for (measured: +50% CPU
// time for the deterministic mode with std::barrier).
class Barrier {
 public:
  explicit Barrier(int n) : n_(n) {}
  void arrive_and_wait() {
    std::unique_lock<std::mutex> lock(mu_);
    const std::uint64_t gen = generation_;
    if (++waiting_ == n_) {
      waiting_ = 0;
      ++generation_;
      cv_.notify_all();
      return;
    }
    cv_.wait(lock, [&] { return generation_ != gen; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int n_;
  int waiting_ = 0;
  std::uint64_t generation_ = 0;
};

class Reporter {
 public:
  Reporter(const ProgressFn& fn, std::uint64_t total, Clock::time_point start) : fn_(fn), total_(total), start_(start) {}
  void maybe(int epoch, std::uint64_t words, double alpha, double loss_sum, std::uint64_t pairs, bool force) {
    if (!fn_) return;
    const auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    TrainProgress p;
    p.epoch = epoch;
    p.words_done = words;
    p.words_total = total_;
    p.seconds = std::chrono::duration<double>(now - start_).count();
    p.words_per_second = p.seconds > 0 ? static_cast<double>(words) / p.seconds : 0;
    p.alpha = alpha;
    if (pairs > last_pairs_) loss_ = (loss_sum - last_loss_) / static_cast<double>(pairs - last_pairs_);
    p.loss = loss_;
    last_loss_ = loss_sum;
    last_pairs_ = pairs;
    p.eta_seconds = p.words_per_second > 0 ? static_cast<double>(total_ - words) / p.words_per_second : 0;
    fn_(p);
  }

 private:
  const ProgressFn& fn_;
  std::uint64_t total_;
  Clock::time_point start_, last_{};
  double last_loss_ = 0, loss_ = 0;
  std::uint64_t last_pairs_ = 0;
};

}  // namespace

double keep_probability(std::uint64_t count, std::uint64_t total, double sample) {
  if (sample <= 0 || count == 0) return 1.0;
  const double threshold = sample * static_cast<double>(total);
  const double c = static_cast<double>(count);
  return std::min(1.0, (std::sqrt(c / threshold) + 1) * threshold / c);
}

Result<Embeddings> train(const Corpus& corpus, const TrainOptions& options, const ProgressFn& progress,
                         TrainStats* stats) {
  if (Status s = check_options(options); !s) return s.error();
  if (corpus.vocab.size() == 0 || corpus.ids.empty()) {
    return make_error(ErrorCode::kInvalidArgument,
                      "the corpus has no token left after the vocabulary cut (min_count " +
                          std::to_string(options.min_count) + "): lower --min-count or give more text");
  }
  const TrainOptions& o = options;
  const std::size_t vocab = corpus.vocab.size();
  const std::size_t dim = static_cast<std::size_t>(o.dim);
  const int threads = o.threads;

  // word2vec.c's initialization: input rows uniform in [-0.5/dim, 0.5/dim), output rows 0.
  std::vector<float> syn0(vocab * dim), syn1(vocab * dim, 0.0f);
  {
    detail::Rng rng(detail::mix_seed(o.seed, 0xE1B0));
    for (float& x : syn0)
      x = static_cast<float>((static_cast<double>(rng.next() >> 40) / 16777216.0 - 0.5) / static_cast<double>(dim));
  }

  const Tables tables = make_tables(corpus.vocab, o);
  const std::vector<Chunk> chunks = make_chunks(corpus, o.sync_words);
  const std::size_t per_epoch = chunks.size();
  const std::size_t total_chunks = per_epoch * static_cast<std::size_t>(o.epochs);
  const std::uint64_t epoch_words = corpus.ids.size();

  detail::SgnsTables t;
  t.dim = o.dim;
  t.window = o.window;
  t.negative = o.negative;
  t.vocab = static_cast<std::uint32_t>(vocab);
  t.keep = tables.keep.data();
  t.alias_prob = tables.alias.prob.data();
  t.alias_index = tables.alias.alias.data();
  t.exp_table = tables.exp_table.data();
  t.loss_table = tables.loss_table.data();
  t.alpha = o.alpha;
  t.min_alpha = o.min_alpha;
  t.words_total = epoch_words * static_cast<std::uint64_t>(o.epochs);

  std::size_t longest = 0;
  for (std::size_t s = 0; s < corpus.sequences(); ++s)
    longest = std::max<std::size_t>(longest, corpus.offsets[s + 1] - corpus.offsets[s]);
  auto make_workspace = [&] {
    detail::Workspace ws;
    ws.sentence.resize(longest);
    ws.neu1e.resize(dim);
    return ws;
  };
  auto job_for = [&](std::size_t g) {
    const Chunk& c = chunks[g % per_epoch];
    ChunkJob job;
    job.ids = corpus.ids.data();
    job.offsets = corpus.offsets.data();
    job.seq_begin = c.seq_begin;
    job.seq_end = c.seq_end;
    job.word_position = (g / per_epoch) * epoch_words + c.word_begin;
    job.seed = detail::mix_seed(o.seed, g + 1);
    return job;
  };

  const detail::Kernels kernels = detail::select_kernels();
  std::vector<ChunkResult> results(total_chunks);
  const auto start = Clock::now();
  Reporter reporter(progress, t.words_total, start);
  std::uint64_t words_done = 0, pairs_done = 0;
  double loss_done = 0;
  auto account = [&](std::size_t g) {
    words_done += results[g].words;
    pairs_done += results[g].pairs;
    loss_done += results[g].loss;
  };

  if (threads == 1) {
    detail::Workspace ws = make_workspace();
    detail::DirectAccess acc{syn0.data(), syn1.data(), dim};
    for (std::size_t g = 0; g < total_chunks; ++g) {
      results[g] = kernels.direct(t, job_for(g), ws, acc);
      account(g);
      reporter.maybe(static_cast<int>(g / per_epoch), words_done, results[g].alpha, loss_done, pairs_done, false);
    }
  } else if (o.hogwild) {
    // word2vec.c / gensim style: every thread writes the shared rows without locks.
    std::atomic<std::uint64_t> words{0};
    std::vector<std::thread> pool;
    for (int th = 0; th < threads; ++th) {
      pool.emplace_back([&, th] {
        detail::Workspace ws = make_workspace();
        detail::DirectAccess acc{syn0.data(), syn1.data(), dim};
        for (std::size_t g = static_cast<std::size_t>(th); g < total_chunks; g += static_cast<std::size_t>(threads)) {
          results[g] = kernels.direct(t, job_for(g), ws, acc);
          const std::uint64_t w = words.fetch_add(results[g].words) + results[g].words;
          if (th == 0) reporter.maybe(static_cast<int>(g / per_epoch), w, results[g].alpha, 0, 0, false);
        }
      });
    }
    for (auto& th : pool) th.join();
    for (std::size_t g = 0; g < total_chunks; ++g) account(g);
  } else {
    // Deterministic rounds: round r trains chunks [r*T, r*T + T), thread i on chunk
    // r*T + i against its copy-on-write view; then each thread merges a fixed row
    // range, adding every thread's delta in thread order; then views are reset.
    std::vector<std::unique_ptr<detail::CowAccess>> views;
    for (int th = 0; th < threads; ++th)
      views.push_back(std::make_unique<detail::CowAccess>(syn0.data(), syn1.data(), vocab, dim));
    Barrier sync(threads);
    const std::size_t rounds = (total_chunks + threads - 1) / threads;
    auto merge = [&](std::vector<float>& base, bool input, std::size_t lo, std::size_t hi, float* tmp) {
      for (std::size_t r = lo; r < hi; ++r) {
        float* row = base.data() + r * dim;
        bool touched = false;
        for (int u = 0; u < threads; ++u) {
          const float* rep = input ? views[u]->slot0(r) : views[u]->slot1(r);
          if (rep == nullptr) continue;
          if (!touched) std::memcpy(tmp, row, dim * sizeof(float));
          touched = true;
          for (std::size_t d = 0; d < dim; ++d) tmp[d] += rep[d] - row[d];
        }
        if (touched) std::memcpy(row, tmp, dim * sizeof(float));
      }
    };
    std::vector<std::thread> pool;
    for (int th = 0; th < threads; ++th) {
      pool.emplace_back([&, th] {
        detail::Workspace ws = make_workspace();
        std::vector<float> tmp(dim);
        const std::size_t lo = vocab * static_cast<std::size_t>(th) / threads;
        const std::size_t hi = vocab * static_cast<std::size_t>(th + 1) / threads;
        for (std::size_t r = 0; r < rounds; ++r) {
          const std::size_t g = r * threads + static_cast<std::size_t>(th);
          if (g < total_chunks) results[g] = kernels.cow(t, job_for(g), ws, *views[th]);
          sync.arrive_and_wait();
          merge(syn0, true, lo, hi, tmp.data());
          merge(syn1, false, lo, hi, tmp.data());
          sync.arrive_and_wait();
          views[th]->reset();
          if (th == 0) {
            const std::size_t end = std::min(total_chunks, (r + 1) * threads);
            for (std::size_t k = r * threads; k < end; ++k) account(k);
            reporter.maybe(static_cast<int>((end - 1) / per_epoch), words_done, results[end - 1].alpha, loss_done,
                           pairs_done, false);
          }
        }
      });
    }
    for (auto& th : pool) th.join();
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  reporter.maybe(o.epochs - 1, words_done, results.back().alpha, loss_done, pairs_done, true);

  if (stats) {
    *stats = TrainStats{};
    double last_loss = 0;
    std::uint64_t last_pairs = 0;
    for (std::size_t g = 0; g < total_chunks; ++g) {
      stats->words += results[g].words;
      stats->trained_words += results[g].trained;
      if (g / per_epoch == static_cast<std::size_t>(o.epochs - 1)) {
        last_loss += results[g].loss;
        last_pairs += results[g].pairs;
      }
    }
    stats->seconds = seconds;
    stats->loss = last_pairs ? last_loss / static_cast<double>(last_pairs) : 0;
  }

  Embeddings e;
  e.tokens = corpus.vocab.tokens();
  e.counts = corpus.vocab.counts();
  e.dim = o.dim;
  e.vectors = std::move(syn0);
  e.options = o;
  e.train_words = epoch_words;
  e.build_index();
  return e;
}

}  // namespace codeloom::embed
