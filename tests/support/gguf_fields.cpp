#include "support/gguf_fields.h"

#include <cmath>
#include <cstring>
#include <limits>

namespace codeloom::testing {
namespace {

class Walker {
 public:
  explicit Walker(const std::string& b) : b_(b) {}
  bool u32(std::uint32_t& v) { return read(&v, 4); }
  bool u64(std::uint64_t& v) { return read(&v, 8); }
  bool skip(std::uint64_t n) {
    if (n > b_.size() - pos_) return false;
    pos_ += static_cast<std::size_t>(n);
    return true;
  }
  bool str(std::string& s, std::vector<GgufField>* out, const std::string& what) {
    const std::size_t at = pos_;
    std::uint64_t n = 0;
    if (!u64(n) || n > b_.size() - pos_) return false;
    if (out) out->push_back({at, 8, false, false, what + " length"});
    s.assign(b_, pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return true;
  }
  std::size_t pos() const { return pos_; }

 private:
  bool read(void* v, std::size_t n) {
    if (n > b_.size() - pos_) return false;
    std::memcpy(v, b_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  const std::string& b_;
  std::size_t pos_ = 0;
};

int scalar_width(std::uint32_t type) {
  switch (type) {
    case 0: case 1: case 7: return 1;   // u8 i8 bool
    case 2: case 3: return 2;           // u16 i16
    case 4: case 5: case 6: return 4;   // u32 i32 f32
    case 10: case 11: case 12: return 8;  // u64 i64 f64
    default: return 0;
  }
}

}  // namespace

std::vector<GgufField> gguf_fields(const std::string& bytes) {
  std::vector<GgufField> f;
  Walker w(bytes);
  std::uint32_t magic = 0, version = 0;
  std::uint64_t n_tensors = 0, n_kv = 0;
  if (!w.u32(magic) || !w.u32(version)) return f;
  f.push_back({4, 4, false, false, "version"});
  if (!w.u64(n_tensors)) return f;
  f.push_back({8, 8, false, false, "n_tensors"});
  if (!w.u64(n_kv)) return f;
  f.push_back({16, 8, false, false, "n_kv"});
  for (std::uint64_t i = 0; i < n_kv; ++i) {
    std::string key, s;
    if (!w.str(key, &f, "key")) return f;
    std::uint32_t type = 0;
    const std::size_t type_at = w.pos();
    if (!w.u32(type)) return f;
    f.push_back({type_at, 4, false, false, "kv " + key + " type"});
    if (type == 8) {
      if (!w.str(s, &f, "kv " + key)) return f;
    } else if (type == 9) {
      std::uint32_t et = 0;
      std::uint64_t n = 0;
      const std::size_t et_at = w.pos();
      if (!w.u32(et)) return f;
      f.push_back({et_at, 4, false, false, "kv " + key + " element type"});
      const std::size_t n_at = w.pos();
      if (!w.u64(n)) return f;
      f.push_back({n_at, 8, false, false, "kv " + key + " array length"});
      for (std::uint64_t j = 0; j < n; ++j) {
        if (et == 8) {
          if (!w.str(s, j < 8 ? &f : nullptr, "kv " + key + "[" + std::to_string(j) + "]")) return f;
        } else {
          const int wd = scalar_width(et);
          if (wd == 0) return f;
          if (j < 8) f.push_back({w.pos(), wd, et == 6 || et == 12, true, "kv " + key + "[" + std::to_string(j) + "]"});
          if (!w.skip(static_cast<std::uint64_t>(wd) * (n - j))) return f;
          break;
        }
      }
    } else {
      const int wd = scalar_width(type);
      if (wd == 0) return f;
      f.push_back({w.pos(), wd, type == 6 || type == 12, true, "kv " + key});
      if (!w.skip(static_cast<std::uint64_t>(wd))) return f;
    }
  }
  for (std::uint64_t i = 0; i < n_tensors; ++i) {
    std::string name;
    if (!w.str(name, &f, "tensor name")) return f;
    std::uint32_t n_dims = 0;
    const std::size_t dims_at = w.pos();
    if (!w.u32(n_dims)) return f;
    f.push_back({dims_at, 4, false, false, "tensor " + name + " n_dims"});
    for (std::uint32_t d = 0; d < n_dims && d < 4; ++d) {
      f.push_back({w.pos(), 8, false, false, "tensor " + name + " ne[" + std::to_string(d) + "]"});
      if (!w.skip(8)) return f;
    }
    f.push_back({w.pos(), 4, false, false, "tensor " + name + " type"});
    if (!w.skip(4)) return f;
    f.push_back({w.pos(), 8, false, false, "tensor " + name + " offset"});
    if (!w.skip(8)) return f;
  }
  return f;
}

std::string mutate_gguf_field(std::string& bytes, const std::vector<GgufField>& fields, std::mt19937_64& rng) {
  if (fields.empty()) return {};
  std::vector<std::size_t> values;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].is_value) values.push_back(i);
  }
  const GgufField& fd = !values.empty() && rng() % 2 == 0 ? fields[values[rng() % values.size()]]
                                                          : fields[rng() % fields.size()];
  if (fd.offset + static_cast<std::size_t>(fd.width) > bytes.size()) return {};
  char* p = bytes.data() + fd.offset;
  if (fd.is_float && fd.width == 4) {
    float cur = 0;
    std::memcpy(&cur, p, 4);
    const float choices[] = {0.0f, -1.0f, std::numeric_limits<float>::quiet_NaN(),
                             std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(),
                             1e30f, 1e-30f, -cur, cur * 1000.0f};
    const float v = choices[rng() % (sizeof choices / sizeof choices[0])];
    std::memcpy(p, &v, 4);
    return fd.what;
  }
  std::uint64_t cur = 0;
  std::memcpy(&cur, p, static_cast<std::size_t>(fd.width));
  const std::uint64_t choices[] = {0, 1, 2, 3, 7, 8, 16, 255, 256, 512, 513, 1024, 0x7fffffffull, 0x80000000ull,
                                   0xffffffffull, 0x100000000ull, 0x7fffffffffffffffull, ~0ull, cur + 1, cur - 1,
                                   cur * 2, cur / 2, rng()};
  const std::uint64_t v = choices[rng() % (sizeof choices / sizeof choices[0])];
  std::memcpy(p, &v, static_cast<std::size_t>(fd.width));  // little-endian: the low bytes
  return fd.what;
}

}  // namespace codeloom::testing
