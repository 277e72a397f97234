// codeloom embed train|neighbors|export-tokens|score: Item2Vec (SGNS) code-token
// embeddings (codeloom::embed, docs/embed.md).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli.h"
#include "codeloom/embed/code_tokens.h"
#include "codeloom/embed/quality.h"
#include "codeloom/embed/train.h"

namespace codeloom::cli {
namespace {

struct TrainArgs {
  std::string corpus, tokens, out, text_out, split = "train";
  embed::TrainOptions options;
  int read_threads = 0;
  bool quiet = false;
};

std::string format_eta(double s) {
  const long t = static_cast<long>(s + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
  return buf;
}

Result<embed::Corpus> load_corpus(const TrainArgs& a, bool progress) {
  const embed::VocabOptions vocab{a.options.min_count, a.options.max_vocab};
  if (!a.tokens.empty()) return embed::read_token_file(a.tokens, vocab);
  embed::CorpusReadOptions ro;
  ro.split = a.split;
  ro.threads = a.read_threads > 0 ? a.read_threads : a.options.threads;
  ro.progress = progress;
  return embed::read_code_corpus(a.corpus, ro, vocab);
}

int run_train(const TrainArgs& a, GlobalOptions& global) {
  if (a.corpus.empty() == a.tokens.empty()) {
    return report_error(make_error(ErrorCode::kInvalidArgument, "give exactly one of --corpus DIR or --tokens FILE"),
                        global);
  }
  const bool progress = !a.quiet && !global.json;
  auto corpus = load_corpus(a, progress);
  if (!corpus) return report_error(corpus.error(), global);
  if (progress) {
    std::fprintf(stderr, "corpus: %zu sequences, %zu tokens kept of %llu, vocabulary %zu (min-count %llu)\n",
                 corpus->sequences(), corpus->ids.size(), static_cast<unsigned long long>(corpus->raw_tokens),
                 corpus->vocab.size(), static_cast<unsigned long long>(a.options.min_count));
  }
  embed::ProgressFn on_progress;
  if (progress) {
    on_progress = [](const embed::TrainProgress& p) {
      std::fprintf(stderr, "\repoch %d  %5.1f%%  %.0f words/s  alpha %.5f  loss %.4f  ETA %s   ", p.epoch + 1,
                   100.0 * static_cast<double>(p.words_done) / static_cast<double>(p.words_total),
                   p.words_per_second, p.alpha, p.loss, format_eta(p.eta_seconds).c_str());
    };
  }
  embed::TrainStats stats;
  auto emb = embed::train(*corpus, a.options, on_progress, &stats);
  if (progress) std::fprintf(stderr, "\n");
  if (!emb) return report_error(emb.error(), global);
  if (Status s = embed::save(*emb, a.out); !s) return report_error(s.error(), global);
  if (!a.text_out.empty()) {
    if (Status s = embed::save_text(*emb, a.text_out); !s) return report_error(s.error(), global);
  }
  const double wps = stats.seconds > 0 ? static_cast<double>(stats.words) / stats.seconds : 0;
  if (global.json) {
    print_json({{"out", a.out},
                {"vocab", emb->size()},
                {"dim", emb->dim},
                {"sequences", corpus->sequences()},
                {"corpus_tokens", corpus->ids.size()},
                {"corpus_raw_tokens", corpus->raw_tokens},
                {"words", stats.words},
                {"trained_words", stats.trained_words},
                {"seconds", stats.seconds},
                {"words_per_second", wps},
                {"effective_words_per_second", stats.seconds > 0 ? stats.trained_words / stats.seconds : 0},
                {"loss", stats.loss},
                {"threads", a.options.threads},
                {"epochs", a.options.epochs},
                {"hogwild", a.options.hogwild}});
  } else {
    std::cout << "wrote " << a.out << ": " << emb->size() << " tokens x " << emb->dim << "; " << stats.words
              << " words in " << stats.seconds << " s (" << static_cast<long>(wps) << " words/s, "
              << a.options.threads << " threads), final loss " << stats.loss << "\n";
  }
  return kExitOk;
}

void add_train(CLI::App* embed_cmd, GlobalOptions& global, std::vector<std::function<int()>>& runners,
               std::shared_ptr<TrainArgs> a) {
  CLI::App* sub = embed_cmd->add_subcommand("train", "Train SGNS token embeddings (word2vec skip-gram, negative sampling)");
  sub->footer(
      "Same options (including --threads) and seed give a byte-identical model.\n"
      "Examples:\n"
      "  codeloom embed train --corpus corpus/ --out tokens.c2v --threads 2\n"
      "  codeloom embed train --tokens tokens.txt --out tokens.c2v --epochs 1 --text-out vectors.txt");
  embed::TrainOptions& o = a->options;
  o.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  sub->add_option("--corpus", a->corpus, "Directory of `codeloom data mine` shards");
  sub->add_option("--split", a->split, "Shard split to read from --corpus")->capture_default_str();
  sub->add_option("--tokens", a->tokens, "Token file: one sequence per line, tokens separated by spaces");
  sub->add_option("--out,-o", a->out, "Model file to write (.c2v)")->required();
  sub->add_option("--text-out", a->text_out, "Also write word2vec text format");
  sub->add_option("--dim", o.dim, "Vector size")->capture_default_str()->check(CLI::Range(1, 4096));
  sub->add_option("--window", o.window, "Max context distance")->capture_default_str()->check(CLI::Range(1, 100));
  sub->add_option("--negative", o.negative, "Noise samples per pair")->capture_default_str()->check(CLI::Range(1, 100));
  sub->add_option("--sample", o.sample, "Subsampling threshold (0 = off)")->capture_default_str()->check(CLI::Range(0.0, 1.0));
  sub->add_option("--min-count", o.min_count, "Drop rarer tokens")->capture_default_str();
  sub->add_option("--max-vocab", o.max_vocab, "Keep at most this many tokens (0 = all)")->capture_default_str();
  sub->add_option("--epochs", o.epochs, "Passes over the corpus")->capture_default_str()->check(CLI::Range(1, 10000));
  sub->add_option("--alpha", o.alpha, "Initial learning rate")->capture_default_str()->check(CLI::Range(1e-9, 10.0));
  sub->add_option("--min-alpha", o.min_alpha, "Final learning rate")->capture_default_str()->check(CLI::Range(0.0, 10.0));
  sub->add_option("--threads,-j", o.threads, "Training threads (default: all cores; part of the determinism contract)")
      ->check(CLI::Range(1, 256));
  sub->add_option("--seed", o.seed, "Random seed")->capture_default_str();
  sub->add_option("--sync-words", o.sync_words, "Tokens per thread between synchronizations")
      ->capture_default_str()
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
  sub->add_flag("--hogwild", o.hogwild, "Unsynchronized multi-threaded updates (faster, not reproducible)");
  sub->add_option("--read-threads", a->read_threads, "Tokenization threads for --corpus (default: --threads)");
  sub->add_flag("--quiet,-q", a->quiet, "No progress line");
  sub->add_flag("--json", global.json, "Print machine-readable JSON on stdout");
  runners.push_back([sub, a, &global] { return sub->parsed() ? run_train(*a, global) : -1; });
}

void add_neighbors(CLI::App* embed_cmd, GlobalOptions& global, std::vector<std::function<int()>>& runners) {
  struct Args {
    std::string token, model;
    std::size_t k = 10;
  };
  auto a = std::make_shared<Args>();
  CLI::App* sub = embed_cmd->add_subcommand("neighbors", "Nearest tokens by cosine similarity");
  sub->footer("Example:\n  codeloom embed neighbors push_back --model tokens.c2v --k 5");
  sub->add_option("token", a->token, "Query token")->required();
  sub->add_option("--model,-m", a->model, "Model (.c2v or word2vec text)")->required();
  sub->add_option("--k", a->k, "How many neighbours")->capture_default_str()->check(CLI::Range(1, 100000));
  sub->add_flag("--json", global.json, "Print machine-readable JSON on stdout");
  runners.push_back([sub, a, &global] {
    if (!sub->parsed()) return -1;
    auto emb = embed::load(a->model);
    if (!emb) return report_error(emb.error(), global);
    auto nn = embed::nearest(*emb, a->token, a->k);
    if (!nn) return report_error(nn.error(), global);
    if (global.json) {
      nlohmann::json out = {{"token", a->token}, {"neighbors", nlohmann::json::array()}};
      for (const auto& n : *nn) out["neighbors"].push_back({{"token", n.token}, {"cosine", n.cosine}});
      print_json(out);
    } else {
      for (const auto& n : *nn) std::printf("%.4f  %s\n", n.cosine, n.token.c_str());
    }
    return kExitOk;
  });
}

void add_export(CLI::App* embed_cmd, GlobalOptions& global, std::vector<std::function<int()>>& runners) {
  struct Args {
    std::string corpus, out, split = "train";
    int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    bool quiet = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* sub = embed_cmd->add_subcommand(
      "export-tokens", "Write the code-token corpus of mined shards as a token file (one sample per line)");
  sub->footer(
      "The file is what `embed train --corpus` trains on, readable by gensim's LineSentence.\n"
      "Example:\n  codeloom embed export-tokens --corpus corpus/ --out tokens.txt");
  sub->add_option("--corpus", a->corpus, "Directory of `codeloom data mine` shards")->required();
  sub->add_option("--split", a->split, "Shard split")->capture_default_str();
  sub->add_option("--out,-o", a->out, "Token file to write")->required();
  sub->add_option("--threads,-j", a->threads, "Tokenization threads")->check(CLI::Range(1, 256));
  sub->add_flag("--quiet,-q", a->quiet, "No progress line");
  sub->add_flag("--json", global.json, "Print machine-readable JSON on stdout");
  runners.push_back([sub, a, &global] {
    if (!sub->parsed()) return -1;
    const std::string tmp = a->out + ".tmp";
    std::ofstream out(tmp, std::ios::binary);
    if (!out) return report_error(make_error(ErrorCode::kIo, "cannot write '" + tmp + "'"), global);
    embed::CorpusReadOptions ro;
    ro.split = a->split;
    ro.threads = a->threads;
    ro.progress = !a->quiet && !global.json;
    embed::CorpusReadStats stats;
    std::size_t lines = 0, tokens = 0;
    Status s = embed::for_each_code_sequence(
        a->corpus, ro,
        [&](const std::vector<std::string>& toks) {
          if (toks.empty()) return;
          for (std::size_t i = 0; i < toks.size(); ++i) {
            if (i) out.put(' ');
            out << toks[i];
          }
          out.put('\n');
          ++lines;
          tokens += toks.size();
        },
        &stats);
    out.close();
    if (!s || !out) {
      std::remove(tmp.c_str());
      return report_error(s ? make_error(ErrorCode::kIo, "cannot write '" + a->out + "'") : s.error(), global);
    }
    if (std::rename(tmp.c_str(), a->out.c_str()) != 0)
      return report_error(make_error(ErrorCode::kIo, "cannot write '" + a->out + "'"), global);
    if (global.json) {
      print_json({{"out", a->out}, {"samples", stats.samples}, {"skipped", stats.skipped}, {"lines", lines},
                  {"tokens", tokens}});
    } else {
      std::cout << "wrote " << lines << " sequences, " << tokens << " tokens to " << a->out << " (" << stats.skipped
                << " of " << stats.samples << " samples skipped)\n";
    }
    return kExitOk;
  });
}

void add_score(CLI::App* embed_cmd, GlobalOptions& global, std::vector<std::function<int()>>& runners) {
  struct Args {
    std::string model, pairs;
    bool verbose = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* sub = embed_cmd->add_subcommand(
      "score", "Fraction of (anchor, related, unrelated) triples with cos(anchor, related) > cos(anchor, unrelated)");
  sub->footer("Example:\n  codeloom embed score --model tokens.c2v --pairs tests/data/embed/pairs.tsv");
  sub->add_option("--model,-m", a->model, "Model (.c2v or word2vec text, e.g. gensim's)")->required();
  sub->add_option("--pairs", a->pairs, "Triples TSV: language, anchor, related, unrelated")->required();
  sub->add_flag("--verbose,-v", a->verbose, "Print every triple");
  sub->add_flag("--json", global.json, "Print machine-readable JSON on stdout");
  runners.push_back([sub, a, &global] {
    if (!sub->parsed()) return -1;
    auto triples = embed::read_triples(a->pairs);
    if (!triples) return report_error(triples.error(), global);
    auto emb = embed::load(a->model);
    if (!emb) return report_error(emb.error(), global);
    const embed::TripleScore s = embed::score_triples(*emb, *triples);
    if (global.json) {
      nlohmann::json out = {{"total", s.total}, {"scored", s.scored}, {"passed", s.passed},
                            {"accuracy", s.accuracy()}, {"failed", nlohmann::json::array()},
                            {"missing", nlohmann::json::array()}};
      for (const auto& r : s.results) {
        const auto& t = r.triple;
        if (!r.scored) out["missing"].push_back({t.anchor, t.related, t.unrelated, r.missing});
        else if (!r.passed) out["failed"].push_back({t.anchor, t.related, t.unrelated, r.related, r.unrelated});
      }
      print_json(out);
    } else {
      for (const auto& r : s.results) {
        const auto& t = r.triple;
        if (!r.scored) std::printf("MISSING %-8s %s %s %s (no '%s')\n", t.language.c_str(), t.anchor.c_str(),
                                   t.related.c_str(), t.unrelated.c_str(), r.missing.c_str());
        else if (!r.passed || a->verbose)
          std::printf("%s %-8s %s: %s %.3f vs %s %.3f\n", r.passed ? "ok  " : "FAIL", t.language.c_str(),
                      t.anchor.c_str(), t.related.c_str(), r.related, t.unrelated.c_str(), r.unrelated);
      }
      std::printf("score: %zu/%zu = %.3f (%zu triples, %zu with a token missing)\n", s.passed, s.scored,
                  s.accuracy(), s.total, s.total - s.scored);
    }
    return kExitOk;
  });
}

}  // namespace

Command add_embed_command(CLI::App& app, GlobalOptions& global) {
  CLI::App* embed_cmd = app.add_subcommand("embed", "Code-token embeddings (Item2Vec / word2vec SGNS)");
  embed_cmd->require_subcommand(1);
  auto runners = std::make_shared<std::vector<std::function<int()>>>();
  add_train(embed_cmd, global, *runners, std::make_shared<TrainArgs>());
  add_neighbors(embed_cmd, global, *runners);
  add_export(embed_cmd, global, *runners);
  add_score(embed_cmd, global, *runners);
  return {embed_cmd, [runners] {
            for (auto& r : *runners) {
              const int rc = r();
              if (rc >= 0) return rc;
            }
            return kExitBadInput;
          }};
}

}  // namespace codeloom::cli
