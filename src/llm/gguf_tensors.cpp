// Tensor checks for the supported architectures: the tensor list libllama's
// load_arch_tensors creates (models/llama.cpp, models/qwen2.cpp), with the
// shapes it expects. libllama throws on a wrong shape but asserts when an
// expected dimension is < 1, and ggml aborts while computing with a weight
// type the CPU backend has no kernel for, so names, shapes and types are all
// checked here, against the hyper-parameters check_hparams accepted.
#include <array>
#include <map>

#include "ggml-cpu.h"
#include "ggml.h"
#include "gguf.h"
#include "gguf_model_check.h"

namespace codeloom::llm::detail {
namespace {

using Shape = std::array<std::int64_t, 4>;

struct Expected {
  Shape ne;
  bool required;
};

Shape shape(std::int64_t a, std::int64_t b = 1) { return {a, b, 1, 1}; }

std::string shape_text(const Shape& s) {
  std::string out = "[" + std::to_string(s[0]);
  int last = 3;
  while (last > 0 && s[static_cast<std::size_t>(last)] == 1) --last;
  for (int i = 1; i <= last; ++i) out += ", " + std::to_string(s[static_cast<std::size_t>(i)]);
  return out + "]";
}

std::map<std::string, Expected> expected_tensors(const ModelShape& s) {
  const std::int64_t embd = s.n_embd, vocab = s.n_vocab, ff = s.n_ff;
  const std::int64_t q = std::int64_t{s.head_dim} * s.n_head, kv = std::int64_t{s.head_dim} * s.n_head_kv;
  const bool llama = s.arch == "llama";
  std::map<std::string, Expected> t;
  t["token_embd.weight"] = {shape(embd, vocab), true};
  t["output_norm.weight"] = {shape(embd), true};
  t["output.weight"] = {shape(embd, vocab), false};
  if (!llama) t["output.bias"] = {shape(vocab), false};
  if (llama && s.longrope) {
    t["rope_factors_long.weight"] = {shape(s.head_dim / 2), false};
    t["rope_factors_short.weight"] = {shape(s.head_dim / 2), false};
  } else if (llama) {
    t["rope_freqs.weight"] = {shape(s.head_dim / 2), false};
  }
  for (std::uint32_t i = 0; i < s.n_layer; ++i) {
    const std::string b = "blk." + std::to_string(i) + ".";
    t[b + "attn_norm.weight"] = {shape(embd), true};
    // Either fused QKV or separate Q, K, V (llama_model_base::create_tensor_qkv).
    t[b + "attn_qkv.weight"] = {shape(embd, q + 2 * kv), false};
    t[b + "attn_qkv.bias"] = {shape(q + 2 * kv), false};
    t[b + "attn_q.weight"] = {shape(embd, q), false};
    t[b + "attn_k.weight"] = {shape(embd, kv), false};
    t[b + "attn_v.weight"] = {shape(embd, kv), false};
    t[b + "attn_q.bias"] = {shape(q), false};
    t[b + "attn_k.bias"] = {shape(kv), false};
    t[b + "attn_v.bias"] = {shape(kv), false};
    t[b + "attn_output.weight"] = {shape(q, embd), true};
    if (llama) t[b + "attn_output.bias"] = {shape(embd), false};
    t[b + "ffn_norm.weight"] = {shape(embd), true};
    t[b + "ffn_gate.weight"] = {shape(embd, ff), true};
    t[b + "ffn_down.weight"] = {shape(ff, embd), true};
    t[b + "ffn_up.weight"] = {shape(embd, ff), true};
    if (llama) {
      t[b + "ffn_gate.bias"] = {shape(ff), false};
      t[b + "ffn_down.bias"] = {shape(embd), false};
      t[b + "ffn_up.bias"] = {shape(ff), false};
    }
  }
  return t;
}

}  // namespace

Status check_tensors(const MetaReader& meta, const ModelShape& s) {
  const gguf_context* ctx = meta.ctx();
  auto expected = expected_tensors(s);
  auto fail = [&](const std::string& name, const std::string& what) {
    return Status(meta.fail(ErrorCode::kCorrupt,
                            "tensor '" + name + "' " + what + "; the file is corrupt or not a " + s.arch + " model"));
  };
  const std::int64_t n = gguf_get_n_tensors(ctx);
  std::map<std::string, bool> present;
  for (std::int64_t i = 0; i < n; ++i) {
    const std::string name = gguf_get_tensor_name(ctx, i);
    auto it = expected.find(name);
    if (it == expected.end()) return fail(name, "is not part of a " + s.arch + " model");
    present[name] = true;
    const std::int64_t* got = gguf_get_tensor_ne(ctx, i);
    const Shape ne{got[0], got[1], got[2], got[3]};
    if (ne != it->second.ne) {
      return fail(name, "has shape " + shape_text(ne) + " but the model's hyper-parameters give " +
                            shape_text(it->second.ne));
    }
    // 1-D tensors (norms, biases, rope factors) are added and multiplied
    // element-wise in f32, as llama.cpp's converters and quantizer write them;
    // matrices need a CPU dot-product kernel for their type.
    const ggml_type type = gguf_get_tensor_type(ctx, i);
    if (ne[1] == 1 && type != GGML_TYPE_F32) {
      return fail(name, std::string("has type ") + ggml_type_name(type) + " (1-D tensors must be f32)");
    }
    if (ne[1] > 1 && ggml_get_type_traits_cpu(type)->vec_dot == nullptr) {
      return fail(name, std::string("has type ") + ggml_type_name(type) + ", which cannot be used as a weight matrix");
    }
  }
  for (const auto& [name, e] : expected) {
    if (e.required && !present.count(name)) return fail(name, "is missing");
  }
  for (std::uint32_t i = 0; i < s.n_layer; ++i) {
    const std::string b = "blk." + std::to_string(i) + ".";
    if (present.count(b + "attn_qkv.weight")) continue;
    for (const char* part : {"attn_q.weight", "attn_k.weight", "attn_v.weight"}) {
      if (!present.count(b + part)) return fail(b + part, "is missing");
    }
  }
  return Status::Ok();
}

}  // namespace codeloom::llm::detail
