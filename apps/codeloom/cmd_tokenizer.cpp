// codeloom tokenizer train|encode|decode|check|export: codeloom's own byte-level
// BPE tokenizer (codeloom::tokenizer) on a mined corpus.
#include <chrono>
#include <filesystem>
#include <unistd.h>
#include <iostream>
#include <sstream>

#include "cli.h"
#include "codeloom/common/text.h"
#include "codeloom/data/shards.h"
#include "codeloom/llm/model.h"
#include "codeloom/tokenizer/gguf.h"
#include "codeloom/tokenizer/train.h"
#include "input.h"

namespace codeloom::cli {
namespace {

struct TrainArgs {
  std::string corpus;
  std::string split = "train";
  std::vector<std::string> files;
  std::string out;
  tokenizer::TrainOptions options;
  std::size_t threads = 0;
  bool quiet = false;
};

std::vector<std::string> splits_of(const std::string& split) {
  if (split == "all") return {"train", "val", "test"};
  return {split};
}

Status check_split(const std::string& split) {
  if (split == "train" || split == "val" || split == "test" || split == "all") return Status::Ok();
  return make_error(ErrorCode::kInvalidArgument, "unknown split '" + split + "'; use train, val, test or all");
}

int run_train(const TrainArgs& a, GlobalOptions& global) {
  if (a.corpus.empty() == a.files.empty())
    return report_error(make_error(ErrorCode::kInvalidArgument, "give either --corpus DIR or --files FILE..."), global);
  if (auto s = check_split(a.split); !s) return report_error(s.error(), global);
  // Fail before minutes of counting: the vocabulary must hold bytes and control tokens.
  const std::size_t need = 256 + tokenizer::control_token_texts(a.options.languages).size();
  if (a.options.vocab_size < 0 || static_cast<std::size_t>(a.options.vocab_size) < need)
    return report_error(make_error(ErrorCode::kInvalidArgument,
                                   "--vocab-size " + std::to_string(a.options.vocab_size) +
                                       " is too small: the 256 byte tokens and control tokens need " +
                                       std::to_string(need)),
                        global);
  const bool progress = !a.quiet && !global.json && ::isatty(STDERR_FILENO);
  const auto t0 = std::chrono::steady_clock::now();
  tokenizer::WordCounts counts;
  std::size_t samples = 0, bytes = 0;
  if (!a.corpus.empty()) {
    for (const std::string& split : splits_of(a.split)) {
      auto shards = data::list_shards(a.corpus, split);
      if (!shards) return report_error(shards.error(), global);
      for (const std::string& path : *shards) {
        auto batch = data::read_shard(path);
        if (!batch) return report_error(batch.error(), global);
        std::vector<std::string> texts;
        texts.reserve(batch->size());
        for (auto& s : *batch) bytes += s.text.size(), texts.push_back(std::move(s.text));
        samples += texts.size();
        tokenizer::merge_counts(&counts, tokenizer::count_words(texts, a.threads));
        if (progress) std::cerr << "\rcounting words: " << samples << " samples" << std::flush;
      }
    }
  } else {
    std::vector<std::string> texts;
    for (const std::string& f : a.files) {
      auto text = read_text_file(f);
      if (!text) return report_error(text.error(), global);
      bytes += text->size();
      texts.push_back(std::move(*text));
    }
    samples = texts.size();
    counts = tokenizer::count_words(texts, a.threads);
  }
  if (progress) std::cerr << "\rcounted " << counts.size() << " distinct words in " << samples << " samples\n";
  tokenizer::TrainOptions o = a.options;
  if (progress)
    o.progress = [](std::size_t done, std::size_t total) {
      std::cerr << "\rmerges: " << done << "/" << total << std::flush;
    };
  tokenizer::TrainStats st;
  auto tok = tokenizer::train_bpe(counts, o, &st);
  if (!tok) return report_error(tok.error(), global);
  if (progress) std::cerr << "\n";
  if (auto s = tok->save(a.out); !s) return report_error(s.error(), global);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (global.json) {
    print_json({{"out", a.out}, {"vocab_size", tok->vocab_size()}, {"merges", st.merges},
                {"samples", samples}, {"bytes", bytes}, {"distinct_words", st.unique_words},
                {"stopped_by_min_frequency", st.stopped_by_min_frequency}, {"seconds", secs}});
  } else {
    std::cout << "wrote " << a.out << ": " << tok->vocab_size() << " tokens (" << st.merges << " merges"
              << (st.stopped_by_min_frequency ? ", stopped at --min-frequency" : "") << ") from " << samples
              << " samples, " << bytes / 1e6 << " MB, in " << secs << " s\n";
  }
  return kExitOk;
}

struct UseArgs {
  std::string tokenizer;
  std::string text;
  std::string file;
  std::vector<std::int32_t> ids;
  bool specials = false;
  std::string corpus;
  std::string split = "all";
  std::string out;
  bool llama = false;
};

int run_encode(const UseArgs& a, GlobalOptions& global) {
  auto tok = tokenizer::Tokenizer::load(a.tokenizer);
  if (!tok) return report_error(tok.error(), global);
  std::string text;
  if (!a.file.empty()) {
    auto in = a.file == "-" ? read_stdin_text("stdin") : read_text_file(a.file);
    if (!in) return report_error(in.error(), global);
    text = std::move(*in);
  } else {
    text = a.text;
  }
  const auto ids = a.specials ? tok->encode_with_specials(text) : tok->encode(text);
  if (global.json) {
    nlohmann::json out = {{"count", ids.size()}};
    auto& ts = out["tokens"] = nlohmann::json::array();
    for (auto id : ids) ts.push_back({{"id", id}, {"text", tok->token_text(id)}});
    print_json(out);
    return kExitOk;
  }
  for (auto id : ids) std::cout << id << "\t" << tok->token_text(id) << "\n";
  std::cout << ids.size() << " tokens\n";
  return kExitOk;
}

int run_decode(const UseArgs& a, GlobalOptions& global) {
  auto tok = tokenizer::Tokenizer::load(a.tokenizer);
  if (!tok) return report_error(tok.error(), global);
  for (auto id : a.ids)
    if (id < 0 || id >= tok->vocab_size())
      return report_error(make_error(ErrorCode::kInvalidArgument, "token id " + std::to_string(id) +
                                                                      " is outside the vocabulary (0.." +
                                                                      std::to_string(tok->vocab_size() - 1) + ")"),
                          global);
  const std::string text = tok->decode(a.ids);
  if (global.json) {
    print_json({{"text", text}});
  } else {
    std::cout << text;
  }
  return kExitOk;
}

// Round-trips every sample of the corpus; any difference is a failure.
int run_check(const UseArgs& a, GlobalOptions& global) {
  if (auto s = check_split(a.split); !s) return report_error(s.error(), global);
  auto tok = tokenizer::Tokenizer::load(a.tokenizer);
  if (!tok) return report_error(tok.error(), global);
  // --llama: also tokenize with libllama from the exported GGUF and compare.
  std::shared_ptr<llm::Model> llama;
  if (a.llama) {
    const std::string gguf = (std::filesystem::temp_directory_path() /
                              ("codeloom-tokcheck-" + std::to_string(::getpid()) + ".gguf")).string();
    if (auto s = tokenizer::write_vocab_gguf(*tok, gguf); !s) return report_error(s.error(), global);
    auto m = llm::Model::load(gguf, {.vocab_only = true});
    std::error_code ec;
    std::filesystem::remove(gguf, ec);
    if (!m) return report_error(m.error(), global);
    llama = std::move(*m);
  }
  std::size_t samples = 0, bytes = 0, tokens = 0, failures = 0, llama_mismatches = 0;
  std::string first_failure, first_mismatch;
  const auto t0 = std::chrono::steady_clock::now();
  for (const std::string& split : splits_of(a.split)) {
    auto st = data::for_each_sample(a.corpus, split, [&](const data::CorpusSample& s) {
      const auto ids = tok->encode(s.text);
      ++samples;
      bytes += s.text.size();
      tokens += ids.size();
      if (tok->decode(ids) != s.text && failures++ == 0) first_failure = s.path + " " + s.name;
      if (llama) {
        const auto l = llama->tokenize(s.text, /*add_special=*/false, /*parse_special=*/false);
        if (!std::equal(ids.begin(), ids.end(), l.begin(), l.end()) && llama_mismatches++ == 0)
          first_mismatch = s.path + " " + s.name;
      }
    });
    if (!st) return report_error(st.error(), global);
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double bpt = tokens ? static_cast<double>(bytes) / static_cast<double>(tokens) : 0.0;
  if (global.json) {
    print_json({{"samples", samples}, {"bytes", bytes}, {"tokens", tokens}, {"bytes_per_token", bpt},
                {"round_trip_failures", failures}, {"seconds", secs},
                {"llama_compared", llama != nullptr}, {"llama_mismatches", llama_mismatches},
                {"mb_per_second", secs > 0 ? bytes / 1e6 / secs : 0.0}});
  } else {
    std::cout << samples << " samples, " << bytes << " bytes -> " << tokens << " tokens (" << bpt
              << " bytes/token); round-trip failures: " << failures
              << (failures ? " (first: " + first_failure + ")" : "") << "; " << bytes / 1e6 / (secs > 0 ? secs : 1)
              << " MB/s\n";
    if (llama)
      std::cout << "llama.cpp tokenization (exported GGUF): " << llama_mismatches << " of " << samples
                << " samples differ" << (llama_mismatches ? " (first: " + first_mismatch + ")" : "") << "\n";
  }
  return failures == 0 && llama_mismatches == 0 ? kExitOk : kExitFailure;
}

int run_export(const UseArgs& a, GlobalOptions& global) {
  auto tok = tokenizer::Tokenizer::load(a.tokenizer);
  if (!tok) return report_error(tok.error(), global);
  if (auto s = tokenizer::write_vocab_gguf(*tok, a.out); !s) return report_error(s.error(), global);
  if (global.json) {
    print_json({{"out", a.out}, {"vocab_size", tok->vocab_size()}});
  } else {
    std::cout << "wrote " << a.out << " (vocabulary-only GGUF, " << tok->vocab_size() << " tokens)\n";
  }
  return kExitOk;
}

}  // namespace

Command add_tokenizer_command(CLI::App& app, GlobalOptions& global) {
  CLI::App* cmd = app.add_subcommand("tokenizer", "Train and use codeloom's byte-level BPE code tokenizer");
  cmd->require_subcommand(1);
  auto t = std::make_shared<TrainArgs>();
  auto u = std::make_shared<UseArgs>();
  auto which = std::make_shared<std::string>();

  CLI::App* train = cmd->add_subcommand("train", "Train a tokenizer on a mined corpus (or on files)");
  train->footer(
      "Examples:\n"
      "  codeloom tokenizer train --corpus corpus/ --out tokenizer.json\n"
      "  codeloom tokenizer train --files a.py b.java --vocab-size 2000 --out small.json\n"
      "Control tokens: <cl|fim_prefix> <cl|fim_suffix> <cl|fim_middle> <cl|fim_pad> <cl|eot> <cl|file_sep>\n"
      "and one <cl|lang:NAME> per --languages entry (docs/tokenizer.md).");
  train->add_option("--corpus", t->corpus, "Output directory of `codeloom data mine`");
  train->add_option("--split", t->split, "train | val | test | all")->capture_default_str();
  train->add_option("--files", t->files, "Train on these text files instead of a corpus");
  train->add_option("--out,-o", t->out, "Tokenizer file to write (JSON)")->required();
  train->add_option("--vocab-size", t->options.vocab_size, "Tokens in all (bytes + merges + control)")
      ->capture_default_str()
      ->check(CLI::Range(256, 1 << 20));
  train->add_option("--min-frequency", t->options.min_frequency, "Stop when the best pair is rarer")
      ->capture_default_str();
  train->add_option("--languages", t->options.languages, "Language tags to add")->delimiter(',')->capture_default_str();
  train->add_option("--threads,-j", t->threads, "Threads for counting (default: all cores)");
  train->add_flag("--quiet,-q", t->quiet, "No progress output");
  train->add_flag("--json", global.json, "Print machine-readable JSON on stdout");

  CLI::App* encode = cmd->add_subcommand("encode", "Show the token ids of a text");
  encode->add_option("text", u->text, "Text to encode");
  encode->add_option("--file,-f", u->file, "Read the text from a file ('-' for stdin)");
  encode->add_flag("--specials", u->specials, "Turn control-token text (<cl|eot>) into control tokens");

  CLI::App* decode = cmd->add_subcommand("decode", "Turn token ids back into text");
  decode->add_option("ids", u->ids, "Token ids")->required();

  CLI::App* check = cmd->add_subcommand("check", "Round-trip every corpus sample and report compression");
  check->add_option("--corpus", u->corpus, "Output directory of `codeloom data mine`")->required();
  check->add_option("--split", u->split, "train | val | test | all")->capture_default_str();
  check->add_flag("--llama", u->llama, "Also compare with libllama's tokenization of the exported GGUF");

  CLI::App* exp = cmd->add_subcommand("export", "Write the tokenizer as a vocabulary-only GGUF (llama.cpp loads it)");
  exp->add_option("--out,-o", u->out, "GGUF file to write")->required();

  for (CLI::App* sub : {encode, decode, check, exp}) {
    sub->add_option("--tokenizer,-t", u->tokenizer, "Tokenizer file (from `codeloom tokenizer train`)")->required();
    sub->add_flag("--json", global.json, "Print machine-readable JSON on stdout");
  }
  return {cmd, [=, &global] {
            if (train->parsed()) return run_train(*t, global);
            if (encode->parsed()) return run_encode(*u, global);
            if (decode->parsed()) return run_decode(*u, global);
            if (check->parsed()) return run_check(*u, global);
            return run_export(*u, global);
          }};
}

}  // namespace codeloom::cli
