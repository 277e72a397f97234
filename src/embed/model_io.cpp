// The .c2v binary model file (format version 1, docs/embed.md):
//
//   offset  size  field
//   0       8     magic "C2VEMBD\0"
//   8       4     u32 format version
//   12      4     u32 dim
//   16      8     u64 vocabulary size V
//   24      8     u64 train_words (corpus tokens per epoch)
//   32      72    options: u32 window, negative, epochs, threads; f64 sample, alpha,
//                 min_alpha; u64 min_count, max_vocab, seed, sync_words; u8 hogwild + 7 zero bytes
//   104     ...   V x (u32 byte length, token bytes, u64 count)
//   ...     V*dim*4  float32 input vectors, row-major
//   end-8   8     u64 xxh64 (seed 0) of every byte before it
//
// All integers and floats little-endian.
#include <xxhash.h>

#include <bit>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "codeloom/embed/embeddings.h"

namespace codeloom::embed {
namespace {

constexpr char kMagic[8] = {'C', '2', 'V', 'E', 'M', 'B', 'D', '\0'};
constexpr std::size_t kHeaderBytes = 104;
static_assert(std::endian::native == std::endian::little, "the .c2v writer assumes a little-endian host");

class Writer {
 public:
  template <class T>
  void put(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const char*>(&v);
    buf_.append(p, sizeof(T));
  }
  void bytes(const void* p, std::size_t n) {
    const auto* c = static_cast<const char*>(p);
    buf_.append(c, n);
  }
  std::string& data() { return buf_; }

 private:
  std::string buf_;
};

class Reader {
 public:
  Reader(const std::string& data, std::size_t end) : data_(data), end_(end) {}
  template <class T>
  bool get(T* v) {
    if (end_ - pos_ < sizeof(T)) return false;
    std::memcpy(v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool bytes(void* out, std::size_t n) {
    if (end_ - pos_ < n) return false;
    std::memcpy(out, data_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  std::size_t pos() const { return pos_; }
  std::size_t left() const { return end_ - pos_; }

 private:
  const std::string& data_;
  std::size_t end_;
  std::size_t pos_ = 0;
};

}  // namespace

Status save(const Embeddings& e, const std::string& path) {
  if (e.dim <= 0 || e.vectors.size() != e.tokens.size() * static_cast<std::size_t>(e.dim) ||
      e.counts.size() != e.tokens.size()) {
    return make_error(ErrorCode::kInvalidArgument, "embeddings are inconsistent (vectors/tokens/counts sizes)");
  }
  Writer w;
  w.bytes(kMagic, sizeof kMagic);
  w.put<std::uint32_t>(kFormatVersion);
  w.put<std::uint32_t>(static_cast<std::uint32_t>(e.dim));
  w.put<std::uint64_t>(e.tokens.size());
  w.put<std::uint64_t>(e.train_words);
  const TrainOptions& o = e.options;
  w.put<std::uint32_t>(static_cast<std::uint32_t>(o.window));
  w.put<std::uint32_t>(static_cast<std::uint32_t>(o.negative));
  w.put<std::uint32_t>(static_cast<std::uint32_t>(o.epochs));
  w.put<std::uint32_t>(static_cast<std::uint32_t>(o.threads));
  w.put<double>(o.sample);
  w.put<double>(o.alpha);
  w.put<double>(o.min_alpha);
  w.put<std::uint64_t>(o.min_count);
  w.put<std::uint64_t>(o.max_vocab);
  w.put<std::uint64_t>(o.seed);
  w.put<std::uint64_t>(o.sync_words);
  w.put<std::uint8_t>(o.hogwild ? 1 : 0);
  for (int i = 0; i < 7; ++i) w.put<std::uint8_t>(0);
  for (std::size_t i = 0; i < e.tokens.size(); ++i) {
    w.put<std::uint32_t>(static_cast<std::uint32_t>(e.tokens[i].size()));
    w.bytes(e.tokens[i].data(), e.tokens[i].size());
    w.put<std::uint64_t>(e.counts[i]);
  }
  w.bytes(e.vectors.data(), e.vectors.size() * sizeof(float));
  w.put<std::uint64_t>(XXH64(w.data().data(), w.data().size(), 0));

  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return make_error(ErrorCode::kIo, "cannot write '" + tmp + "': " + std::strerror(errno));
  const bool ok = std::fwrite(w.data().data(), 1, w.data().size(), f) == w.data().size() && std::fflush(f) == 0;
  const bool closed = std::fclose(f) == 0;
  if (!ok || !closed || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return make_error(ErrorCode::kIo, "cannot write '" + path + "' (disk full or not writable?)");
  }
  return Status::Ok();
}

static Result<Embeddings> load_binary(const std::string& path, const std::string& data) {
  auto corrupt = [&](const std::string& what) {
    std::string m = "'";
    m += path;
    m += "' is not a valid codeloom embedding file: ";
    m += what;
    return make_error(ErrorCode::kCorrupt, m);
  };
  if (data.size() < kHeaderBytes + 8) return corrupt("truncated header (" + std::to_string(data.size()) + " bytes)");
  std::uint32_t version = 0;
  std::memcpy(&version, data.data() + 8, 4);
  if (version == 0 || version > kFormatVersion) {
    std::string m = "'";
    m += path;
    m += "' has format version " + std::to_string(version) + "; this codeloom reads versions 1.." +
         std::to_string(kFormatVersion) + " (upgrade codeloom)";
    return make_error(ErrorCode::kUnsupported, m);
  }
  std::uint64_t stored = 0;
  std::memcpy(&stored, data.data() + data.size() - 8, 8);
  if (XXH64(data.data(), data.size() - 8, 0) != stored)
    return corrupt("checksum mismatch (the file is truncated or was modified); retrain or copy it again");

  Reader r(data, data.size() - 8);
  char magic[8];
  Embeddings e;
  std::uint32_t dim = 0, window = 0, negative = 0, epochs = 0, threads = 0;
  std::uint64_t vocab = 0;
  std::uint8_t hogwild = 0, pad[7];
  TrainOptions& o = e.options;
  bool ok = r.bytes(magic, 8) && r.get(&version) && r.get(&dim) && r.get(&vocab) && r.get(&e.train_words) &&
            r.get(&window) && r.get(&negative) && r.get(&epochs) && r.get(&threads) && r.get(&o.sample) &&
            r.get(&o.alpha) && r.get(&o.min_alpha) && r.get(&o.min_count) && r.get(&o.max_vocab) &&
            r.get(&o.seed) && r.get(&o.sync_words) && r.get(&hogwild) && r.bytes(pad, 7);
  if (!ok) return corrupt("truncated header");
  if (dim == 0 || dim > 65536) return corrupt("dimension " + std::to_string(dim) + " out of range");
  // Each token takes at least 12 bytes plus its row: bounds V before allocating.
  if (vocab > r.left() / (12 + 4ull * dim)) return corrupt("vocabulary size " + std::to_string(vocab) + " exceeds the file");
  e.dim = static_cast<int>(dim);
  o.dim = e.dim;
  o.window = static_cast<int>(window);
  o.negative = static_cast<int>(negative);
  o.epochs = static_cast<int>(epochs);
  o.threads = static_cast<int>(threads);
  o.hogwild = hogwild != 0;
  e.tokens.resize(vocab);
  e.counts.resize(vocab);
  for (std::uint64_t i = 0; i < vocab; ++i) {
    std::uint32_t len = 0;
    if (!r.get(&len) || len > r.left()) return corrupt("truncated vocabulary at token " + std::to_string(i));
    e.tokens[i].resize(len);
    if (!r.bytes(e.tokens[i].data(), len) || !r.get(&e.counts[i]))
      return corrupt("truncated vocabulary at token " + std::to_string(i));
  }
  const std::uint64_t floats = vocab * dim;
  if (r.left() != floats * sizeof(float)) {
    return corrupt("expected " + std::to_string(floats * sizeof(float)) + " bytes of vectors, found " +
                   std::to_string(r.left()));
  }
  e.vectors.resize(floats);
  if (floats != 0 && !r.bytes(e.vectors.data(), floats * sizeof(float))) return corrupt("truncated vectors");
  e.build_index();
  return e;
}

Result<Embeddings> load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kNotFound, "cannot open embedding model '" + path + "'");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return make_error(ErrorCode::kIo, "error reading '" + path + "'");
  if (data.size() >= 8 && std::memcmp(data.data(), kMagic, 8) == 0) return load_binary(path, data);
  // Anything else is read as word2vec text (e.g. gensim's save_word2vec_format).
  return load_text(path);
}

}  // namespace codeloom::embed
