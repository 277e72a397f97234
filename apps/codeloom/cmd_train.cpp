// codeloom train: trains a Llama-architecture model from a TOML recipe on the
// mined corpus with codeloom's tokenizer (codeloom::train, libtorch).
// --nproc N re-runs this same command line as N data-parallel workers.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli.h"
#include "codeloom/tokenizer/tokenizer.h"
#include "codeloom/train/launch.h"
#include "codeloom/train/tokenizer_vocab.h"
#include "codeloom/train/trainer.h"

namespace codeloom::cli {
namespace {

struct Args {
  std::string recipe, out, corpus, tokenizer, item2vec;
  bool resume = false, quiet = false, eval_only = false;
  std::int64_t stop_after = 0, threads = 0, steps = 0;
  int nproc = 1, rank = -1, world_size = 0, master_port = 0;
  std::string master_addr;
};

// "~/x" → "$HOME/x" (recipes name the shared cache that way).
std::string expand_home(const std::string& p) {
  if (p.rfind("~/", 0) != 0) return p;
  const char* home = std::getenv("HOME");
  return home != nullptr ? std::string(home) + p.substr(1) : p;
}

// This process's own command line, to start the workers with.
std::vector<std::string> own_command_line() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::vector<std::string> args;
  std::string a;
  while (std::getline(in, a, '\0')) args.push_back(a);
  if (!args.empty()) args[0] = std::filesystem::read_symlink("/proc/self/exe").string();
  return args;
}

int run(const Args& a, GlobalOptions& global) {
  auto recipe = train::load_recipe(a.recipe);
  if (!recipe) return report_error(recipe.error(), global);
  train::Recipe r = *recipe;
  if (!a.corpus.empty()) r.data.corpus = a.corpus;
  if (!a.tokenizer.empty()) r.data.tokenizer = a.tokenizer;
  if (a.threads > 0) r.train.threads = a.threads;
  if (a.steps > 0) r.train.steps = a.steps;
  if (!a.item2vec.empty()) r.init.item2vec = a.item2vec;
  r.data.corpus = expand_home(r.data.corpus);
  r.data.tokenizer = expand_home(r.data.tokenizer);
  r.init.item2vec = expand_home(r.init.item2vec);
  if (r.data.corpus.empty() || r.data.tokenizer.empty())
    return report_error(make_error(ErrorCode::kInvalidArgument,
                                   "the recipe needs data.corpus and data.tokenizer (or --corpus / --tokenizer)"),
                        global);
  if (!std::filesystem::is_directory(r.data.corpus))
    return report_error(make_error(ErrorCode::kNotFound, "data.corpus '" + r.data.corpus +
                                                             "' is not a directory; mine one with `codeloom data mine`"),
                        global);
  auto tok = tokenizer::Tokenizer::load(r.data.tokenizer);
  if (!tok) return report_error(tok.error(), global);

  train::DistOptions dist;
  auto env = train::dist_from_env(dist);
  if (!env) return report_error(env.error(), global);
  dist = *env;
  if (a.world_size > 0) dist.world_size = a.world_size;
  if (a.rank >= 0) dist.rank = a.rank;
  if (!a.master_addr.empty()) dist.master_addr = a.master_addr;
  if (a.master_port > 0) dist.master_port = a.master_port;
  const bool is_worker = std::getenv(train::kEnvWorldSize) != nullptr;
  if (a.nproc > 1 && !is_worker) {
    auto port = train::free_loopback_port();
    if (!port) return report_error(port.error(), global);
    auto rc = train::launch_workers(own_command_line(), a.nproc, *port);
    if (!rc) return report_error(rc.error(), global);
    return *rc;
  }

  train::TrainOptions o;
  o.out_dir = !a.out.empty() ? a.out : "runs/" + (r.name.empty() ? std::string("codeloom") : r.name);
  o.resume = a.resume || a.eval_only;
  o.eval_only = a.eval_only;
  o.stop_after = a.stop_after;
  o.progress = !a.quiet && !global.json && dist.rank == 0;
  o.dist = dist;
  auto vocab = train::vocabulary_from(std::make_shared<const tokenizer::Tokenizer>(std::move(*tok)));
  auto s = train::run_training(r, vocab, o);
  if (!s) return report_error(s.error(), global);
  if (dist.rank != 0) return kExitOk;
  if (a.eval_only) {
    if (global.json) {
      print_json({{"steps", s->steps}, {"val_loss", s->val_loss}, {"val_ppl", std::exp(s->val_loss)},
                  {"val_accuracy", s->val_accuracy}, {"val_tokens", s->val_tokens}, {"checkpoint", s->checkpoint}});
    } else {
      std::cout << s->checkpoint << " (step " << s->steps << "): validation loss " << s->val_loss << ", perplexity "
                << std::exp(s->val_loss) << ", next-token accuracy " << s->val_accuracy << " over " << s->val_tokens
                << " tokens\n";
    }
    return kExitOk;
  }
  if (global.json) {
    print_json({{"steps", s->steps}, {"loss", s->last_loss}, {"val_loss", s->val_loss},
                {"val_accuracy", s->val_accuracy}, {"item2vec_mapped", s->item2vec_mapped},
                {"tokens_per_s", s->tokens_per_s}, {"flops_per_s", s->flops_per_s},
                {"parameters", s->parameters}, {"blas", s->blas}, {"checkpoint", s->checkpoint}});
  } else {
    std::cout << "trained " << s->steps << " steps: loss " << s->last_loss << ", validation loss " << s->val_loss
              << ", next-token accuracy " << s->val_accuracy << ", " << static_cast<long long>(s->tokens_per_s)
              << " tokens/s (" << s->flops_per_s / 1e9 << " GFLOP/s)\ncheckpoint: " << s->checkpoint << "\n";
  }
  return kExitOk;
}

}  // namespace

Command add_train_command(CLI::App& app, GlobalOptions& global) {
  auto args = std::make_shared<Args>();
  CLI::App* sub = app.add_subcommand("train", "Train a model from a recipe (libtorch, CPU; docs/train.md)");
  sub->add_option("--recipe", args->recipe, "Recipe TOML (recipes/*.toml)")->required();
  sub->add_option("--out", args->out, "Run directory: checkpoint, train.jsonl, loss.svg (default runs/<name>)");
  sub->add_option("--corpus", args->corpus, "Override data.corpus");
  sub->add_option("--tokenizer", args->tokenizer, "Override data.tokenizer");
  sub->add_option("--steps", args->steps, "Override train.steps")->check(CLI::PositiveNumber);
  sub->add_option("--threads", args->threads, "Override train.threads (per process)")->check(CLI::PositiveNumber);
  sub->add_flag("--resume", args->resume, "Continue from <out>/checkpoint.clck");
  sub->add_flag("--eval-only", args->eval_only,
                "Evaluate <out>/checkpoint.clck on the validation split (loss, perplexity, next-token accuracy); no training");
  sub->add_option("--item2vec", args->item2vec, "Override init.item2vec: initialize token embeddings from a .c2v file");
  sub->add_option("--stop-after", args->stop_after, "Stop (with a checkpoint) after N steps of this run")
      ->check(CLI::PositiveNumber);
  sub->add_option("--nproc", args->nproc, "Data-parallel worker processes on this machine")->check(CLI::Range(1, 64));
  sub->add_option("--rank", args->rank, "This process's rank (multi-machine; or $CODELOOM_RANK)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--world-size", args->world_size, "Number of processes in all (or $CODELOOM_WORLD_SIZE)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--master-addr", args->master_addr, "Address of rank 0 (or $CODELOOM_MASTER_ADDR)");
  sub->add_option("--master-port", args->master_port, "Port of rank 0's store (or $CODELOOM_MASTER_PORT)")
      ->check(CLI::Range(1, 65535));
  sub->add_flag("--quiet", args->quiet, "No progress bar");
  return {sub, [args, &global] { return run(*args, global); }};
}

}  // namespace codeloom::cli
