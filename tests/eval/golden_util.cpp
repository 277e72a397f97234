#include "golden_util.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace codeloom::eval::test {

std::string data_path(const std::string& name) {
  return std::string(CODELOOM_TEST_DATA_DIR) + "/eval/" + name;
}

nlohmann::json load_json(const std::string& name) {
  std::ifstream in(data_path(name));
  if (!in) throw std::runtime_error("missing golden file " + data_path(name));
  return nlohmann::json::parse(in);
}

std::vector<Pair> load_pairs(const std::string& language) {
  std::ifstream in(data_path("pairs_" + language + ".jsonl"));
  if (!in) throw std::runtime_error("missing pair file for " + language);
  std::vector<Pair> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    out.push_back({j.at("id"), j.at("kind"), j.at("reference"), j.at("candidate")});
  }
  return out;
}

}  // namespace codeloom::eval::test
