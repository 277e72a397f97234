// Loading the eval golden files (tests/data/eval, written by bench/reference/make_golden.py).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace codeloom::eval::test {

struct Pair {
  std::string id, kind, reference, candidate;
};

std::string data_path(const std::string& name);  // CODELOOM_TEST_DATA_DIR/eval/<name>
nlohmann::json load_json(const std::string& name);
std::vector<Pair> load_pairs(const std::string& language);  // pairs_<language>.jsonl

}  // namespace codeloom::eval::test
