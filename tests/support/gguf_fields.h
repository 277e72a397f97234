// A structure-aware mutator for GGUF headers (the GGUF fuzz test): lists the
// numeric fields of a header (counts, lengths, types, metadata values, tensor
// dimensions, types and offsets) and overwrites one with a boundary value, so
// mutations hit what a loader trusts instead of mostly token text.
//
//   auto fields = codeloom::testing::gguf_fields(bytes);   // walks as far as it can
//   codeloom::testing::mutate_gguf_field(bytes, fields, rng);
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace codeloom::testing {

struct GgufField {
  std::size_t offset = 0;
  int width = 0;          // bytes: 1, 2, 4 or 8
  bool is_float = false;  // f32 / f64 value
  bool is_value = false;  // a metadata value (scalar or array element), not a length/type/tensor field
  std::string what;       // e.g. "kv llama.block_count", "tensor blk.0.attn_q.weight ne[1]"
};

// Little-endian GGUF v2/v3 header walk; stops quietly at the first
// inconsistency (the fields found so far are returned). Arrays contribute
// their type, length and at most their first 8 elements.
std::vector<GgufField> gguf_fields(const std::string& bytes);

// Overwrites one random field with a boundary value (0, 1, max, value +- 1,
// 2x, NaN/inf for floats, ...); metadata values are picked half of the time
// (the rest mostly stops in ggml's reader). Returns the field's description,
// empty when there is no field.
std::string mutate_gguf_field(std::string& bytes, const std::vector<GgufField>& fields, std::mt19937_64& rng);

}  // namespace codeloom::testing
