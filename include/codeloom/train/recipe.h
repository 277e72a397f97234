// codeloom::train::Recipe — everything a training run needs, read from TOML.
//
//   auto r = train::load_recipe("recipes/tiny-test.toml");
//   if (!r) { std::cerr << r.error().message; return 2; }   // names the bad key
//   std::cout << r->model.dim;
//
// Parsing is strict: an unknown key, a value of the wrong type or an
// impossible shape (dim % n_heads != 0, n_kv_heads not dividing n_heads, odd
// head_dim for RoPE, data.seq_len > model.context, ...) is a kInvalidArgument
// error naming the key, before any data is read or any tensor allocated.
// The keys and their defaults are listed in docs/train.md.
#pragma once

#include <cstdint>
#include <string>

#include "codeloom/common/status.h"

namespace codeloom::train {

struct ModelConfig {
  std::int64_t dim = 256;
  std::int64_t n_layers = 4;
  std::int64_t n_heads = 8;
  std::int64_t n_kv_heads = 0;     // 0 = n_heads (no grouped-query attention)
  std::int64_t ffn_dim = 0;        // 0 = SwiGLU default: 8/3·dim rounded up to a multiple of 32
  std::int64_t vocab_size = 0;     // 0 = the tokenizer's vocabulary size
  std::int64_t context = 1024;     // longest sequence the model supports (llama.context_length)
  double rope_theta = 10000.0;
  double norm_eps = 1e-5;
  bool tied_embeddings = false;    // output projection shares token_embd

  std::int64_t head_dim() const { return dim / n_heads; }
  std::int64_t kv_heads() const { return n_kv_heads == 0 ? n_heads : n_kv_heads; }
  std::int64_t hidden_dim() const { return ffn_dim != 0 ? ffn_dim : ((8 * dim / 3 + 31) / 32) * 32; }
};

struct DataConfig {
  std::string corpus;              // directory of {train,val}-NNNNN.jsonl.zst shards
  std::string tokenizer;           // tokenizer file (tokenizer::Tokenizer::load)
  std::int64_t seq_len = 512;      // tokens per packed training sequence
  double fim_rate = 0.5;           // share of documents turned into fill-in-the-middle samples
  double spm_rate = 0.5;           // share of FIM samples in SPM (the rest PSM)
  std::int64_t max_documents = 0;  // 0 = all; caps documents read per split (quick runs)
  std::int64_t max_document_bytes = 0;  // 0 = no limit; longer documents (generated tables) are skipped
  std::int64_t val_sequences = 256;  // cap on packed validation sequences
};

struct TrainConfig {
  std::int64_t steps = 1000;           // optimizer steps
  std::int64_t batch_size = 8;         // sequences per micro-batch (per process)
  std::int64_t grad_accum = 1;         // micro-batches per optimizer step (per process)
  double lr = 3e-4;                    // peak learning rate
  double min_lr = 3e-5;                // cosine floor
  std::int64_t warmup_steps = 100;
  double weight_decay = 0.1;           // AdamW, matrices only (not norms)
  double beta1 = 0.9;
  double beta2 = 0.95;
  double eps = 1e-8;
  double grad_clip = 1.0;              // max global gradient L2 norm; 0 = off
  std::int64_t eval_every = 100;       // validation every N steps (and at the end)
  std::int64_t eval_batches = 8;       // micro-batches of validation per evaluation
  std::int64_t checkpoint_every = 500; // 0 = only at the end
  std::int64_t log_every = 10;         // JSONL training record every N steps
  std::int64_t seed = 1234;            // weights, data order, FIM decisions
  std::int64_t threads = 2;            // intra-op threads (torch and OpenBLAS)
  std::string precision = "f32";       // "f32" | "bf16" (bf16 autocast, f32 master weights)
};

struct InitConfig {
  std::string item2vec;            // embeddings file to initialize token_embd from ("" = random)
};

struct Recipe {
  std::string name;                // [recipe] name, used in GGUF general.name
  ModelConfig model;
  DataConfig data;
  TrainConfig train;
  InitConfig init;
  std::string source;              // the TOML text it was parsed from (kept in checkpoints)
};

// Parses TOML text; `origin` (a file name) prefixes error messages.
Result<Recipe> parse_recipe(const std::string& toml_text, const std::string& origin = "recipe");
Result<Recipe> load_recipe(const std::string& path);

// Checks the shape rules once vocab_size is known (load_recipe already calls
// it when vocab_size is set in the file; the trainer calls it after filling
// vocab_size from the tokenizer).
Status validate_recipe(const Recipe& recipe, const std::string& origin = "recipe");

// Number of trainable parameters the model of this config has.
std::int64_t parameter_count(const ModelConfig& model);

}  // namespace codeloom::train
