#include "codeloom/llm/kv_type.h"

#include <ggml-cpu.h>
#include <llama.h>

#include <string>

namespace codeloom::llm {

Result<KvType> parse_kv_type(std::string_view name) {
  if (name == "auto") return KvType::kAuto;
  if (name == "f16") return KvType::kF16;
  if (name == "bf16") return KvType::kBf16;
  if (name == "f32") return KvType::kF32;
  return make_error(ErrorCode::kInvalidArgument,
                    "KV cache type must be auto, f16, bf16 or f32, got '" + std::string(name) + "'");
}

const char* kv_type_name(KvType type) {
  switch (type) {
    case KvType::kAuto: return "auto";
    case KvType::kF16: return "f16";
    case KvType::kBf16: return "bf16";
    case KvType::kF32: return "f32";
  }
  return "?";
}

KvType resolve_kv_type(KvType type) {
  if (type != KvType::kAuto) return type;
  return ggml_cpu_has_avx512_bf16() ? KvType::kBf16 : KvType::kF16;
}

void apply_kv_type(KvType type, llama_context_params* params) {
  ggml_type t = GGML_TYPE_F16;
  switch (resolve_kv_type(type)) {
    case KvType::kBf16: t = GGML_TYPE_BF16; break;
    case KvType::kF32: t = GGML_TYPE_F32; break;
    default: t = GGML_TYPE_F16;
  }
  params->type_k = t;
  params->type_v = t;
}

}  // namespace codeloom::llm
