#include "support/mutator.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace codeloom::test {

std::string Mutator::mutate(std::string s, std::size_t max_size) {
  const std::size_t edits = 1 + pick(8);
  for (std::size_t e = 0; e < edits; ++e) {
    switch (pick(dict_.empty() ? 6 : 7)) {
      case 0:  // flip one bit
        if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << pick(8));
        break;
      case 1:  // random byte
        if (!s.empty()) s[pick(s.size())] = static_cast<char>(rng_() & 0xff);
        break;
      case 2: {  // insert random bytes
        const std::size_t n = 1 + pick(8);
        std::string bytes;
        for (std::size_t i = 0; i < n; ++i) bytes.push_back(static_cast<char>(rng_() & 0xff));
        s.insert(pick(s.size() + 1), bytes);
        break;
      }
      case 3:  // delete a range
        if (!s.empty()) {
          const std::size_t at = pick(s.size());
          s.erase(at, 1 + pick(std::min<std::size_t>(64, s.size() - at)));
        }
        break;
      case 4:  // duplicate a range (repetition finds quadratic paths)
        if (!s.empty()) {
          const std::size_t at = pick(s.size());
          const std::size_t len = 1 + pick(std::min<std::size_t>(256, s.size() - at));
          const std::string piece = s.substr(at, len);
          const std::size_t times = 1 + pick(16);
          std::string rep;
          for (std::size_t i = 0; i < times; ++i) rep += piece;
          s.insert(pick(s.size() + 1), rep);
        }
        break;
      case 5:  // truncate
        if (!s.empty()) s.resize(pick(s.size()));
        break;
      default:  // splice a dictionary token
        s.insert(pick(s.size() + 1), dict_[pick(dict_.size())]);
        break;
    }
    if (s.size() > max_size) s.resize(max_size);
  }
  return s;
}

std::vector<std::filesystem::path> corpus_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace codeloom::test
