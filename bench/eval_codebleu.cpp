// CodeBLEU wall time on the parity pair sets, to compare with the codebleu
// package on the same inputs (bench/reference/time_codebleu.py).
//
//   build-eval/bin/eval_codebleu [--data tests/data/eval] [--repeat 5]
//
// For each language: every pair scored on its own (what the golden files hold),
// then the whole set as one corpus. Prints the best of --repeat runs, as wall
// time and as process CPU time (the CPU column is the fair one on a shared box).
// parse_cpu_ms: tree-sitter alone on exactly the strings CodeBLEU parses
// (stripped, comments removed as codebleu does), each reference and candidate
// once: the floor for any CodeBLEU over these trees (the codebleu package
// parses each string twice with the same C parser), so package CPU /
// parse_cpu_ms bounds the speed-up any implementation can reach.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "codeloom/eval/codebleu.h"
#include "codeloom/lang/source_tree.h"
// Internal: the same pre-processing calc_codebleu applies (compat mode).
#include "../src/eval/codebleu_clean.h"
#include "../src/eval/py_text.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Pairs {
  std::vector<std::string> refs, hyps;
};

bool load(const std::string& path, Pairs& out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) return false;
    out.refs.push_back(j.value("reference", ""));
    out.hyps.push_back(j.value("candidate", ""));
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(CODELOOM_SOURCE_DIR) + "/tests/data/eval";
  int repeat = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--data") data = argv[i + 1];
    else if (a == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
  }
  const std::pair<const char*, codeloom::lang::Language> langs[] = {
      {"python", codeloom::lang::Language::kPython},
      {"java", codeloom::lang::Language::kJava},
      {"cpp", codeloom::lang::Language::kCpp}};
  std::printf("%-8s %6s %12s %12s %12s %12s %13s %10s\n", "language", "pairs", "pair_wall_ms", "pair_cpu_ms",
              "corp_wall_ms", "corp_cpu_ms", "parse_cpu_ms", "codebleu");
  for (const auto& [name, language] : langs) {
    Pairs p;
    if (!load(data + "/pairs_" + name + ".jsonl", p)) {
      std::fprintf(stderr, "eval_codebleu: cannot read %s/pairs_%s.jsonl\n", data.c_str(), name);
      return 1;
    }
    double best_pair = 1e300, best_corpus = 1e300, cpu_pair = 1e300, cpu_corpus = 1e300, cpu_parse = 1e300, score = 0;
    auto cpu_ms = [] { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; };
    for (int r = 0; r < repeat; ++r) {
      double c0 = cpu_ms();
      auto t0 = Clock::now();
      for (std::size_t i = 0; i < p.refs.size(); ++i) {
        std::vector<std::string> ref{p.refs[i]}, hyp{p.hyps[i]};
        auto s = codeloom::eval::calc_codebleu(std::span<const std::string>(ref), std::span<const std::string>(hyp), language);
        if (!s) { std::fprintf(stderr, "%s\n", s.error().message.c_str()); return 1; }
      }
      auto t1 = Clock::now();
      double c1 = cpu_ms();
      auto c = codeloom::eval::calc_codebleu(std::span<const std::string>(p.refs), std::span<const std::string>(p.hyps), language);
      auto t2 = Clock::now();
      double c2 = cpu_ms();
      cpu_pair = std::min(cpu_pair, c1 - c0);
      cpu_corpus = std::min(cpu_corpus, c2 - c1);
      if (!c) { std::fprintf(stderr, "%s\n", c.error().message.c_str()); return 1; }
      score = c->codebleu;
      best_pair = std::min(best_pair, std::chrono::duration<double, std::milli>(t1 - t0).count());
      best_corpus = std::min(best_corpus, std::chrono::duration<double, std::milli>(t2 - t1).count());
      std::vector<std::string> cleaned;
      for (const std::vector<std::string>* texts : {&p.refs, &p.hyps}) {
        for (const std::string& text : *texts) {
          cleaned.push_back(codeloom::eval::detail::remove_comments_compat(
              codeloom::eval::detail::py_strip(text), language));
        }
      }
      const double c3 = cpu_ms();
      {
        for (const std::string& text : cleaned) {
          if (!codeloom::lang::SourceTree::parse(text, language)) {
            std::fprintf(stderr, "eval_codebleu: tree-sitter failed on a %s string\n", name);
            return 1;
          }
        }
      }
      cpu_parse = std::min(cpu_parse, cpu_ms() - c3);
    }
    std::printf("%-8s %6zu %12.1f %12.1f %12.1f %12.1f %13.1f %10.6f\n", name, p.refs.size(), best_pair, cpu_pair,
                best_corpus, cpu_corpus, cpu_parse, score);
  }
  return 0;
}
