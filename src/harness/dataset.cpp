#include "codeloom/harness/dataset.h"

#include <openssl/evp.h>
#include <zlib.h>

#include <cstdio>
#include <memory>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

namespace codeloom::harness {

Result<std::string> read_maybe_gz(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return make_error(ErrorCode::kNotFound, "benchmark file not found: " + path);
  }
  // gzread passes uncompressed files through unchanged.
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return make_error(ErrorCode::kIo, "cannot open " + path);
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  const bool ok = n == 0;
  gzclose(f);
  if (!ok) return make_error(ErrorCode::kIo, "cannot read (bad gzip data?) " + path);
  return out;
}

namespace {

void add_record(const Benchmark& bench, std::string_view record, const std::string& where, ProblemSet& set,
                std::set<std::string>& seen) {
  Result<Problem> p = bench.parse(record);
  if (!p) {
    set.malformed.push_back(where + ": " + p.error().message);
  } else if (!seen.insert(p->task_id).second) {
    set.malformed.push_back(where + ": duplicate task_id " + p->task_id);
  } else {
    set.problems.push_back(std::move(*p));
  }
}

}  // namespace

ProblemSet parse_problems(const Benchmark& bench, const std::string& text) {
  ProblemSet set;
  std::set<std::string> seen;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '[') {
    nlohmann::json all = nlohmann::json::parse(text, nullptr, false);
    if (all.is_discarded() || !all.is_array()) {
      set.malformed.push_back("file: not a valid JSON array");
      return set;
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
      add_record(bench, all[i].dump(), "record " + std::to_string(i + 1), set, seen);
    }
    return set;
  }
  std::size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    ++line_no;
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    add_record(bench, line, "line " + std::to_string(line_no), set, seen);
  }
  return set;
}

Result<ProblemSet> load_problems(const Benchmark& bench, const std::string& path) {
  Result<std::string> text = read_maybe_gz(path);
  if (!text) return text.error();
  ProblemSet set = parse_problems(bench, *text);
  if (set.problems.empty()) {
    std::string why = set.malformed.empty() ? "no records" : set.malformed.front();
    return make_error(ErrorCode::kCorrupt, path + ": no " + bench.name + " problem could be read (" + why + ")");
  }
  return set;
}

std::string default_data_path(const Benchmark& bench, const std::string& data_root) {
  return data_root + "/" + bench.default_file;
}

Result<std::string> file_sha256(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return make_error(ErrorCode::kNotFound, "benchmark file not found: " + path);
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return make_error(ErrorCode::kIo, "cannot open " + path);
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  bool ok = ctx && EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) == 1;
  char buf[1 << 16];
  std::size_t n;
  while (ok && (n = std::fread(buf, 1, sizeof buf, f)) > 0) ok = EVP_DigestUpdate(ctx.get(), buf, n) == 1;
  ok = ok && std::ferror(f) == 0;
  std::fclose(f);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!ok || EVP_DigestFinal_ex(ctx.get(), md, &len) != 1) return make_error(ErrorCode::kIo, "cannot read " + path);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(hex[md[i] >> 4]);
    out.push_back(hex[md[i] & 15]);
  }
  return out;
}

Status verify_default_file(const Benchmark& bench, const std::string& path) {
  Result<std::string> got = file_sha256(path);
  if (!got) return got.error();
  if (*got != bench.default_sha256) {
    return make_error(ErrorCode::kCorrupt,
                      path + ": sha256 " + *got + " differs from the shipped " + bench.name + " file (" +
                          bench.default_sha256 + "); restore it (git checkout data/benchmarks) or pass "
                          "your own file with --data");
  }
  return Status();
}

}  // namespace codeloom::harness
