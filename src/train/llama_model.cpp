#include "llama_model.h"

#include <cmath>

namespace codeloom::train {
namespace {

torch::Tensor rms_norm(const torch::Tensor& x, const torch::Tensor& w, double eps) {
  // Computed in float32 even under bf16 autocast, as llama.cpp does.
  torch::Tensor xf = x.to(torch::kFloat32);
  return xf * torch::rsqrt(xf.pow(2).mean(-1, /*keepdim=*/true) + eps) * w;
}

// x: [B, H, T, hd] → rotated pairs (2i, 2i+1) by pos·theta^(-2i/hd).
torch::Tensor rope(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
  auto sizes = x.sizes().vec();
  torch::Tensor p = x.reshape({sizes[0], sizes[1], sizes[2], sizes[3] / 2, 2});
  torch::Tensor x0 = p.select(-1, 0), x1 = p.select(-1, 1);
  torch::Tensor r0 = x0 * cos - x1 * sin;
  torch::Tensor r1 = x0 * sin + x1 * cos;
  return torch::stack({r0, r1}, -1).reshape(sizes);
}

torch::Tensor param(std::vector<std::int64_t> shape, double stddev) {
  torch::Tensor t = stddev > 0 ? torch::randn(shape) * stddev : torch::ones(shape);
  return t.set_requires_grad(true);
}

}  // namespace

LlamaModel::LlamaModel(const ModelConfig& cfg, std::uint64_t seed) : cfg_(cfg) {
  torch::manual_seed(seed);
  const std::int64_t hd = cfg.head_dim(), dim = cfg.dim, hidden = cfg.hidden_dim();
  const double std0 = kInitStd, std_out = kInitStd / std::sqrt(2.0 * static_cast<double>(cfg.n_layers));
  tok_embd_ = param({cfg.vocab_size, dim}, std0);
  params_.emplace_back("token_embd.weight", tok_embd_);
  for (std::int64_t i = 0; i < cfg.n_layers; ++i) {
    LlamaLayer l;
    l.attn_norm = param({dim}, 0);
    l.wq = param({cfg.n_heads * hd, dim}, std0);
    l.wk = param({cfg.kv_heads() * hd, dim}, std0);
    l.wv = param({cfg.kv_heads() * hd, dim}, std0);
    l.wo = param({dim, cfg.n_heads * hd}, std_out);
    l.ffn_norm = param({dim}, 0);
    l.w_gate = param({hidden, dim}, std0);
    l.w_up = param({hidden, dim}, std0);
    l.w_down = param({dim, hidden}, std_out);
    const std::string b = "blk." + std::to_string(i) + ".";
    params_.emplace_back(b + "attn_norm.weight", l.attn_norm);
    params_.emplace_back(b + "attn_q.weight", l.wq);
    params_.emplace_back(b + "attn_k.weight", l.wk);
    params_.emplace_back(b + "attn_v.weight", l.wv);
    params_.emplace_back(b + "attn_output.weight", l.wo);
    params_.emplace_back(b + "ffn_norm.weight", l.ffn_norm);
    params_.emplace_back(b + "ffn_gate.weight", l.w_gate);
    params_.emplace_back(b + "ffn_up.weight", l.w_up);
    params_.emplace_back(b + "ffn_down.weight", l.w_down);
    layers_.push_back(l);
  }
  output_norm_ = param({dim}, 0);
  params_.emplace_back("output_norm.weight", output_norm_);
  if (!cfg.tied_embeddings) {
    output_ = param({cfg.vocab_size, dim}, std0);
    params_.emplace_back("output.weight", output_);
  }
  // RoPE tables in double, rounded once to float (llama.cpp computes theta in float).
  torch::Tensor inv = torch::pow(cfg.rope_theta, -torch::arange(0, hd, 2, torch::kFloat64) / static_cast<double>(hd));
  torch::Tensor ang = torch::outer(torch::arange(cfg.context, torch::kFloat64), inv);
  rope_cos_ = ang.cos().to(torch::kFloat32);
  rope_sin_ = ang.sin().to(torch::kFloat32);
}

torch::Tensor LlamaModel::attention(const LlamaLayer& l, const torch::Tensor& x, std::int64_t T) const {
  const std::int64_t B = x.size(0), H = cfg_.n_heads, KV = cfg_.kv_heads(), hd = cfg_.head_dim();
  torch::Tensor q = torch::matmul(x, l.wq.t()).view({B, T, H, hd}).transpose(1, 2);
  torch::Tensor k = torch::matmul(x, l.wk.t()).view({B, T, KV, hd}).transpose(1, 2);
  torch::Tensor v = torch::matmul(x, l.wv.t()).view({B, T, KV, hd}).transpose(1, 2);
  torch::Tensor cos = rope_cos_.slice(0, 0, T), sin = rope_sin_.slice(0, 0, T);
  q = rope(q, cos, sin);
  k = rope(k, cos, sin);
  if (KV != H) {  // grouped-query attention: query head h reads kv head h / (H / KV), as llama.cpp
    k = k.repeat_interleave(H / KV, 1);
    v = v.repeat_interleave(H / KV, 1);
  }
  torch::Tensor scores = torch::matmul(q, k.transpose(-2, -1)) / std::sqrt(static_cast<double>(hd));
  torch::Tensor mask = torch::ones({T, T}, torch::kBool).triu(1);
  scores = scores.masked_fill(mask, -std::numeric_limits<float>::infinity());
  torch::Tensor att = torch::softmax(scores.to(torch::kFloat32), -1).to(v.scalar_type());
  torch::Tensor out = torch::matmul(att, v).transpose(1, 2).reshape({B, T, H * hd});
  return torch::matmul(out, l.wo.t());
}

torch::Tensor LlamaModel::forward(const torch::Tensor& tokens) const {
  const std::int64_t T = tokens.size(1);
  TORCH_CHECK(T <= cfg_.context, "sequence longer than model.context");
  torch::Tensor h = torch::embedding(tok_embd_, tokens);
  for (const LlamaLayer& l : layers_) {
    h = h + attention(l, rms_norm(h, l.attn_norm, cfg_.norm_eps), T);
    torch::Tensor n = rms_norm(h, l.ffn_norm, cfg_.norm_eps);
    torch::Tensor g = torch::silu(torch::matmul(n, l.w_gate.t())) * torch::matmul(n, l.w_up.t());
    h = h + torch::matmul(g, l.w_down.t());
  }
  h = rms_norm(h, output_norm_, cfg_.norm_eps);
  const torch::Tensor& out = cfg_.tied_embeddings ? tok_embd_ : output_;
  return torch::matmul(h, out.t());
}

torch::Tensor lm_loss(const torch::Tensor& logits, const torch::Tensor& targets) {
  return torch::nn::functional::cross_entropy(
      logits.reshape({-1, logits.size(-1)}).to(torch::kFloat32), targets.reshape({-1}),
      torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100));
}

}  // namespace codeloom::train

// ---- ReferenceModel (reference.h) -------------------------------------------
#include "codeloom/train/reference.h"

namespace codeloom::train {

struct ReferenceModel::Impl {
  std::unique_ptr<LlamaModel> model;
};

ReferenceModel::ReferenceModel() : impl_(std::make_unique<Impl>()) {}
ReferenceModel::~ReferenceModel() = default;

Result<std::unique_ptr<ReferenceModel>> ReferenceModel::create(const Checkpoint& ck) {
  auto recipe = parse_recipe(ck.recipe_toml, "checkpoint recipe");
  if (!recipe) return recipe.error();
  ModelConfig cfg = recipe->model;
  const TensorRecord* embd = ck.find_model("token_embd.weight");
  if (embd == nullptr || embd->shape.size() != 2)
    return make_error(ErrorCode::kCorrupt, "the checkpoint has no token_embd.weight matrix");
  cfg.vocab_size = embd->shape[0];
  std::unique_ptr<ReferenceModel> r(new ReferenceModel());
  r->impl_->model = std::make_unique<LlamaModel>(cfg, 0);
  torch::NoGradGuard ng;
  for (const auto& [name, p] : r->impl_->model->named_parameters()) {
    const TensorRecord* t = ck.find_model(name);
    if (t == nullptr || t->shape != p.sizes().vec())
      return make_error(ErrorCode::kCorrupt, "checkpoint tensor '" + name + "' is missing or has another shape");
    p.detach().copy_(torch::from_blob(const_cast<float*>(t->data.data()), t->shape, torch::kFloat32));
  }
  return r;
}

Result<std::vector<float>> ReferenceModel::logits(std::span<const TokenId> tokens) const {
  const ModelConfig& cfg = impl_->model->config();
  if (tokens.empty()) return make_error(ErrorCode::kInvalidArgument, "no tokens");
  if (static_cast<std::int64_t>(tokens.size()) > cfg.context)
    return make_error(ErrorCode::kOutOfRange, std::to_string(tokens.size()) + " tokens exceed model.context " +
                                                  std::to_string(cfg.context));
  std::vector<std::int64_t> ids;
  for (TokenId t : tokens) {
    if (t < 0 || t >= cfg.vocab_size)
      return make_error(ErrorCode::kInvalidArgument, "token id " + std::to_string(t) + " outside the vocabulary");
    ids.push_back(t);
  }
  torch::NoGradGuard ng;
  torch::Tensor x = torch::tensor(ids, torch::kInt64).unsqueeze(0);
  torch::Tensor l = impl_->model->forward(x).squeeze(0).contiguous();
  return std::vector<float>(l.data_ptr<float>(), l.data_ptr<float>() + l.numel());
}

std::int64_t ReferenceModel::vocab_size() const { return impl_->model->config().vocab_size; }

}  // namespace codeloom::train
