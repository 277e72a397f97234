// Skip-gram with negative sampling (SGNS) over token sequences: word2vec.c's
// algorithm (Mikolov et al. 2013) as used by Item2Vec.
//
//   embed::TrainOptions o;            // dim 256, window 5, negative 10, sample 1e-3 ...
//   o.threads = 2;
//   auto emb = embed::train(corpus, o, [](const embed::TrainProgress& p) { ... });
//   if (!emb) return emb.error();
//   embed::save(*emb, "model.c2v");
//
// Determinism: the output is a pure function of (corpus, options) — including
// `threads` — on one machine and binary. Multi-threaded training is made
// deterministic by rounds (docs/embed.md): the corpus is cut into fixed chunks of
// about `sync_words` tokens; in each round every thread trains one chunk against
// a private copy-on-write view of the rows it touches, then the threads add
// their deltas to the shared matrices in thread order. `hogwild = true` instead
// lets threads update the shared matrices without synchronization, as word2vec.c
// and gensim do (faster on many cores, not reproducible).
#pragma once

#include <cstdint>
#include <functional>

#include "codeloom/common/status.h"
#include "codeloom/embed/embeddings.h"
#include "codeloom/embed/vocab.h"

namespace codeloom::embed {

struct TrainProgress {
  int epoch = 0;                   // 0-based epoch of the last finished chunk
  std::uint64_t words_done = 0;    // in-vocabulary tokens processed (before subsampling), all epochs
  std::uint64_t words_total = 0;   // epochs * corpus tokens
  double seconds = 0;              // since training started
  double words_per_second = 0;
  double alpha = 0;                // current learning rate
  double loss = 0;                 // mean SGNS loss per (positive or negative) pair since the last report
  double eta_seconds = 0;
};
using ProgressFn = std::function<void(const TrainProgress&)>;

struct TrainStats {
  std::uint64_t words = 0;          // tokens processed (before subsampling), all epochs
  std::uint64_t trained_words = 0;  // tokens kept by subsampling
  double seconds = 0;               // wall time of the training loop only
  double loss = 0;                  // mean loss per pair over the last epoch
};

// Trains input vectors for every vocabulary token. kInvalidArgument for bad
// options (the message names the option) or an empty corpus.
Result<Embeddings> train(const Corpus& corpus, const TrainOptions& options, const ProgressFn& progress = {},
                         TrainStats* stats = nullptr);

// word2vec.c's subsampling: the probability that a token of count c survives is
//   min(1, (sqrt(c / (sample * total)) + 1) * (sample * total) / c);  sample <= 0 keeps all.
double keep_probability(std::uint64_t count, std::uint64_t total, double sample);

}  // namespace codeloom::embed
