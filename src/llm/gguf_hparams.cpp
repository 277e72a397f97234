// Hyper-parameter checks for the supported architectures: each mirrors a
// GGML_ASSERT (or an abort inside create_tensor / the graph builders) that
// libllama hits when the value is out of range. Sources (llama.cpp pinned in
// third_party/versions.sh): llama-model.cpp load_hparams, models/llama.cpp,
// models/qwen2.cpp, llama-model-loader.cpp create_tensor, ggml-cpu rope/mul_mat.
#include <algorithm>
#include <cmath>

#include "gguf_model_check.h"

namespace codeloom::llm::detail {
namespace {

constexpr std::uint32_t kMaxLayers = 512;  // LLAMA_MAX_LAYERS

// The one value of a per-layer key, or an error when layers differ: the tensor
// shapes use layer 0's value for every layer, the graph each layer's own.
Result<std::uint32_t> uniform(const MetaReader& meta, const std::string& key, const std::vector<std::uint32_t>& v) {
  for (std::size_t i = 1; i < v.size(); ++i) {
    if (v[i] != v[0]) {
      return meta.bad(key, "differs between layers (" + std::to_string(v[0]) + " at layer 0, " +
                               std::to_string(v[i]) + " at layer " + std::to_string(i) +
                               "); per-layer values are not supported for this architecture");
    }
  }
  return v.empty() ? 0u : v[0];
}

Status positive(const MetaReader& meta, const std::string& key, std::uint32_t v) {
  if (v == 0) return meta.bad(key, "is 0");
  return Status::Ok();
}

// Optional float keys that must be finite and at least `min` when present.
Status finite_at_least(const MetaReader& meta, const std::string& key, float min) {
  auto v = meta.f32(key);
  if (!v) return v.error();
  if (*v && (!std::isfinite(**v) || **v < min)) {
    return meta.bad(key, "is " + std::to_string(**v) + " (must be a finite number >= " + std::to_string(min) + ")");
  }
  return Status::Ok();
}

// Keys of features the supported architectures do not have here (mixture of
// experts, multi-token prediction): libllama asserts on inconsistent values
// and the tensor check below knows no expert tensors, so they must be 0.
Status absent_or_zero(const MetaReader& meta, const std::string& key, std::uint32_t n_layer) {
  auto v = meta.u32_or_array(key, n_layer);
  if (!v) return v.error();
  if (*v) {
    for (std::uint32_t x : **v) {
      if (x != 0) {
        return meta.bad(key, "is " + std::to_string(x) +
                                 "; mixture-of-experts and multi-token-prediction models are not supported");
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<ModelShape> check_hparams(const MetaReader& meta, const std::string& arch) {
  ModelShape s;
  s.arch = arch;
  const std::string a = arch + ".";

  auto n_ctx = meta.u32(a + "context_length", true);
  if (!n_ctx) return n_ctx.error();
  if (Status st = positive(meta, a + "context_length", **n_ctx); !st) return st.error();

  auto n_embd = meta.u32(a + "embedding_length", true);
  if (!n_embd) return n_embd.error();
  s.n_embd = **n_embd;
  if (Status st = positive(meta, a + "embedding_length", s.n_embd); !st) return st.error();
  auto n_embd_out = meta.u32(a + "embedding_length_out");
  if (!n_embd_out) return n_embd_out.error();
  if (*n_embd_out && **n_embd_out != s.n_embd) {
    return meta.bad(a + "embedding_length_out", "is " + std::to_string(**n_embd_out) + ", not the embedding length " +
                                                    std::to_string(s.n_embd));
  }

  auto n_layer = meta.u32(a + "block_count", true);
  if (!n_layer) return n_layer.error();
  s.n_layer = **n_layer;
  if (s.n_layer == 0 || s.n_layer > kMaxLayers) {
    return meta.bad(a + "block_count", "is " + std::to_string(s.n_layer) + " (libllama supports 1.." +
                                           std::to_string(kMaxLayers) + " layers)");
  }
  for (const char* k : {"nextn_predict_layers", "expert_count", "expert_used_count", "expert_group_count",
                        "expert_group_used_count"}) {
    if (Status st = absent_or_zero(meta, a + k, s.n_layer); !st) return st.error();
  }

  // Per-layer keys: a scalar, or an array with one value per layer.
  auto ff = meta.u32_or_array(a + "feed_forward_length", s.n_layer, true);
  if (!ff) return ff.error();
  auto n_ff = uniform(meta, a + "feed_forward_length", **ff);
  if (!n_ff) return n_ff.error();
  s.n_ff = *n_ff;
  if (Status st = positive(meta, a + "feed_forward_length", s.n_ff); !st) return st.error();

  auto heads = meta.u32_or_array(a + "attention.head_count", s.n_layer, true);
  if (!heads) return heads.error();
  auto n_head = uniform(meta, a + "attention.head_count", **heads);
  if (!n_head) return n_head.error();
  s.n_head = *n_head;
  if (Status st = positive(meta, a + "attention.head_count", s.n_head); !st) return st.error();

  auto kv = meta.u32_or_array(a + "attention.head_count_kv", s.n_layer);
  if (!kv) return kv.error();
  s.n_head_kv = s.n_head;
  if (*kv) {
    auto n_head_kv = uniform(meta, a + "attention.head_count_kv", **kv);
    if (!n_head_kv) return n_head_kv.error();
    s.n_head_kv = *n_head_kv;
  }
  if (Status st = positive(meta, a + "attention.head_count_kv", s.n_head_kv); !st) return st.error();
  if (s.n_head % s.n_head_kv != 0) {
    return meta.bad(a + "attention.head_count_kv", "is " + std::to_string(s.n_head_kv) +
                                                       ", which does not divide the head count " +
                                                       std::to_string(s.n_head));
  }

  // Head sizes: key = value = rope dimension, even (rope rotates pairs).
  const bool has_key_length = meta.has(a + "attention.key_length");
  if (!has_key_length && s.n_embd % s.n_head != 0) {
    return meta.bad(a + "embedding_length", "is " + std::to_string(s.n_embd) + ", not a multiple of the head count " +
                                                std::to_string(s.n_head));
  }
  const std::uint32_t default_head = s.n_embd / s.n_head;
  std::uint32_t dims[3] = {default_head, default_head, 0};
  const std::string dim_keys[3] = {a + "attention.key_length", a + "attention.value_length", a + "rope.dimension_count"};
  for (int i = 0; i < 3; ++i) {
    auto v = meta.u32(dim_keys[i]);
    if (!v) return v.error();
    if (i == 2) dims[2] = dims[0];
    if (*v) dims[i] = **v;
  }
  s.head_dim = dims[0];
  if (s.head_dim < 2 || s.head_dim % 2 != 0) {
    return meta.bad(has_key_length ? dim_keys[0] : a + "attention.head_count",
                    "gives a head size of " + std::to_string(s.head_dim) + " (must be even and at least 2)");
  }
  for (int i = 1; i < 3; ++i) {
    if (dims[i] != s.head_dim) {
      return meta.bad(dim_keys[i], "is " + std::to_string(dims[i]) + ", not the head size " +
                                       std::to_string(s.head_dim));
    }
  }
  if (arch == "qwen2" && static_cast<std::uint64_t>(s.head_dim) * s.n_head != s.n_embd) {
    return meta.bad(dim_keys[0], "is " + std::to_string(s.head_dim) + "; qwen2 needs head size x head count = " +
                                     "embedding length (" + std::to_string(s.n_embd) + ")");
  }

  auto rope_type = meta.str(a + "rope.scaling.type");
  if (!rope_type) return rope_type.error();
  if (*rope_type) {
    static const char* kTypes[] = {"none", "linear", "yarn", "longrope"};
    if (std::find(std::begin(kTypes), std::end(kTypes), **rope_type) == std::end(kTypes)) {
      return meta.bad(a + "rope.scaling.type", "is '" + **rope_type + "' (known: none, linear, yarn, longrope)");
    }
    s.longrope = **rope_type == "longrope" && arch == "llama";
  }
  for (const char* k : {"rope.scaling.factor", "rope.scale_linear", "rope.scaling.attn_factor", "rope.scaling.alpha"}) {
    if (Status st = finite_at_least(meta, a + k, 0.0f); !st) return st.error();
  }
  auto base = meta.f32(a + "rope.freq_base");
  if (!base) return base.error();
  if (*base && !(std::isfinite(**base) && **base > 0.0f)) {
    return meta.bad(a + "rope.freq_base", "is " + std::to_string(**base) + " (must be a finite number > 0)");
  }
  auto eps = meta.f32(a + "attention.layer_norm_rms_epsilon", true);
  if (!eps) return eps.error();
  if (!(std::isfinite(**eps) && **eps >= 0.0f && **eps < 1.0f)) {
    return meta.bad(a + "attention.layer_norm_rms_epsilon", "is " + std::to_string(**eps) + " (must be in [0, 1))");
  }
  return s;
}

}  // namespace codeloom::llm::detail
