#include "codeloom/train/checkpoint.h"

#include <xxhash.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace codeloom::train {
namespace {

constexpr char kMagic[8] = {'C', 'L', 'C', 'K', 'P', 'T', 0, 0};

class Writer {
 public:
  template <typename T>
  void pod(T v) { buf_.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(const std::string& s) { pod<std::uint64_t>(s.size()); buf_ += s; }
  void tensor(const TensorRecord& t) {
    str(t.name);
    pod<std::uint32_t>(static_cast<std::uint32_t>(t.shape.size()));
    for (std::int64_t d : t.shape) pod(d);
    pod<std::uint64_t>(t.data.size());
    buf_.append(reinterpret_cast<const char*>(t.data.data()), t.data.size() * sizeof(float));
  }
  std::string& buf() { return buf_; }

 private:
  std::string buf_;
};

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  template <typename T>
  bool pod(T& v) {
    if (b_.size() - pos_ < sizeof v) return false;
    std::memcpy(&v, b_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return true;
  }
  bool str(std::string& s) {
    std::uint64_t n = 0;
    if (!pod(n) || n > b_.size() - pos_) return false;
    s.assign(b_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool tensor(TensorRecord& t) {
    std::uint32_t rank = 0;
    if (!str(t.name) || !pod(rank) || rank > 8) return false;
    t.shape.resize(rank);
    std::uint64_t expect = 1;
    for (auto& d : t.shape) {
      if (!pod(d) || d < 0) return false;
      expect *= static_cast<std::uint64_t>(d);
    }
    std::uint64_t n = 0;
    if (!pod(n) || n != expect || n > (b_.size() - pos_) / sizeof(float)) return false;
    t.data.resize(n);
    std::memcpy(t.data.data(), b_.data() + pos_, n * sizeof(float));
    pos_ += n * sizeof(float);
    return true;
  }
  bool done() const { return pos_ == b_.size(); }

 private:
  std::string_view b_;
  std::size_t pos_ = 0;
};

}  // namespace

const TensorRecord* Checkpoint::find_model(const std::string& name) const {
  for (const TensorRecord& t : model)
    if (t.name == name) return &t;
  return nullptr;
}

Status save_checkpoint(const std::string& path, const Checkpoint& ck) {
  Writer w;
  w.str(ck.recipe_toml);
  w.pod(ck.step);
  w.pod(ck.data_position);
  w.pod(ck.tokens_seen);
  w.pod(ck.world_size);
  w.str(ck.rng_state);
  for (const auto* list : {&ck.model, &ck.optimizer}) {
    w.pod<std::uint64_t>(list->size());
    for (const TensorRecord& t : *list) w.tensor(t);
  }
  const std::string& payload = w.buf();
  const std::uint64_t hash = XXH64(payload.data(), payload.size(), 0);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return make_error(ErrorCode::kIo, "cannot write checkpoint '" + tmp + "'");
    const std::uint32_t version = kCheckpointVersion;
    const std::uint64_t size = payload.size();
    out.write(kMagic, sizeof kMagic);
    out.write(reinterpret_cast<const char*>(&version), sizeof version);
    out.write(reinterpret_cast<const char*>(&size), sizeof size);
    out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    out.write(reinterpret_cast<const char*>(&hash), sizeof hash);
    out.flush();
    if (!out) return make_error(ErrorCode::kIo, "writing checkpoint '" + tmp + "' failed (disk full?)");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot rename '" + tmp + "' to '" + path + "': " + ec.message());
  return Status::Ok();
}

Result<Checkpoint> load_checkpoint(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kNotFound, "checkpoint '" + path + "' not found");
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string file = ss.str();
  auto corrupt = [&](const std::string& why) {
    return make_error(ErrorCode::kCorrupt, "checkpoint '" + path + "' is corrupt: " + why);
  };
  constexpr std::size_t kHeader = sizeof kMagic + 4 + 8;
  if (file.size() < kHeader + 8 || std::memcmp(file.data(), kMagic, sizeof kMagic) != 0)
    return corrupt("not a codeloom checkpoint (bad magic or too short)");
  std::uint32_t version = 0;
  std::uint64_t size = 0;
  std::memcpy(&version, file.data() + sizeof kMagic, 4);
  std::memcpy(&size, file.data() + sizeof kMagic + 4, 8);
  if (version > kCheckpointVersion)
    return make_error(ErrorCode::kUnsupported, "checkpoint '" + path + "' has format version " +
                                                   std::to_string(version) + "; this codeloom reads up to " +
                                                   std::to_string(kCheckpointVersion));
  if (size != file.size() - kHeader - 8) return corrupt("truncated (payload size does not match the file)");
  const std::string_view payload(file.data() + kHeader, size);
  std::uint64_t stored = 0;
  std::memcpy(&stored, file.data() + kHeader + size, 8);
  if (XXH64(payload.data(), payload.size(), 0) != stored) return corrupt("xxh64 checksum mismatch");
  Checkpoint ck;
  ck.version = version;
  Reader r(payload);
  if (!r.str(ck.recipe_toml) || !r.pod(ck.step) || !r.pod(ck.data_position) || !r.pod(ck.tokens_seen) ||
      !r.pod(ck.world_size) || !r.str(ck.rng_state))
    return corrupt("malformed header fields");
  for (auto* list : {&ck.model, &ck.optimizer}) {
    std::uint64_t n = 0;
    if (!r.pod(n) || n > payload.size()) return corrupt("malformed tensor count");
    list->resize(n);
    for (TensorRecord& t : *list)
      if (!r.tensor(t)) return corrupt("malformed tensor record");
  }
  if (!r.done()) return corrupt("trailing bytes after the last tensor");
  return ck;
}

}  // namespace codeloom::train
