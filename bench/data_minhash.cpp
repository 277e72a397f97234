// MinHash + LSH candidate pairs over the functions of source trees, timed; dumps the
// shingles, permutations and pairs so bench/reference/datasketch_compare.py can run
// datasketch on exactly the same input and compare (docs/data.md).
//
//   data_minhash --out /tmp/mh /usr/lib/python3.11/asyncio /usr/lib/python3.11/email
//   python3 bench/reference/datasketch_compare.py /tmp/mh
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "codeloom/common/text.h"
#include "codeloom/data/minhash.h"
#include "codeloom/data/sample.h"
#include "codeloom/lang/source_tree.h"

namespace fs = std::filesystem;
using namespace codeloom;

int main(int argc, char** argv) {
  CLI::App app("MinHash-LSH candidate pairs, timed (compare with datasketch)");
  std::vector<std::string> inputs;
  std::string out;
  double threshold = 0.85, fp_weight = 0.05, fn_weight = 0.95;
  std::size_t num_perm = 128, min_shingles = 10;
  int repeat = 5;
  app.add_option("inputs", inputs, "Directories or files")->required();
  app.add_option("--out", out, "Output directory for shingles.txt, params.json, pairs.txt")->required();
  app.add_option("--threshold", threshold)->capture_default_str();
  app.add_option("--num-perm", num_perm)->capture_default_str();
  app.add_option("--fp-weight", fp_weight)->capture_default_str();
  app.add_option("--fn-weight", fn_weight)->capture_default_str();
  app.add_option("--min-shingles", min_shingles)->capture_default_str();
  app.add_option("--repeat", repeat, "Timed repetitions (best is reported)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  std::vector<fs::path> files;
  for (const auto& in : inputs) {
    if (fs::is_directory(in)) {
      for (const auto& e : fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied))
        if (e.is_regular_file()) files.push_back(e.path());
    } else {
      files.emplace_back(in);
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::vector<std::uint32_t>> docs;
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto& f : files) {
    auto language = lang::detect_language(f.string());
    if (!language) continue;
    auto text = read_text_file(f.string(), 1u << 20);
    if (!text) continue;
    lang::ParseOptions po;
    if (*language == lang::Language::kCpp) po.ignore_macros = lang::libstdcxx_macros();
    auto tree = lang::SourceTree::parse(std::move(*text), *language, po);
    if (!tree) continue;
    for (auto& s : data::extract_samples(*tree, {}))
      if (s.shingles.size() >= min_shingles) docs.push_back(std::move(s.shingles));
  }
  const double shingle_secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  const data::MinHasher hasher({.num_perm = num_perm, .seed = 1});
  const data::LshParams params = data::optimal_lsh_params(threshold, num_perm, fp_weight, fn_weight);
  double best = 1e30, best_sig = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (int rep = 0; rep < repeat; ++rep) {
    const auto a = std::chrono::steady_clock::now();
    std::vector<std::vector<std::uint32_t>> sigs(docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) sigs[i] = hasher.signature(docs[i]);
    const auto b = std::chrono::steady_clock::now();
    pairs = data::lsh_candidate_pairs(sigs, params);
    const auto c = std::chrono::steady_clock::now();
    const double total = std::chrono::duration<double>(c - a).count();
    if (total < best) best = total, best_sig = std::chrono::duration<double>(b - a).count();
  }
  std::size_t shingles = 0;
  for (const auto& d : docs) shingles += d.size();

  fs::create_directories(out);
  {
    std::ofstream s(fs::path(out) / "shingles.txt");
    for (const auto& d : docs) {
      for (std::size_t i = 0; i < d.size(); ++i) s << (i ? " " : "") << d[i];
      s << "\n";
    }
    std::ofstream p(fs::path(out) / "pairs.txt");
    for (const auto& [x, y] : pairs) p << x << " " << y << "\n";
  }
  nlohmann::json j = {{"num_perm", num_perm}, {"threshold", threshold}, {"fp_weight", fp_weight},
                      {"fn_weight", fn_weight}, {"bands", params.bands}, {"rows", params.rows},
                      {"a", std::vector<std::uint64_t>(hasher.a().begin(), hasher.a().end())},
                      {"b", std::vector<std::uint64_t>(hasher.b().begin(), hasher.b().end())},
                      {"docs", docs.size()}, {"shingles", shingles}, {"candidate_pairs", pairs.size()},
                      {"seconds_minhash", best_sig}, {"seconds_minhash_lsh", best}};
  std::ofstream(fs::path(out) / "params.json") << j.dump(1) << "\n";
  std::cout << "docs " << docs.size() << ", shingles " << shingles << " (tokenize+shingle " << shingle_secs
            << " s)\nbands " << params.bands << " x rows " << params.rows << ", candidate pairs " << pairs.size()
            << "\ncodeloom: minhash " << best_sig << " s, minhash+lsh " << best << " s (best of " << repeat
            << ", 1 thread)\n";
  return 0;
}
