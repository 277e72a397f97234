#include "support/tiny_model.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <sstream>
#include <system_error>

#include "ggml.h"
#include "gguf.h"

#ifndef CODELOOM_BINARY_DIR
#define CODELOOM_BINARY_DIR "."
#endif
#ifndef CODELOOM_LLAMA_BIN_DIR
#define CODELOOM_LLAMA_BIN_DIR ""
#endif
#ifndef CODELOOM_LLAMA_VOCAB_DIR
#define CODELOOM_LLAMA_VOCAB_DIR ""
#endif

namespace codeloom::testing {
namespace {

namespace fs = std::filesystem;

// Bump when the written file changes for the same options (invalidates caches).
constexpr int kGeneratorVersion = 2;
constexpr int kTokenTypeControl = 3;      // LLAMA_TOKEN_TYPE_CONTROL in llama.h
constexpr int kTokenTypeUserDefined = 4;  // LLAMA_TOKEN_TYPE_USER_DEFINED

struct GgufDeleter {
  void operator()(gguf_context* c) const { gguf_free(c); }
};
using GgufPtr = std::unique_ptr<gguf_context, GgufDeleter>;
struct GgmlDeleter {
  void operator()(ggml_context* c) const { ggml_free(c); }
};
using GgmlPtr = std::unique_ptr<ggml_context, GgmlDeleter>;
struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// splitmix64: tiny, fast, and identical on every platform (unlike
// std::normal_distribution), so a seed means the same weights everywhere.
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * (1.0 / 9007199254740992.0); }
  // Box-Muller: two normals per pair of uniforms.
  void normals(float* out, std::size_t n, float stddev) {
    for (std::size_t i = 0; i < n; i += 2) {
      const double r = std::sqrt(-2.0 * std::log(uniform()));
      const double t = 6.283185307179586 * uniform();
      out[i] = static_cast<float>(r * std::cos(t)) * stddev;
      if (i + 1 < n) out[i + 1] = static_cast<float>(r * std::sin(t)) * stddev;
    }
  }
};

Status check_options(const TinyModelOptions& o) {
  auto bad = [](std::string m) { return Status(make_error(ErrorCode::kInvalidArgument, std::move(m))); };
  if (o.vocab.empty()) return bad("tiny model: vocab name is empty");
  if (o.n_embd <= 0 || o.n_layer <= 0 || o.n_head <= 0 || o.n_head_kv <= 0 || o.n_ff <= 0 ||
      o.n_ctx_train <= 0) {
    return bad("tiny model: every dimension must be positive");
  }
  if (o.n_embd % o.n_head != 0 || (o.n_embd / o.n_head) % 2 != 0) {
    return bad("tiny model: n_embd (" + std::to_string(o.n_embd) + ") must be n_head (" +
               std::to_string(o.n_head) + ") times an even head size");
  }
  if (o.n_head % o.n_head_kv != 0) return bad("tiny model: n_head must be a multiple of n_head_kv");
  if (o.arch != "llama" && o.arch != "qwen2") return bad("tiny model: arch must be llama or qwen2, not '" + o.arch + "'");
  if (o.type != "f32" && o.type != "f16") return bad("tiny model: type must be f32 or f16, not '" + o.type + "'");
  for (const auto& t : o.extra_special_tokens) {
    if (t.empty()) return bad("tiny model: an extra special token is empty");
  }
  return Status::Ok();
}

// Qwen2.5(-Coder)'s added tokens at their real ids. llama.cpp's qwen2 vocab
// is Qwen1.5's: the same BPE merges, but these slots are "[PAD<id>]"
// placeholders. Filling them makes the file tokenize exactly like
// Qwen2.5-Coder, FIM tokens included.
constexpr std::pair<int, const char*> kQwen25Added[] = {
    {151646, "<|object_ref_start|>"}, {151647, "<|object_ref_end|>"}, {151648, "<|box_start|>"},
    {151649, "<|box_end|>"},          {151650, "<|quad_start|>"},     {151651, "<|quad_end|>"},
    {151652, "<|vision_start|>"},     {151653, "<|vision_end|>"},     {151654, "<|vision_pad|>"},
    {151655, "<|image_pad|>"},        {151656, "<|video_pad|>"},      {151657, "<tool_call>"},
    {151658, "</tool_call>"},         {151659, "<|fim_prefix|>"},     {151660, "<|fim_middle|>"},
    {151661, "<|fim_suffix|>"},       {151662, "<|fim_pad|>"},        {151663, "<|repo_name|>"},
    {151664, "<|file_sep|>"}};

bool is_placeholder(const std::string& t, std::size_t id) { return t == "[PAD" + std::to_string(id) + "]"; }

// Copies the tokenizer.* keys of `vocab` into `out`, adds the extra special
// tokens (into "[PAD<id>]" placeholder slots first, then appended), and
// returns the final vocabulary size.
Result<std::uint32_t> copy_tokenizer(gguf_context* out, const gguf_context* vocab, const std::string& vocab_name,
                                     const std::vector<std::string>& extra) {
  gguf_set_kv(out, vocab);
  std::vector<std::string> drop;
  for (int64_t i = 0; i < gguf_get_n_kv(out); ++i) {
    const std::string key = gguf_get_key(out, i);
    if (key.rfind("tokenizer.", 0) != 0) drop.push_back(key);
  }
  for (const auto& k : drop) gguf_remove_key(out, k.c_str());

  const int64_t tok_id = gguf_find_key(out, "tokenizer.ggml.tokens");
  if (tok_id < 0 || gguf_get_kv_type(out, tok_id) != GGUF_TYPE_ARRAY ||
      gguf_get_arr_type(out, tok_id) != GGUF_TYPE_STRING) {
    return make_error(ErrorCode::kCorrupt, "vocab file has no tokenizer.ggml.tokens string array");
  }
  std::vector<std::string> tokens(gguf_get_arr_n(out, tok_id));
  for (std::size_t i = 0; i < tokens.size(); ++i) tokens[i] = gguf_get_arr_str(out, tok_id, i);
  std::vector<int32_t> types(tokens.size(), 1);  // 1 = NORMAL
  const int64_t type_id = gguf_find_key(out, "tokenizer.ggml.token_type");
  if (type_id >= 0 && gguf_get_arr_type(out, type_id) == GGUF_TYPE_INT32) {
    const auto* src = static_cast<const int32_t*>(gguf_get_arr_data(out, type_id));
    std::copy_n(src, std::min(types.size(), gguf_get_arr_n(out, type_id)), types.begin());
  }
  std::vector<float> scores;
  const int64_t score_id = gguf_find_key(out, "tokenizer.ggml.scores");
  if (score_id >= 0 && gguf_get_arr_type(out, score_id) == GGUF_TYPE_FLOAT32) {
    const auto* src = static_cast<const float*>(gguf_get_arr_data(out, score_id));
    scores.assign(src, src + gguf_get_arr_n(out, score_id));
  }

  bool changed = false;
  if (vocab_name == "ggml-vocab-qwen2") {
    for (const auto& [id, text] : kQwen25Added) {
      const auto i = static_cast<std::size_t>(id);
      if (i < tokens.size() && is_placeholder(tokens[i], i)) {
        tokens[i] = text;
        // <tool_call> is an ordinary added token in Qwen2.5, the rest are special.
        types[i] = text[0] == '<' && text[1] == '|' ? kTokenTypeControl : kTokenTypeUserDefined;
        changed = true;
      }
    }
  }
  std::size_t next_slot = 0;
  for (const auto& t : extra) {
    if (auto it = std::find(tokens.begin(), tokens.end(), t); it != tokens.end()) {
      types[static_cast<std::size_t>(it - tokens.begin())] = kTokenTypeControl;
      changed = true;
      continue;
    }
    while (next_slot < tokens.size() && !is_placeholder(tokens[next_slot], next_slot)) ++next_slot;
    if (next_slot < tokens.size()) {
      tokens[next_slot] = t;
      types[next_slot] = kTokenTypeControl;
    } else {
      tokens.push_back(t);
      types.push_back(kTokenTypeControl);
    }
    changed = true;
  }
  if (changed) {
    std::vector<const char*> ptrs;
    for (const auto& t : tokens) ptrs.push_back(t.c_str());
    gguf_set_arr_str(out, "tokenizer.ggml.tokens", ptrs.data(), ptrs.size());
    gguf_set_arr_data(out, "tokenizer.ggml.token_type", GGUF_TYPE_INT32, types.data(), types.size());
    if (!scores.empty()) {
      scores.resize(tokens.size(), 0.0f);
      gguf_set_arr_data(out, "tokenizer.ggml.scores", GGUF_TYPE_FLOAT32, scores.data(), scores.size());
    }
  }
  return static_cast<std::uint32_t>(tokens.size());
}

void set_hparams(gguf_context* out, const TinyModelOptions& o, std::uint32_t n_vocab) {
  gguf_set_val_str(out, "general.architecture", o.arch.c_str());
  gguf_set_val_str(out, "general.name", ("codeloom-tiny-" + fs::path(o.vocab).stem().string()).c_str());
  gguf_set_val_u32(out, "general.file_type", o.type == "f16" ? 1u : 0u);  // LLAMA_FTYPE_MOSTLY_F16 / ALL_F32
  gguf_set_val_u32(out, (o.arch + ".context_length").c_str(), static_cast<std::uint32_t>(o.n_ctx_train));
  gguf_set_val_u32(out, (o.arch + ".embedding_length").c_str(), static_cast<std::uint32_t>(o.n_embd));
  gguf_set_val_u32(out, (o.arch + ".block_count").c_str(), static_cast<std::uint32_t>(o.n_layer));
  gguf_set_val_u32(out, (o.arch + ".feed_forward_length").c_str(), static_cast<std::uint32_t>(o.n_ff));
  gguf_set_val_u32(out, (o.arch + ".attention.head_count").c_str(), static_cast<std::uint32_t>(o.n_head));
  gguf_set_val_u32(out, (o.arch + ".attention.head_count_kv").c_str(), static_cast<std::uint32_t>(o.n_head_kv));
  gguf_set_val_u32(out, (o.arch + ".rope.dimension_count").c_str(), static_cast<std::uint32_t>(o.n_embd / o.n_head));
  gguf_set_val_f32(out, (o.arch + ".rope.freq_base").c_str(), 10000.0f);
  gguf_set_val_f32(out, (o.arch + ".attention.layer_norm_rms_epsilon").c_str(), 1e-5f);
  gguf_set_val_u32(out, (o.arch + ".vocab_size").c_str(), n_vocab);
}

struct TensorSpec {
  std::string name;
  int64_t ne0, ne1;  // ne1 == 0: a 1-D norm weight (all ones, f32)
};

std::vector<TensorSpec> tensor_specs(const TinyModelOptions& o, int64_t n_vocab) {
  const int64_t hd = o.n_embd / o.n_head;
  std::vector<TensorSpec> s = {{"token_embd.weight", o.n_embd, n_vocab}, {"output_norm.weight", o.n_embd, 0}};
  if (!o.tied_output) s.push_back({"output.weight", o.n_embd, n_vocab});
  for (int i = 0; i < o.n_layer; ++i) {
    const std::string b = "blk." + std::to_string(i) + ".";
    s.push_back({b + "attn_norm.weight", o.n_embd, 0});
    s.push_back({b + "attn_q.weight", o.n_embd, hd * o.n_head});
    s.push_back({b + "attn_k.weight", o.n_embd, hd * o.n_head_kv});
    s.push_back({b + "attn_v.weight", o.n_embd, hd * o.n_head_kv});
    s.push_back({b + "attn_output.weight", hd * o.n_head, o.n_embd});
    s.push_back({b + "ffn_norm.weight", o.n_embd, 0});
    s.push_back({b + "ffn_gate.weight", o.n_embd, o.n_ff});
    s.push_back({b + "ffn_down.weight", o.n_ff, o.n_embd});
    s.push_back({b + "ffn_up.weight", o.n_embd, o.n_ff});
  }
  return s;
}

// Streams one tensor's data in chunks (bounded memory even for 0.5B-sized models).
bool write_tensor_data(std::FILE* f, const TensorSpec& t, ggml_type type, std::uint64_t seed, std::size_t alignment) {
  const bool norm = t.ne1 == 0;
  const std::size_t n = static_cast<std::size_t>(t.ne0) * static_cast<std::size_t>(norm ? 1 : t.ne1);
  Rng rng{seed ^ fnv1a(t.name)};
  constexpr std::size_t kChunk = 1 << 20;
  std::vector<float> buf(std::min(n, kChunk));
  std::vector<ggml_fp16_t> half(type == GGML_TYPE_F16 ? buf.size() : 0);
  std::size_t bytes = 0;
  for (std::size_t done = 0; done < n;) {
    const std::size_t m = std::min(kChunk, n - done);
    if (norm) {
      std::fill(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(m), 1.0f);
    } else {
      rng.normals(buf.data(), m, 0.02f);
    }
    std::size_t w;
    if (type == GGML_TYPE_F16) {
      ggml_fp32_to_fp16_row(buf.data(), half.data(), static_cast<int64_t>(m));
      w = std::fwrite(half.data(), sizeof(ggml_fp16_t), m, f) * sizeof(ggml_fp16_t);
    } else {
      w = std::fwrite(buf.data(), sizeof(float), m, f) * sizeof(float);
    }
    if (w != m * (type == GGML_TYPE_F16 ? 2 : 4)) return false;
    bytes += w;
    done += m;
  }
  static const char kZeros[64] = {};
  const std::size_t pad = (alignment - bytes % alignment) % alignment;
  return std::fwrite(kZeros, 1, pad, f) == pad;
}

std::string cache_dir() {
  if (const char* env = std::getenv("CODELOOM_TEST_MODEL_DIR"); env && *env) return env;
  return std::string(CODELOOM_BINARY_DIR) + "/test-models";
}

std::string options_key(const TinyModelOptions& o, const std::string& vocab_path) {
  std::ostringstream k;
  k << "v" << kGeneratorVersion << '|' << vocab_path << '|';
  std::error_code ec;
  k << fs::file_size(vocab_path, ec) << '|' << o.n_embd << '|' << o.n_layer << '|' << o.n_head << '|'
    << o.n_head_kv << '|' << o.n_ff << '|' << o.n_ctx_train << '|' << o.seed << '|' << o.type << '|'
    << o.vocab_only << '|' << o.tied_output;
  if (o.arch != "llama") k << "|arch=" << o.arch;
  if (o.header_only) k << "|header-only";  // (llama files keep their old cache keys)
  for (const auto& t : o.extra_special_tokens) k << '\x1f' << t;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(k.str())));
  return hex;
}

}  // namespace

std::string llama_vocab_path(const std::string& name) {
  if (name.find('/') != std::string::npos || name.ends_with(".gguf")) return name;
  return std::string(CODELOOM_LLAMA_VOCAB_DIR) + "/ggml-vocab-" + name + ".gguf";
}

std::string llama_tool_path(const std::string& name) {
  return std::string(CODELOOM_LLAMA_BIN_DIR) + "/" + name;
}

std::string make_temp_dir(const std::string& prefix) {
  std::string tmpl = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (::mkdtemp(tmpl.data()) == nullptr) return {};
  return tmpl;
}

Status write_tiny_model(const TinyModelOptions& o, const std::string& path) {
  if (Status s = check_options(o); !s) return s;
  const std::string vocab_path = llama_vocab_path(o.vocab);
  std::error_code ec;
  if (!fs::is_regular_file(vocab_path, ec)) {
    return make_error(ErrorCode::kNotFound, "tiny model: vocabulary file " + vocab_path +
                                                " not found (is llama.cpp installed? run scripts/setup)");
  }
  GgufPtr vocab(gguf_init_from_file(vocab_path.c_str(), {/*no_alloc=*/true, /*ctx=*/nullptr}));
  if (!vocab) return make_error(ErrorCode::kCorrupt, "tiny model: cannot read GGUF vocabulary " + vocab_path);

  GgufPtr out(gguf_init_empty());
  auto n_vocab = copy_tokenizer(out.get(), vocab.get(), fs::path(vocab_path).stem().string(), o.extra_special_tokens);
  if (!n_vocab) return make_error(n_vocab.error().code, n_vocab.error().message + ": " + vocab_path);
  set_hparams(out.get(), o, *n_vocab);

  const ggml_type wtype = o.type == "f16" ? GGML_TYPE_F16 : GGML_TYPE_F32;
  const auto specs = o.vocab_only ? std::vector<TensorSpec>{} : tensor_specs(o, *n_vocab);
  // Metadata-only ggml context: tensors carry shapes for gguf_add_tensor, data is streamed.
  GgmlPtr meta(ggml_init({ggml_tensor_overhead() * (specs.size() + 1), nullptr, /*no_alloc=*/true}));
  if (!meta) return make_error(ErrorCode::kInternal, "tiny model: ggml_init failed");
  std::vector<ggml_type> types;
  for (const auto& t : specs) {
    const ggml_type ty = t.ne1 == 0 ? GGML_TYPE_F32 : wtype;
    ggml_tensor* x = t.ne1 == 0 ? ggml_new_tensor_1d(meta.get(), ty, t.ne0)
                                : ggml_new_tensor_2d(meta.get(), ty, t.ne0, t.ne1);
    ggml_set_name(x, t.name.c_str());
    gguf_add_tensor(out.get(), x);
    types.push_back(ty);
  }

  FilePtr f(std::fopen(path.c_str(), "wb"));
  if (!f) return make_error(ErrorCode::kIo, "tiny model: cannot write " + path + ": " + std::strerror(errno));
  bool ok = gguf_write_to_file_ptr(out.get(), f.get(), /*only_meta=*/true);
  const std::size_t alignment = gguf_get_alignment(out.get());
  for (std::size_t i = 0; ok && !o.header_only && i < specs.size(); ++i) {
    ok = write_tensor_data(f.get(), specs[i], types[i], o.seed, alignment);
  }
  ok = std::fflush(f.get()) == 0 && ok;
  if (!ok) return make_error(ErrorCode::kIo, "tiny model: write to " + path + " failed (disk full?)");
  return Status::Ok();
}

Result<std::string> tiny_model_path(const TinyModelOptions& o) {
  if (Status s = check_options(o); !s) return s.error();
  const std::string vocab_path = llama_vocab_path(o.vocab);
  const std::string dir = cache_dir();
  const std::string final_path =
      dir + "/tiny-" + fs::path(vocab_path).stem().string() + "-" + options_key(o, vocab_path) + ".gguf";
  std::error_code ec;
  if (fs::is_regular_file(final_path, ec)) return final_path;

  // In-process: one writer at a time (saves duplicate work). Across processes:
  // unique temp names + atomic rename; the last rename wins with identical bytes.
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  if (fs::is_regular_file(final_path, ec)) return final_path;
  fs::create_directories(dir, ec);
  if (ec) return make_error(ErrorCode::kIo, "tiny model: cannot create " + dir + ": " + ec.message());
  static std::atomic<int> counter{0};
  const std::string tmp = final_path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  if (Status s = write_tiny_model(o, tmp); !s) {
    fs::remove(tmp, ec);
    return s.error();
  }
  fs::rename(tmp, final_path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return make_error(ErrorCode::kIo, "tiny model: cannot rename into " + final_path + ": " + ec.message());
  }
  return final_path;
}

}  // namespace codeloom::testing
