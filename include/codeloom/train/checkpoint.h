// Training checkpoints: model weights, AdamW state, RNG and data position, so
// a run resumed on CPU continues bit-exactly (docs/train.md, "Checkpoint format").
//
//   auto ck = train::load_checkpoint("runs/tiny/checkpoint.clck");
//   if (!ck) { report(ck.error()); }           // kCorrupt on a checksum mismatch
//   const TensorRecord* emb = ck->find_model("token_embd.weight");
//
// File layout (little-endian): "CLCKPT\0\0", u32 format version, u64 payload
// size, payload, u64 xxh64(payload). The checksum is verified before any
// field is parsed, so a truncated or bit-flipped file is never loaded.
// Files are written to "<path>.tmp" then renamed, so a crash mid-write
// leaves the previous checkpoint intact.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::train {

inline constexpr std::uint32_t kCheckpointVersion = 1;

// A float32 tensor, named as in the GGUF export (token_embd.weight, blk.0.attn_q.weight, ...).
struct TensorRecord {
  std::string name;
  std::vector<std::int64_t> shape;  // row-major, PyTorch order ([out, in] for matrices)
  std::vector<float> data;
};

struct Checkpoint {
  std::uint32_t version = kCheckpointVersion;
  std::string recipe_toml;            // the recipe the run was started with
  std::int64_t step = 0;              // optimizer steps done
  std::int64_t data_position = 0;     // micro-batch rows consumed (global, all ranks)
  std::int64_t tokens_seen = 0;
  std::int64_t world_size = 1;
  std::string rng_state;              // torch CPU generator state (bytes)
  std::vector<TensorRecord> model;    // parameters
  std::vector<TensorRecord> optimizer;  // "<param>.exp_avg", "<param>.exp_avg_sq"

  const TensorRecord* find_model(const std::string& name) const;
};

Status save_checkpoint(const std::string& path, const Checkpoint& ck);
// kNotFound (missing), kCorrupt (bad magic, truncated, checksum mismatch,
// malformed payload), kUnsupported (a newer format version).
Result<Checkpoint> load_checkpoint(const std::string& path);

}  // namespace codeloom::train
