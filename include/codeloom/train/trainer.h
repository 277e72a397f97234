// codeloom::train::run_training — the training loop (libtorch, CPU; c10d Gloo
// for data parallelism). The header is torch-free.
//
//   auto s = train::run_training(recipe, vocab, {.out_dir = "runs/tiny"});
//   if (!s) { report(s.error()); }
//
// Writes into out_dir: checkpoint.clck (checkpoint.h), train.jsonl (one JSON
// record per log_every steps and per evaluation) and loss.svg.
// One step = grad_accum micro-batches of batch_size rows on each of
// world_size processes; the global batch is batch_size·grad_accum·world_size
// rows, and rank r takes the r-th contiguous block of it, so N processes with
// grad_accum A see exactly the rows 1 process with grad_accum N·A sees.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/train/corpus.h"
#include "codeloom/train/packing.h"
#include "codeloom/train/recipe.h"

namespace codeloom::train {

struct DistOptions {
  int rank = 0;
  int world_size = 1;                     // 1 = no process group
  std::string master_addr = "127.0.0.1";  // rank 0 hosts the c10d TCPStore here
  int master_port = 29511;
  int timeout_s = 300;                    // store connect / collective timeout
};

struct TrainOptions {
  std::string out_dir;           // created if missing
  bool resume = false;           // continue from out_dir/checkpoint.clck (error if absent)
  std::int64_t stop_after = 0;   // > 0: stop (with a checkpoint) after this many steps in this run
  bool progress = true;          // progress bar on stderr (rank 0)
  bool eval_only = false;        // with resume: evaluate the checkpoint on validation data, do not train
  std::vector<std::string> token_texts;  // id → text; needed by init.item2vec (filled from the Vocabulary)
  DistOptions dist;
};

struct TrainSummary {
  std::int64_t steps = 0;           // optimizer steps done in total
  double last_loss = 0;             // training loss of the last step
  double val_loss = 0;              // last validation loss (0 if none)
  double val_accuracy = 0;          // next-token accuracy (argmax = target) of that validation
  std::int64_t val_tokens = 0;      // predicted tokens that validation covered
  std::int64_t item2vec_mapped = 0; // token_embd rows initialized from Item2Vec (init.item2vec)
  double tokens_per_s = 0;          // training throughput of this run (all ranks)
  double flops_per_s = 0;           // achieved model FLOP/s (6·N·tokens + attention)
  std::int64_t parameters = 0;
  std::string blas;                 // the BLAS library libtorch ended up calling
  std::string checkpoint;           // path of the final checkpoint
};

// Training from prepared rows (tests, tools). vocab_size in recipe.model must be set.
Result<TrainSummary> run_training(const Recipe& recipe, const PackedSequences& train_rows,
                                  const PackedSequences& val_rows, const TrainOptions& options);

// Reads recipe.data.corpus through `vocab`, then trains. vocab_size 0 in the recipe takes vocab.size.
Result<TrainSummary> run_training(Recipe recipe, const Vocabulary& vocab, const TrainOptions& options);

// Learning rate at `step` (0-based): linear warm-up to lr, then cosine to min_lr at `steps`.
double learning_rate(const TrainConfig& t, std::int64_t step);

}  // namespace codeloom::train
