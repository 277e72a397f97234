// Element type of the KV cache. On CPUs with native bf16 dot products
// (AVX512-BF16) a bf16 cache decodes much faster than llama.cpp's default f16:
// codeloom-tiny at 870 tokens of context 2.4x (207 -> 489 tokens/s), the Qwen2.5-
// Coder 0.5B at 1,400 tokens 1.3x (docs/benchmarks.md). bf16 keeps f32's range
// with an 8-bit mantissa; greedy line completion is unchanged on 1,000 tasks
// (docs/llm.md).
//
//   llm::SessionOptions so;
//   so.kv_type = llm::KvType::kAuto;   // bf16 where native, else f16
//
// Pure functions; thread-safe.
#pragma once

#include <string_view>

#include "codeloom/common/status.h"

struct llama_context_params;

namespace codeloom::llm {

enum class KvType { kAuto, kF16, kBf16, kF32 };

// "auto" | "f16" | "bf16" | "f32"; kInvalidArgument otherwise.
Result<KvType> parse_kv_type(std::string_view name);
const char* kv_type_name(KvType type);

// kAuto -> kBf16 when this CPU has AVX512-BF16, else kF16; others unchanged.
KvType resolve_kv_type(KvType type);

// Sets type_k and type_v of `params` to the resolved type.
void apply_kv_type(KvType type, llama_context_params* params);

}  // namespace codeloom::llm
