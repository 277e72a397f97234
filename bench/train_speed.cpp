// Training throughput of codeloom::train on this CPU: tokens/s and achieved
// model FLOP/s (6·N per token + attention, trainer.h) against the measured
// matmul peak (2048² torch::mm, f32 and bf16) — docs/benchmarks.md.
//
//   build/bin/train_speed --dim 256 --layers 4 --heads 8 --seq 256 --batch 8 --vocab 16000 --steps 8
#include <CLI/CLI.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>

#include <unistd.h>

#include "codeloom/train/trainer.h"

namespace {

double matmul_gflops(torch::ScalarType type, int n) {
  torch::Tensor a = torch::randn({n, n}).to(type), b = torch::randn({n, n}).to(type);
  torch::mm(a, b);  // warm-up
  const int reps = 5;
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < reps; ++i) torch::mm(a, b);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return 2.0 * n * n * n * reps / s / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace codeloom::train;
  CLI::App app{"codeloom training throughput"};
  Recipe r;
  r.model.dim = 256;
  r.model.n_layers = 4;
  r.model.n_heads = 8;
  r.model.vocab_size = 16000;
  r.data.seq_len = 256;
  r.train.batch_size = 8;
  r.train.steps = 8;
  std::string precision = "f32";
  int threads = 2;
  app.add_option("--dim", r.model.dim);
  app.add_option("--layers", r.model.n_layers);
  app.add_option("--heads", r.model.n_heads);
  app.add_option("--kv-heads", r.model.n_kv_heads);
  app.add_option("--ffn", r.model.ffn_dim);
  app.add_option("--vocab", r.model.vocab_size);
  app.add_option("--seq", r.data.seq_len);
  app.add_option("--batch", r.train.batch_size);
  app.add_option("--steps", r.train.steps);
  app.add_option("--precision", precision, "f32 | bf16");
  app.add_option("--threads", threads);
  CLI11_PARSE(app, argc, argv);
  r.model.context = r.data.seq_len;
  r.train.threads = threads;
  r.train.precision = precision;
  r.train.warmup_steps = 2;
  r.train.eval_every = 1000000;
  r.train.eval_batches = 1;
  r.train.log_every = 1000000;
  r.train.checkpoint_every = 0;
  r.source = "[model]\n";
  if (auto s = validate_recipe(r, "bench"); !s) {
    std::fprintf(stderr, "%s\n", s.error().message.c_str());
    return 2;
  }
  // Random token rows: throughput does not depend on what the tokens are.
  PackedSequences rows;
  rows.seq_len = r.data.seq_len;
  rows.pad = -1;
  std::mt19937 rng(1);
  rows.tokens.resize(static_cast<std::size_t>((r.data.seq_len + 1) * r.train.batch_size * (r.train.steps + 1)));
  for (auto& t : rows.tokens) t = static_cast<TokenId>(rng() % static_cast<unsigned>(r.model.vocab_size));
  const std::string dir = (std::filesystem::temp_directory_path() / ("codeloom-train-speed-" + std::to_string(::getpid()))).string();
  TrainOptions o;
  o.out_dir = dir;
  o.progress = false;
  auto s = run_training(r, rows, rows, o);
  std::filesystem::remove_all(dir);
  if (!s) {
    std::fprintf(stderr, "%s\n", s.error().message.c_str());
    return 1;
  }
  torch::set_num_threads(threads);
  const double peak32 = matmul_gflops(torch::kFloat32, 2048), peak16 = matmul_gflops(torch::kBFloat16, 2048);
  const double achieved = s->flops_per_s / 1e9;
  std::printf("params %lld  precision %s  threads %d  BLAS %s\n", static_cast<long long>(s->parameters),
              precision.c_str(), threads, s->blas.c_str());
  std::printf("tokens/s %.0f  model GFLOP/s %.1f  matmul peak f32 %.0f GFLOP/s, bf16 %.0f GFLOP/s  (%.1f%% of the %s peak)\n",
              s->tokens_per_s, achieved, peak32, peak16,
              100.0 * achieved / (precision == "bf16" ? peak16 : peak32), precision.c_str());
  return 0;
}
