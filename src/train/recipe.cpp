// Strict TOML recipe reader: every key is declared once in a table below
// (name, type, destination), so unknown keys and wrong types are caught with
// the exact dotted key in the message.
#include "codeloom/train/recipe.h"

#include <toml.hpp>

#include <fstream>
#include <sstream>
#include <variant>
#include <vector>

namespace codeloom::train {
namespace {

using Dest = std::variant<std::int64_t*, double*, bool*, std::string*>;
struct Key {
  const char* name;
  Dest dest;
};
struct Section {
  const char* name;
  std::vector<Key> keys;
};

std::vector<Section> sections(Recipe& r) {
  ModelConfig& m = r.model;
  DataConfig& d = r.data;
  TrainConfig& t = r.train;
  return {
      {"recipe", {{"name", &r.name}}},
      {"model",
       {{"dim", &m.dim}, {"n_layers", &m.n_layers}, {"n_heads", &m.n_heads},
        {"n_kv_heads", &m.n_kv_heads}, {"ffn_dim", &m.ffn_dim}, {"vocab_size", &m.vocab_size},
        {"context", &m.context}, {"rope_theta", &m.rope_theta}, {"norm_eps", &m.norm_eps},
        {"tied_embeddings", &m.tied_embeddings}}},
      {"data",
       {{"corpus", &d.corpus}, {"tokenizer", &d.tokenizer}, {"seq_len", &d.seq_len},
        {"fim_rate", &d.fim_rate}, {"spm_rate", &d.spm_rate}, {"max_documents", &d.max_documents},
        {"max_document_bytes", &d.max_document_bytes}, {"val_sequences", &d.val_sequences}}},
      {"train",
       {{"steps", &t.steps}, {"batch_size", &t.batch_size}, {"grad_accum", &t.grad_accum},
        {"lr", &t.lr}, {"min_lr", &t.min_lr}, {"warmup_steps", &t.warmup_steps},
        {"weight_decay", &t.weight_decay}, {"beta1", &t.beta1}, {"beta2", &t.beta2},
        {"eps", &t.eps}, {"grad_clip", &t.grad_clip}, {"eval_every", &t.eval_every},
        {"eval_batches", &t.eval_batches}, {"checkpoint_every", &t.checkpoint_every},
        {"log_every", &t.log_every}, {"seed", &t.seed}, {"threads", &t.threads},
        {"precision", &t.precision}}},
      {"init", {{"item2vec", &r.init.item2vec}}},
  };
}

Error bad(const std::string& origin, const std::string& msg) {
  return make_error(ErrorCode::kInvalidArgument, origin + ": " + msg);
}

// Reads one value into its destination; an integer is accepted for a float key.
Status assign(const toml::value& v, const Dest& dest, const std::string& key, const std::string& origin) {
  return std::visit(
      [&](auto* p) -> Status {
        using T = std::remove_pointer_t<decltype(p)>;
        if constexpr (std::is_same_v<T, std::int64_t>) {
          if (!v.is_integer()) return bad(origin, key + " must be an integer");
          *p = v.as_integer();
        } else if constexpr (std::is_same_v<T, double>) {
          if (v.is_integer()) *p = static_cast<double>(v.as_integer());
          else if (v.is_floating()) *p = v.as_floating();
          else return bad(origin, key + " must be a number");
        } else if constexpr (std::is_same_v<T, bool>) {
          if (!v.is_boolean()) return bad(origin, key + " must be true or false");
          *p = v.as_boolean();
        } else {
          if (!v.is_string()) return bad(origin, key + " must be a string");
          *p = v.as_string().str;
        }
        return Status::Ok();
      },
      dest);
}

std::string num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

}  // namespace

Status validate_recipe(const Recipe& r, const std::string& origin) {
  const ModelConfig& m = r.model;
  const DataConfig& d = r.data;
  const TrainConfig& t = r.train;
  auto positive = [&](const char* key, std::int64_t v) -> Status {
    if (v <= 0) return bad(origin, std::string(key) + " must be > 0 (got " + std::to_string(v) + ")");
    return Status::Ok();
  };
  for (auto [k, v] : {std::pair{"model.dim", m.dim}, {"model.n_layers", m.n_layers},
                      {"model.n_heads", m.n_heads}, {"model.context", m.context},
                      {"data.seq_len", d.seq_len}, {"train.steps", t.steps},
                      {"train.batch_size", t.batch_size}, {"train.grad_accum", t.grad_accum},
                      {"train.eval_every", t.eval_every}, {"train.eval_batches", t.eval_batches},
                      {"train.log_every", t.log_every}, {"train.threads", t.threads}}) {
    if (Status s = positive(k, v); !s) return s;
  }
  for (auto [k, v] : {std::pair{"model.n_kv_heads", m.n_kv_heads}, {"model.ffn_dim", m.ffn_dim},
                      {"model.vocab_size", m.vocab_size}, {"data.max_documents", d.max_documents},
                      {"data.max_document_bytes", d.max_document_bytes}, {"data.val_sequences", d.val_sequences}, {"train.warmup_steps", t.warmup_steps},
                      {"train.checkpoint_every", t.checkpoint_every}, {"train.seed", t.seed}}) {
    if (v < 0) return bad(origin, std::string(k) + " must be >= 0 (got " + std::to_string(v) + ")");
  }
  if (m.dim % m.n_heads != 0)
    return bad(origin, "model.dim (" + std::to_string(m.dim) + ") must be divisible by model.n_heads (" +
                           std::to_string(m.n_heads) + ")");
  if (m.head_dim() % 2 != 0)
    return bad(origin, "model.dim / model.n_heads = " + std::to_string(m.head_dim()) +
                           " is odd; RoPE rotates pairs, so the head dimension must be even");
  if (m.n_kv_heads != 0 && m.n_heads % m.n_kv_heads != 0)
    return bad(origin, "model.n_kv_heads (" + std::to_string(m.n_kv_heads) + ") must divide model.n_heads (" +
                           std::to_string(m.n_heads) + ")");
  if (m.vocab_size != 0 && m.vocab_size < 8)
    return bad(origin, "model.vocab_size (" + std::to_string(m.vocab_size) + ") is too small (>= 8)");
  if (d.seq_len > m.context)
    return bad(origin, "data.seq_len (" + std::to_string(d.seq_len) + ") exceeds model.context (" +
                           std::to_string(m.context) + ")");
  if (!(m.rope_theta > 0)) return bad(origin, "model.rope_theta must be > 0 (got " + num(m.rope_theta) + ")");
  if (!(m.norm_eps > 0)) return bad(origin, "model.norm_eps must be > 0 (got " + num(m.norm_eps) + ")");
  for (auto [k, v] : {std::pair{"data.fim_rate", d.fim_rate}, {"data.spm_rate", d.spm_rate},
                      {"train.beta1", t.beta1}, {"train.beta2", t.beta2}}) {
    if (!(v >= 0 && v <= 1)) return bad(origin, std::string(k) + " must be in [0, 1] (got " + num(v) + ")");
  }
  if (!(t.lr > 0)) return bad(origin, "train.lr must be > 0 (got " + num(t.lr) + ")");
  if (!(t.min_lr >= 0 && t.min_lr <= t.lr))
    return bad(origin, "train.min_lr (" + num(t.min_lr) + ") must be in [0, train.lr]");
  if (!(t.weight_decay >= 0)) return bad(origin, "train.weight_decay must be >= 0");
  if (!(t.eps > 0)) return bad(origin, "train.eps must be > 0");
  if (!(t.grad_clip >= 0)) return bad(origin, "train.grad_clip must be >= 0 (0 = off)");
  if (t.precision != "f32" && t.precision != "bf16")
    return bad(origin, "train.precision must be \"f32\" or \"bf16\" (got \"" + t.precision + "\")");
  return Status::Ok();
}

Result<Recipe> parse_recipe(const std::string& toml_text, const std::string& origin) {
  toml::value root;
  try {
    std::istringstream in(toml_text);
    root = toml::parse(in, origin);
  } catch (const std::exception& e) {
    return bad(origin, std::string("not valid TOML: ") + e.what());
  }
  Recipe r;
  r.source = toml_text;
  std::vector<Section> secs = sections(r);
  for (const auto& [sec_name, sec_value] : root.as_table()) {
    const Section* sec = nullptr;
    for (const Section& s : secs)
      if (sec_name == s.name) sec = &s;
    if (sec == nullptr)
      return bad(origin, "unknown section or key '" + sec_name + "' (sections: recipe, model, data, train, init)");
    if (!sec_value.is_table()) return bad(origin, "'" + sec_name + "' must be a table ([" + sec_name + "])");
    for (const auto& [key, value] : sec_value.as_table()) {
      const std::string dotted = sec_name + "." + key;
      const Key* k = nullptr;
      for (const Key& kk : sec->keys)
        if (key == kk.name) k = &kk;
      if (k == nullptr) {
        std::string known;
        for (const Key& kk : sec->keys) known += (known.empty() ? "" : ", ") + std::string(kk.name);
        return bad(origin, "unknown key '" + dotted + "' (known in [" + sec_name + "]: " + known + ")");
      }
      if (Status s = assign(value, k->dest, dotted, origin); !s) return s.error();
    }
  }
  if (Status s = validate_recipe(r, origin); !s) return s.error();
  return r;
}

Result<Recipe> load_recipe(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kNotFound, "recipe '" + path + "' cannot be opened");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_recipe(ss.str(), path);
}

std::int64_t parameter_count(const ModelConfig& m) {
  const std::int64_t hd = m.head_dim();
  const std::int64_t attn = m.dim * (m.n_heads * hd) * 2 + m.dim * (m.kv_heads() * hd) * 2;
  const std::int64_t ffn = 3 * m.dim * m.hidden_dim();
  const std::int64_t per_layer = attn + ffn + 2 * m.dim;
  const std::int64_t embd = m.vocab_size * m.dim;
  return embd * (m.tied_embeddings ? 1 : 2) + m.n_layers * per_layer + m.dim;
}

}  // namespace codeloom::train
