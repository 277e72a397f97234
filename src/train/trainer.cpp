// The training loop. One translation unit with torch: model (llama_model.cpp)
// and process group (dist.cpp) are the other two.
#include "codeloom/train/trainer.h"

#include <ATen/autocast_mode.h>
#include <dlfcn.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "codeloom/common/log.h"
#include "codeloom/embed/embeddings.h"
#include "codeloom/train/checkpoint.h"
#include "codeloom/train/item2vec_init.h"
#include "codeloom/train/run_log.h"
#include "dist.h"
#include "llama_model.h"

namespace codeloom::train {
namespace {

using Clock = std::chrono::steady_clock;

// The BLAS shared object mapped into this process (Debian's libtorch calls the
// generic libblas.so.3, whose alternative decides: OpenBLAS is ~20× faster
// than the reference BLAS here).
std::string detect_blas() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    const auto slash = line.find('/');
    if (slash == std::string::npos) continue;
    const std::string path = line.substr(slash);
    if (path.find("blas") == std::string::npos) continue;
    std::error_code ec;
    const auto real = std::filesystem::canonical(path, ec);
    return ec ? path : real.string();
  }
  return "unknown";
}

void set_threads(int n) {
  torch::set_num_threads(n);
  // OpenBLAS reads OPENBLAS_NUM_THREADS once at load; this sets it afterwards.
  using SetThreads = void (*)(int);
  if (auto f = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) f(n);
}

// Rows of one split in epoch order; global row index g → epoch g / rows.
class Batcher {
 public:
  Batcher(const PackedSequences& rows, std::uint64_t seed, TokenId pad, bool shuffle)
      : rows_(rows), seed_(seed), pad_(pad), shuffle_(shuffle) {}

  std::pair<torch::Tensor, torch::Tensor> get(std::int64_t start, std::int64_t count) {
    const std::int64_t T = rows_.seq_len, n = rows_.rows();
    torch::Tensor x = torch::empty({count, T}, torch::kInt64), y = torch::empty({count, T}, torch::kInt64);
    auto xa = x.accessor<std::int64_t, 2>();
    auto ya = y.accessor<std::int64_t, 2>();
    for (std::int64_t b = 0; b < count; ++b) {
      const std::int64_t g = start + b, epoch = g / n;
      std::int64_t r = g % n;
      if (shuffle_) {
        if (epoch != epoch_) order_ = epoch_order(n, seed_, static_cast<std::uint64_t>(epoch_ = epoch));
        r = order_[static_cast<std::size_t>(r)];
      }
      const TokenId* row = rows_.row(r);
      for (std::int64_t t = 0; t < T; ++t) {
        xa[b][t] = row[t];
        ya[b][t] = row[t + 1] == pad_ ? -100 : row[t + 1];  // padding is not predicted
      }
    }
    return {x, y};
  }

 private:
  const PackedSequences& rows_;
  std::uint64_t seed_;
  TokenId pad_;
  bool shuffle_;
  std::int64_t epoch_ = -1;
  std::vector<std::int64_t> order_;
};

struct AutocastGuard {
  explicit AutocastGuard(bool on) : on_(on) {
    if (!on_) return;
    at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    at::autocast::set_cpu_enabled(true);
  }
  ~AutocastGuard() {
    if (!on_) return;
    at::autocast::set_cpu_enabled(false);
    at::autocast::clear_cache();
  }
  bool on_;
};

TensorRecord to_record(const std::string& name, const torch::Tensor& t) {
  torch::Tensor c = t.detach().to(torch::kFloat32).contiguous();
  TensorRecord r{name, c.sizes().vec(), {}};
  r.data.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
  return r;
}

Status from_record(const TensorRecord& r, torch::Tensor& t) {
  if (r.shape != t.sizes().vec())
    return make_error(ErrorCode::kInvalidArgument, "checkpoint tensor '" + r.name + "' has another shape than the recipe's model");
  torch::NoGradGuard ng;
  t.copy_(torch::from_blob(const_cast<float*>(r.data.data()), r.shape, torch::kFloat32));
  return Status::Ok();
}

std::string model_signature(const ModelConfig& m, std::int64_t seq_len) {
  std::ostringstream os;
  os << "dim=" << m.dim << " n_layers=" << m.n_layers << " n_heads=" << m.n_heads << " n_kv_heads=" << m.kv_heads()
     << " ffn_dim=" << m.hidden_dim() << " vocab_size=" << m.vocab_size << " context=" << m.context
     << " tied_embeddings=" << m.tied_embeddings << " seq_len=" << seq_len;
  return os.str();
}

// Copies the Item2Vec rows into token_embd (before any step). Returns the number of rows set.
Result<std::int64_t> init_token_embedding(LlamaModel& model, const Recipe& recipe,
                                          const std::vector<std::string>& token_texts) {
  if (token_texts.empty())
    return make_error(ErrorCode::kInvalidArgument, "init.item2vec needs the tokenizer's token texts");
  auto emb = embed::load(recipe.init.item2vec);
  if (!emb) return make_error(emb.error().code, "init.item2vec: " + emb.error().message);
  auto init = item2vec_init(*emb, token_texts, static_cast<int>(recipe.model.dim),
                            static_cast<std::uint64_t>(recipe.train.seed), kInitStd);
  if (!init) return init.error();
  torch::Tensor w;
  for (const auto& [name, p] : model.named_parameters())
    if (name == "token_embd.weight") w = p;
  if (!w.defined()) return make_error(ErrorCode::kInternal, "the model has no token_embd.weight");
  torch::NoGradGuard ng;
  const std::int64_t rows = std::min<std::int64_t>(w.size(0), static_cast<std::int64_t>(token_texts.size()));
  auto a = w.accessor<float, 2>();
  for (std::int64_t i = 0; i < rows; ++i) {
    if (!init->mapped[static_cast<std::size_t>(i)]) continue;
    const float* src = init->rows.data() + i * recipe.model.dim;
    for (std::int64_t d = 0; d < recipe.model.dim; ++d) a[i][d] = src[d];
  }
  return init->mapped_count;
}

std::string format_duration(double s) {
  const auto t = static_cast<long>(s);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
  return buf;
}

}  // namespace

double learning_rate(const TrainConfig& t, std::int64_t step) {
  if (step < t.warmup_steps) return t.lr * static_cast<double>(step + 1) / static_cast<double>(t.warmup_steps);
  const double span = static_cast<double>(std::max<std::int64_t>(1, t.steps - t.warmup_steps));
  const double progress = std::min(1.0, static_cast<double>(step - t.warmup_steps) / span);
  return t.min_lr + 0.5 * (t.lr - t.min_lr) * (1.0 + std::cos(M_PI * progress));
}

Result<TrainSummary> run_training(const Recipe& recipe, const PackedSequences& train_rows,
                                  const PackedSequences& val_rows, const TrainOptions& opt) {
  const ModelConfig& mc = recipe.model;
  const TrainConfig& tc = recipe.train;
  if (mc.vocab_size <= 0) return make_error(ErrorCode::kInvalidArgument, "model.vocab_size is not set");
  if (train_rows.rows() == 0 || train_rows.seq_len != recipe.data.seq_len)
    return make_error(ErrorCode::kInvalidArgument, "no training rows of data.seq_len tokens");
  if (opt.out_dir.empty()) return make_error(ErrorCode::kInvalidArgument, "no output directory");
  if (opt.eval_only && !opt.resume)
    return make_error(ErrorCode::kInvalidArgument, "evaluation only needs a checkpoint to evaluate (resume)");
  set_threads(static_cast<int>(tc.threads));
  auto dist_r = Dist::create(opt.dist);
  if (!dist_r) return dist_r.error();
  Dist& dist = **dist_r;
  const bool lead = dist.rank() == 0;
  std::error_code ec;
  std::filesystem::create_directories(opt.out_dir, ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot create '" + opt.out_dir + "': " + ec.message());
  const std::string ckpt_path = opt.out_dir + "/checkpoint.clck", log_path = opt.out_dir + "/train.jsonl";

  LlamaModel model(mc, static_cast<std::uint64_t>(tc.seed));
  std::vector<torch::Tensor> params, exp_avg, exp_avg_sq;
  for (const auto& [name, p] : model.named_parameters()) {
    params.push_back(p);
    exp_avg.push_back(torch::zeros_like(p));
    exp_avg_sq.push_back(torch::zeros_like(p));
  }
  std::int64_t step = 0, position = 0, tokens_seen = 0, item2vec_mapped = 0;
  if (opt.resume) {
    auto ck = load_checkpoint(ckpt_path);
    if (!ck) return ck.error();
    auto old = parse_recipe(ck->recipe_toml, ckpt_path + " (embedded recipe)");
    if (!old) return old.error();
    Recipe old_r = *old;
    if (old_r.model.vocab_size == 0) old_r.model.vocab_size = mc.vocab_size;
    if (model_signature(old_r.model, old_r.data.seq_len) != model_signature(mc, recipe.data.seq_len))
      return make_error(ErrorCode::kInvalidArgument, "cannot resume: the checkpoint's model (" +
                                                         model_signature(old_r.model, old_r.data.seq_len) +
                                                         ") differs from the recipe's (" +
                                                         model_signature(mc, recipe.data.seq_len) + ")");
    const auto& named = model.named_parameters();
    if (ck->model.size() != named.size() || ck->optimizer.size() != 2 * named.size())
      return make_error(ErrorCode::kCorrupt, "checkpoint '" + ckpt_path + "' holds another set of tensors");
    for (std::size_t i = 0; i < named.size(); ++i) {
      if (ck->model[i].name != named[i].first)
        return make_error(ErrorCode::kCorrupt, "checkpoint tensor " + std::to_string(i) + " is '" + ck->model[i].name +
                                                   "', expected '" + named[i].first + "'");
      for (const Status& s : {from_record(ck->model[i], params[i]), from_record(ck->optimizer[2 * i], exp_avg[i]),
                              from_record(ck->optimizer[2 * i + 1], exp_avg_sq[i])})
        if (!s) return s.error();
    }
    step = ck->step;
    position = ck->data_position;
    tokens_seen = ck->tokens_seen;
    if (!ck->rng_state.empty()) {
      torch::Tensor st = torch::empty({static_cast<std::int64_t>(ck->rng_state.size())}, torch::kUInt8);
      std::memcpy(st.data_ptr(), ck->rng_state.data(), ck->rng_state.size());
      auto gen = at::detail::getDefaultCPUGenerator();
      std::lock_guard<std::mutex> lock(gen.mutex());
      gen.set_state(st);
    }
    if (lead) {
      if (Status s = truncate_log(log_path, step); !s) return s.error();
    }
    CODELOOM_LOG(kInfo, "resumed from " << ckpt_path << " at step " << step);
  } else {
    if (lead) std::filesystem::remove(log_path, ec);
    if (!recipe.init.item2vec.empty()) {
      auto mapped = init_token_embedding(model, recipe, opt.token_texts);
      if (!mapped) return mapped.error();
      item2vec_mapped = *mapped;
      if (lead && opt.progress)
        std::fprintf(stderr, "init.item2vec: %lld of %lld token embeddings initialized from %s\n",
                     static_cast<long long>(item2vec_mapped), static_cast<long long>(mc.vocab_size),
                     recipe.init.item2vec.c_str());
    }
  }

  Batcher train_batches(train_rows, static_cast<std::uint64_t>(tc.seed), train_rows.pad, /*shuffle=*/true);
  Batcher val_batches(val_rows, 0, val_rows.pad, /*shuffle=*/false);
  const bool bf16 = tc.precision == "bf16";
  const std::int64_t B = tc.batch_size, A = tc.grad_accum, W = dist.world(), T = recipe.data.seq_len;
  const std::int64_t rows_per_step = B * A * W, tokens_per_step = rows_per_step * T;
  const std::int64_t n_params = parameter_count(mc);
  // Model FLOPs per token (Kaplan et al.): 6 per matmul weight (forward + backward),
  // the output projection included, the embedding lookup not; plus attention scores.
  const double matmul_params = static_cast<double>(n_params - (mc.tied_embeddings ? 0 : mc.vocab_size * mc.dim));
  const double flops_per_token = 6.0 * matmul_params + 6.0 * static_cast<double>(mc.n_layers * T * mc.dim);

  struct Eval {
    double loss = std::nan(""), accuracy = 0;
    std::int64_t tokens = 0;
  };
  auto evaluate = [&]() -> Eval {
    if (val_rows.rows() == 0) return {};
    torch::NoGradGuard ng;
    AutocastGuard ac(bf16);
    const std::int64_t n = std::min(tc.eval_batches * B, val_rows.rows());
    torch::Tensor acc = torch::zeros({3}, torch::kFloat64);  // loss sum, target count, argmax hits
    for (std::int64_t b = 0; b * B < n; ++b) {
      if (b % W != dist.rank()) continue;  // ranks split the validation batches
      auto [x, y] = val_batches.get(b * B, std::min(B, n - b * B));
      torch::Tensor logits = model.forward(x);
      torch::Tensor sum = torch::nn::functional::cross_entropy(
          logits.reshape({-1, logits.size(-1)}).to(torch::kFloat32), y.reshape({-1}),
          torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100).reduction(torch::kSum));
      acc[0] += sum.item<double>();
      acc[1] += y.ne(-100).sum().item<double>();
      acc[2] += logits.argmax(-1).eq(y).sum().item<double>();  // -100 never equals an argmax
    }
    dist.all_reduce_sum(acc);
    Eval e;
    e.tokens = static_cast<std::int64_t>(acc[1].item<double>());
    if (e.tokens > 0) {
      e.loss = acc[0].item<double>() / acc[1].item<double>();
      e.accuracy = acc[2].item<double>() / acc[1].item<double>();
    }
    return e;
  };

  auto save = [&]() -> Status {
    if (lead) {
      Checkpoint ck;
      ck.recipe_toml = recipe.source;
      ck.step = step;
      ck.data_position = position;
      ck.tokens_seen = tokens_seen;
      ck.world_size = W;
      {
        auto gen = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(gen.mutex());
        torch::Tensor st = gen.get_state();
        ck.rng_state.assign(static_cast<const char*>(st.data_ptr()), static_cast<std::size_t>(st.numel()));
      }
      const auto& named = model.named_parameters();
      for (std::size_t i = 0; i < named.size(); ++i) {
        ck.model.push_back(to_record(named[i].first, params[i]));
        ck.optimizer.push_back(to_record(named[i].first + ".exp_avg", exp_avg[i]));
        ck.optimizer.push_back(to_record(named[i].first + ".exp_avg_sq", exp_avg_sq[i]));
      }
      if (Status s = save_checkpoint(ckpt_path, ck); !s) return s;
    }
    dist.barrier();
    return Status::Ok();
  };

  auto log_record = [&](const nlohmann::json& j) -> Status {
    return lead ? append_log_line(log_path, j.dump()) : Status::Ok();
  };

  TrainSummary summary;
  summary.parameters = n_params;
  summary.blas = detect_blas();
  summary.item2vec_mapped = item2vec_mapped;
  if (opt.eval_only) {
    const Eval e = evaluate();
    summary.steps = step;
    summary.val_loss = e.loss;
    summary.val_accuracy = e.accuracy;
    summary.val_tokens = e.tokens;
    summary.checkpoint = ckpt_path;
    return summary;
  }
  if (lead && opt.progress)
    std::fprintf(stderr, "training %lld parameters, %lld tokens/step, %lld process(es), %lld thread(s), BLAS %s\n",
                 static_cast<long long>(n_params), static_cast<long long>(tokens_per_step),
                 static_cast<long long>(W), static_cast<long long>(tc.threads), summary.blas.c_str());
  const bool tty = isatty(2) != 0;
  double train_seconds = 0;
  std::int64_t steps_here = 0, tokens_here = 0;
  const auto run_start = Clock::now();
  while (step < tc.steps && (opt.stop_after == 0 || steps_here < opt.stop_after)) {
    const auto t0 = Clock::now();
    const double lr = learning_rate(tc, step);
    for (torch::Tensor& p : params) p.mutable_grad().reset();
    double loss_sum = 0;
    for (std::int64_t k = 0; k < A; ++k) {
      auto [x, y] = train_batches.get(position + (dist.rank() * A + k) * B, B);
      torch::Tensor loss;
      {
        AutocastGuard ac(bf16);
        loss = lm_loss(model.forward(x), y);
      }
      (loss / static_cast<double>(A)).backward();
      loss_sum += loss.item<double>();
    }
    torch::NoGradGuard ng;
    torch::Tensor stats = torch::tensor({loss_sum}, torch::kFloat64);
    if (W > 1) {
      // One flat buffer: one collective per step instead of one per tensor.
      std::vector<torch::Tensor> gs;
      for (torch::Tensor& p : params) gs.push_back(p.grad().reshape({-1}));
      torch::Tensor flat = torch::cat(gs);
      dist.all_reduce_sum(flat);
      flat.div_(static_cast<double>(W));
      std::int64_t off = 0;
      for (torch::Tensor& p : params) {
        const std::int64_t n = p.numel();
        p.mutable_grad().copy_(flat.slice(0, off, off + n).view_as(p));
        off += n;
      }
      dist.all_reduce_sum(stats);
    }
    const double loss = stats.item<double>() / static_cast<double>(A * W);
    if (!std::isfinite(loss))
      return make_error(ErrorCode::kInternal, "training loss became " + std::to_string(loss) + " at step " +
                                                  std::to_string(step) + "; lower train.lr or raise warmup_steps");
    double sq = 0;
    for (torch::Tensor& p : params) sq += p.grad().to(torch::kFloat64).pow(2).sum().item<double>();
    const double grad_norm = std::sqrt(sq);
    if (tc.grad_clip > 0 && grad_norm > tc.grad_clip)
      for (torch::Tensor& p : params) p.mutable_grad().mul_(tc.grad_clip / (grad_norm + 1e-6));
    // AdamW (decoupled weight decay on matrices only), written out so its state is ours to checkpoint.
    const double t1 = static_cast<double>(step + 1);
    const double bc1 = 1 - std::pow(tc.beta1, t1), bc2 = 1 - std::pow(tc.beta2, t1);
    for (std::size_t i = 0; i < params.size(); ++i) {
      torch::Tensor& p = params[i];
      const torch::Tensor& g = p.grad();
      exp_avg[i].mul_(tc.beta1).add_(g, 1 - tc.beta1);
      exp_avg_sq[i].mul_(tc.beta2).addcmul_(g, g, 1 - tc.beta2);
      if (p.dim() >= 2 && tc.weight_decay > 0) p.mul_(1 - lr * tc.weight_decay);
      torch::Tensor denom = (exp_avg_sq[i].sqrt() / std::sqrt(bc2)).add_(tc.eps);
      p.addcdiv_(exp_avg[i], denom, -lr / bc1);
    }
    ++step;
    ++steps_here;
    position += rows_per_step;
    tokens_seen += tokens_per_step;
    tokens_here += tokens_per_step;
    train_seconds += std::chrono::duration<double>(Clock::now() - t0).count();
    const double tps = static_cast<double>(tokens_here) / std::max(1e-9, train_seconds);
    summary.last_loss = loss;
    const bool last = step == tc.steps;
    if (step % tc.log_every == 0 || last || step == 1) {
      if (Status s = log_record({{"type", "train"}, {"step", step}, {"loss", loss}, {"lr", lr},
                                 {"grad_norm", grad_norm}, {"tokens", tokens_seen}, {"tokens_per_s", tps},
                                 {"elapsed_s", std::chrono::duration<double>(Clock::now() - run_start).count()}});
          !s)
        return s.error();
    }
    if (lead && opt.progress) {
      const double eta = static_cast<double>(tc.steps - step) * train_seconds / static_cast<double>(steps_here);
      constexpr int kBar = 24;
      const int filled = static_cast<int>(kBar * step / tc.steps);
      if (tty || step % tc.log_every == 0 || last)
        std::fprintf(stderr, "%s[%s%s] step %lld/%lld loss %.4f lr %.2e %.0f tok/s ETA %s%s", tty ? "\r" : "",
                     std::string(static_cast<std::size_t>(filled), '#').c_str(),
                     std::string(static_cast<std::size_t>(kBar - filled), '.').c_str(), static_cast<long long>(step),
                     static_cast<long long>(tc.steps), loss, lr, tps, format_duration(eta).c_str(),
                     tty ? "   " : "\n");
    }
    if (step % tc.eval_every == 0 || last) {
      const Eval e = evaluate();
      const double vl = e.loss;
      summary.val_loss = vl;
      summary.val_accuracy = e.accuracy;
      summary.val_tokens = e.tokens;
      if (std::isfinite(vl)) {
        if (Status s = log_record({{"type", "val"}, {"step", step}, {"val_loss", vl}, {"val_ppl", std::exp(vl)},
                                   {"val_acc", e.accuracy}});
            !s)
          return s.error();
        if (lead && opt.progress)
          std::fprintf(stderr, "%sstep %lld: validation loss %.4f, perplexity %.2f, next-token accuracy %.4f\n",
                       tty ? "\n" : "", static_cast<long long>(step), vl, std::exp(vl), e.accuracy);
      }
    }
    if (tc.checkpoint_every > 0 && step % tc.checkpoint_every == 0 && !last) {
      if (Status s = save(); !s) return s.error();
    }
  }
  if (lead && opt.progress && tty) std::fprintf(stderr, "\n");
  if (Status s = save(); !s) return s.error();
  if (lead) {
    auto points = read_log(log_path);
    if (!points) return points.error();
    const std::string title = (recipe.name.empty() ? std::string("codeloom") : recipe.name) + ": loss vs step";
    if (Status s = write_loss_svg(*points, opt.out_dir + "/loss.svg", title); !s) return s.error();
  }
  summary.steps = step;
  summary.tokens_per_s = static_cast<double>(tokens_here) / std::max(1e-9, train_seconds);
  summary.flops_per_s = summary.tokens_per_s * flops_per_token;
  summary.checkpoint = ckpt_path;
  return summary;
}

Result<TrainSummary> run_training(Recipe recipe, const Vocabulary& vocab, const TrainOptions& options) {
  if (recipe.model.vocab_size == 0) recipe.model.vocab_size = vocab.size;
  if (recipe.model.vocab_size < vocab.size)
    return make_error(ErrorCode::kInvalidArgument, "model.vocab_size (" + std::to_string(recipe.model.vocab_size) +
                                                       ") is smaller than the tokenizer's vocabulary (" +
                                                       std::to_string(vocab.size) + ")");
  if (Status s = validate_recipe(recipe); !s) return s.error();
  if (Status s = check_vocabulary(vocab); !s) return s.error();
  if (!recipe.init.item2vec.empty() && !options.resume && !std::filesystem::is_regular_file(recipe.init.item2vec))
    return make_error(ErrorCode::kNotFound, "init.item2vec: '" + recipe.init.item2vec +
                                                "' is not a file; train embeddings with `codeloom embed train`");
  const auto seed = static_cast<std::uint64_t>(recipe.train.seed);
  auto val_rows = load_packed_split(recipe.data, "val", vocab, seed, recipe.data.val_sequences);
  if (!val_rows) return val_rows.error();
  TrainOptions o = options;
  if (o.token_texts.empty()) o.token_texts = vocab.texts;
  // Evaluation alone never reads training rows: skip reading the train split.
  if (o.eval_only) return run_training(recipe, *val_rows, *val_rows, o);
  auto train_rows = load_packed_split(recipe.data, "train", vocab, seed);
  if (!train_rows) return train_rows.error();
  return run_training(recipe, *train_rows, *val_rows, o);
}

}  // namespace codeloom::train
