// Golden test files: "key: value" header lines, then "--- name" sections.
// A section's text is everything after its marker line up to the newline
// before the next marker (or the end of the file, whose final newline is not
// part of the text). Header-only so prompt and decode tests can share it.
//
// Set CODELOOM_UPDATE_GOLDEN=1 to rewrite the "expected*" sections from the
// actual output (then review the diff before committing).
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace codeloom::testing {

struct GoldenFile {
  std::string path;
  std::map<std::string, std::string> header;
  std::vector<std::pair<std::string, std::string>> sections;  // in file order

  const std::string* section(const std::string& name) const {
    for (const auto& [n, t] : sections) {
      if (n == name) return &t;
    }
    return nullptr;
  }
  std::string get(const std::string& key, const std::string& def = "") const {
    auto it = header.find(key);
    return it == header.end() ? def : it->second;
  }
};

inline bool read_golden(const std::string& path, GoldenFile* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string all = ss.str();
  if (!all.empty() && all.back() == '\n') all.pop_back();
  out->path = path;
  std::size_t pos = 0;
  std::string* current = nullptr;
  bool first_line_of_section = false;
  while (pos <= all.size()) {
    std::size_t nl = all.find('\n', pos);
    if (nl == std::string::npos) nl = all.size();
    std::string line = all.substr(pos, nl - pos);
    if (line.rfind("--- ", 0) == 0) {
      out->sections.emplace_back(line.substr(4), "");
      current = &out->sections.back().second;
      first_line_of_section = true;
    } else if (current) {
      if (!first_line_of_section) *current += '\n';
      *current += line;
      first_line_of_section = false;
    } else if (auto colon = line.find(": "); colon != std::string::npos) {
      out->header[line.substr(0, colon)] = line.substr(colon + 2);
    }
    pos = nl + 1;
  }
  return true;
}

inline void write_golden(const GoldenFile& g) {
  std::ofstream out(g.path, std::ios::binary | std::ios::trunc);
  for (const auto& [k, v] : g.header) out << k << ": " << v << '\n';
  for (const auto& [n, t] : g.sections) out << "--- " << n << '\n' << t << '\n';
}

inline bool update_golden() {
  const char* v = std::getenv("CODELOOM_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

inline std::vector<std::string> golden_files(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace codeloom::testing
