// Temp-file-then-rename writes, optionally zstd-compressed.
#include "shard_writer.h"

#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace codeloom::data {

Status write_file_atomic(const std::string& dir, const std::string& name, std::string_view data, int zstd_level) {
  std::string bytes;
  if (zstd_level > 0) {
    bytes.resize(ZSTD_compressBound(data.size()));
    const std::size_t n = ZSTD_compress(bytes.data(), bytes.size(), data.data(), data.size(), zstd_level);
    if (ZSTD_isError(n)) return make_error(ErrorCode::kInternal, std::string("zstd: ") + ZSTD_getErrorName(n));
    bytes.resize(n);
    data = bytes;
  }
  const std::string tmp = dir + "/." + name + ".tmp";
  const std::string final_path = dir + "/" + name;
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return make_error(ErrorCode::kIo, "cannot create " + tmp);
  errno = 0;
  const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size() && std::fflush(f) == 0;
  const bool closed = std::fclose(f) == 0;
  const int err = errno;
  std::error_code ec;
  if (!ok || !closed) {
    std::filesystem::remove(tmp, ec);
    return make_error(ErrorCode::kIo, "write failed: " + tmp + (err ? std::string(" (") + std::strerror(err) + ")" : "") +
                                          "; no complete output was left, free space and re-run");
  }
  std::filesystem::rename(tmp, final_path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return make_error(ErrorCode::kIo, "cannot rename " + tmp + " to " + final_path);
  }
  return {};
}

}  // namespace codeloom::data
