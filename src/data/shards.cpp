// Reads zstd JSONL shards written by mine(). A shard is one zstd frame
// (shard_writer.cpp), but we stream-decompress so a frame without a recorded
// content size (e.g. recompressed with the zstd CLI) reads too.
#include "codeloom/data/shards.h"

#include <zstd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>

namespace codeloom::data {
namespace fs = std::filesystem;

namespace {

Result<std::string> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot read shard " + path);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return make_error(ErrorCode::kIo, "error reading shard " + path);
  return bytes;
}

Result<std::string> decompress(const std::string& path, const std::string& z) {
  std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (!dctx) return make_error(ErrorCode::kInternal, "zstd: out of memory");
  std::string out;
  std::string chunk(ZSTD_DStreamOutSize(), '\0');
  ZSTD_inBuffer in{z.data(), z.size(), 0};
  std::size_t last = 1;
  while (in.pos < in.size) {
    ZSTD_outBuffer o{chunk.data(), chunk.size(), 0};
    last = ZSTD_decompressStream(dctx.get(), &o, &in);
    if (ZSTD_isError(last))
      return make_error(ErrorCode::kCorrupt, path + ": not a valid zstd shard (" + ZSTD_getErrorName(last) + ")");
    out.append(chunk.data(), o.pos);
  }
  // Flush what the decoder still holds for the current frame.
  while (last != 0) {
    ZSTD_outBuffer o{chunk.data(), chunk.size(), 0};
    last = ZSTD_decompressStream(dctx.get(), &o, &in);
    if (ZSTD_isError(last))
      return make_error(ErrorCode::kCorrupt, path + ": not a valid zstd shard (" + ZSTD_getErrorName(last) + ")");
    if (o.pos == 0) break;
    out.append(chunk.data(), o.pos);
  }
  if (last != 0) return make_error(ErrorCode::kCorrupt, path + ": truncated zstd shard (the write did not finish)");
  return out;
}

}  // namespace

Result<std::vector<std::string>> list_shards(const std::string& dir, const std::string& split) {
  if (split != "train" && split != "val" && split != "test")
    return make_error(ErrorCode::kInvalidArgument, "unknown split '" + split + "'; use train, val or test");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return make_error(ErrorCode::kNotFound,
                      "corpus directory '" + dir + "' does not exist; make one with `codeloom data mine PATHS --out " +
                          dir + "`");
  const std::regex pattern(split + R"(-\d{5}\.jsonl\.zst)");
  std::vector<std::string> shards;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (std::regex_match(name, pattern)) shards.push_back(entry.path().string());
  }
  if (ec) return make_error(ErrorCode::kIo, "cannot list " + dir + ": " + ec.message());
  // stats.json is written last: without it the mining run did not finish, and its
  // shard list must match the directory (no shard missing, none from another run).
  const fs::path stats_path = fs::path(dir) / "stats.json";
  std::ifstream stats_in(stats_path, std::ios::binary);
  if (!stats_in)
    return make_error(ErrorCode::kNotFound, "corpus '" + dir +
                                                "' is incomplete: no stats.json (was `codeloom data mine` "
                                                "interrupted? re-run it into the same --out directory)");
  const auto stats = nlohmann::json::parse(stats_in, nullptr, false);
  if (stats.is_discarded() || !stats.is_object() || !stats.contains("shards") || !stats["shards"].is_array())
    return make_error(ErrorCode::kCorrupt, stats_path.string() + " is not a codeloom data mine stats file");
  std::vector<std::string> listed;
  for (const auto& name : stats["shards"])
    if (name.is_string() && std::regex_match(name.get<std::string>(), pattern))
      listed.push_back((fs::path(dir) / name.get<std::string>()).string());
  std::sort(listed.begin(), listed.end());
  std::sort(shards.begin(), shards.end());
  if (listed != shards)
    return make_error(ErrorCode::kCorrupt, "corpus '" + dir + "': stats.json lists " + std::to_string(listed.size()) +
                                               " " + split + " shards but the directory holds " +
                                               std::to_string(shards.size()) +
                                               " (files removed or added by hand? re-run `codeloom data mine`)");
  if (shards.empty())
    return make_error(ErrorCode::kNotFound, "no " + split + "-NNNNN.jsonl.zst shard in '" + dir +
                                                "'; is it the --out directory of `codeloom data mine`?");
  return shards;
}

Result<std::vector<CorpusSample>> read_shard(const std::string& path) {
  auto z = read_bytes(path);
  if (!z) return z.error();
  auto text = decompress(path, *z);
  if (!text) return text.error();
  std::vector<CorpusSample> samples;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  const std::string& t = *text;
  while (pos < t.size()) {
    std::size_t end = t.find('\n', pos);
    if (end == std::string::npos) end = t.size();
    ++line_no;
    if (end > pos) {
      const auto j = nlohmann::json::parse(t.begin() + static_cast<std::ptrdiff_t>(pos),
                                           t.begin() + static_cast<std::ptrdiff_t>(end), nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string())
        return make_error(ErrorCode::kCorrupt,
                          path + ":" + std::to_string(line_no) + ": not a corpus sample (a JSON object with \"text\")");
      CorpusSample s;
      s.text = j["text"].get<std::string>();
      auto str = [&j](const char* key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
      };
      s.id = str("id");
      s.language = str("language");
      s.name = str("name");
      s.path = str("path");
      s.split = str("split");
      if (auto it = j.find("tokens"); it != j.end() && it->is_number_unsigned()) s.tokens = it->get<std::size_t>();
      samples.push_back(std::move(s));
    }
    pos = end + 1;
  }
  return samples;
}

Status for_each_sample(const std::string& dir, const std::string& split,
                       const std::function<void(const CorpusSample&)>& fn) {
  auto shards = list_shards(dir, split);
  if (!shards) return shards.error();
  for (const std::string& path : *shards) {
    auto samples = read_shard(path);
    if (!samples) return samples.error();
    for (const CorpusSample& s : *samples) fn(s);
  }
  return Status::Ok();
}

}  // namespace codeloom::data
