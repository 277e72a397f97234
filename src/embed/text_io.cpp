// word2vec text format: "N D\n" then "token v1 ... vD\n" per row.
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "codeloom/embed/embeddings.h"

namespace codeloom::embed {

Status save_text(const Embeddings& e, const std::string& path) {
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return make_error(ErrorCode::kIo, "cannot write '" + tmp + "': " + std::strerror(errno));
  std::string line;
  char num[32];
  bool ok = std::fprintf(f, "%zu %d\n", e.size(), e.dim) > 0;
  for (std::size_t i = 0; ok && i < e.size(); ++i) {
    line = e.tokens[i];
    for (float x : e.row(i)) {
      // Shortest representation that reads back to the same float.
      auto [end, ec] = std::to_chars(num, num + sizeof num, x);
      line.push_back(' ');
      line.append(num, end);
    }
    line.push_back('\n');
    ok = std::fwrite(line.data(), 1, line.size(), f) == line.size();
  }
  ok = ok && std::fflush(f) == 0;
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return make_error(ErrorCode::kIo, "cannot write '" + path + "' (disk full or not writable?)");
  }
  return Status::Ok();
}

Result<Embeddings> load_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kNotFound, "cannot open embedding file '" + path + "'");
  auto corrupt = [&](std::size_t line, const std::string& what) {
    return make_error(ErrorCode::kCorrupt, "'" + path + "' line " + std::to_string(line) +
                                               ": " + what + " (expected a .c2v model or word2vec text: "
                                               "\"N D\" then \"token v1 ... vD\")");
  };
  std::string line;
  if (!std::getline(in, line)) return corrupt(1, "empty file");
  std::size_t n = 0, d = 0;
  {
    const char* p = line.data();
    const char* end = p + line.size();
    auto r1 = std::from_chars(p, end, n);
    if (r1.ec != std::errc() || r1.ptr == end || *r1.ptr != ' ') return corrupt(1, "bad header");
    auto r2 = std::from_chars(r1.ptr + 1, end, d);
    if (r2.ec != std::errc() || d == 0 || d > 65536) return corrupt(1, "bad header");
  }
  Embeddings e;
  e.dim = static_cast<int>(d);
  e.options.dim = e.dim;
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::getline(in, line)) return corrupt(i + 2, "file ends after " + std::to_string(i) + " of " + std::to_string(n) + " rows");
    const std::size_t sp = line.find(' ');
    if (sp == std::string::npos || sp == 0) return corrupt(i + 2, "no token");
    e.tokens.push_back(line.substr(0, sp));
    const char* p = line.data() + sp;
    const char* end = line.data() + line.size();
    for (std::size_t j = 0; j < d; ++j) {
      while (p < end && *p == ' ') ++p;
      float x = 0;
      auto r = std::from_chars(p, end, x);
      if (r.ec != std::errc()) return corrupt(i + 2, "expected " + std::to_string(d) + " numbers");
      e.vectors.push_back(x);
      p = r.ptr;
    }
    while (p < end && (*p == ' ' || *p == '\r')) ++p;
    if (p != end) return corrupt(i + 2, "more than " + std::to_string(d) + " numbers");
  }
  e.counts.assign(e.tokens.size(), 0);
  e.build_index();
  return e;
}

}  // namespace codeloom::embed
