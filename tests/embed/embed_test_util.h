// Helpers shared by the embed tests: temp paths and a corpus with known structure.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "codeloom/embed/vocab.h"

namespace codeloom::embed::testing {

inline std::string temp_path(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("codeloom-embed-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// `clusters` groups of `per_cluster` tokens ("c<k>_<i>"); each sequence uses the
// tokens of one group only (a deterministic pseudo-random order) plus shared
// tokens "(" and ")" everywhere, so tokens co-occur with their own group.
inline Corpus clustered_corpus(int clusters, int per_cluster, int sequences, int length) {
  CorpusBuilder b;
  std::uint64_t x = 12345;
  auto next = [&] {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>(x >> 33);
  };
  std::vector<std::string> toks;
  std::vector<std::string_view> views;
  for (int s = 0; s < sequences; ++s) {
    const int c = s % clusters;
    toks.clear();
    for (int i = 0; i < length; ++i) {
      if (i % 4 == 3) toks.push_back(i % 8 == 3 ? "(" : ")");
      else toks.push_back("c" + std::to_string(c) + "_" + std::to_string(next() % per_cluster));
    }
    views.assign(toks.begin(), toks.end());
    b.add_sequence(views);
  }
  return std::move(b).finish({.min_count = 1});
}

}  // namespace codeloom::embed::testing
