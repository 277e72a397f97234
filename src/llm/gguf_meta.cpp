#include "gguf_meta.h"

#include "gguf.h"

namespace codeloom::llm::detail {

Error MetaReader::bad(const std::string& key, const std::string& what) const {
  return make_error(ErrorCode::kCorrupt,
                    "model file " + path_ + ": " + key + " " + what + "; the file is corrupt or not a model");
}

Error MetaReader::fail(ErrorCode code, const std::string& what) const {
  return make_error(code, "model file " + path_ + ": " + what);
}

bool MetaReader::has(const std::string& key) const { return gguf_find_key(ctx_, key.c_str()) >= 0; }

// The key's index, -1 when absent and not required; an error when it is
// missing but required or stored with another type.
Result<std::int64_t> MetaReader::find(const std::string& key, int want_type, bool required) const {
  const std::int64_t id = gguf_find_key(ctx_, key.c_str());
  if (id < 0) {
    if (required) return bad(key, "is missing");
    return std::int64_t{-1};
  }
  const gguf_type t = gguf_get_kv_type(ctx_, id);
  if (t != want_type) {
    return bad(key, std::string("has type ") + gguf_type_name(t) + ", expected " +
                        gguf_type_name(static_cast<gguf_type>(want_type)));
  }
  return id;
}

Result<std::optional<std::uint32_t>> MetaReader::u32(const std::string& key, bool required) const {
  auto id = find(key, GGUF_TYPE_UINT32, required);
  if (!id) return id.error();
  if (*id < 0) return std::optional<std::uint32_t>();
  return std::optional<std::uint32_t>(gguf_get_val_u32(ctx_, *id));
}

Result<std::optional<float>> MetaReader::f32(const std::string& key, bool required) const {
  auto id = find(key, GGUF_TYPE_FLOAT32, required);
  if (!id) return id.error();
  if (*id < 0) return std::optional<float>();
  return std::optional<float>(gguf_get_val_f32(ctx_, *id));
}

Result<std::optional<bool>> MetaReader::boolean(const std::string& key, bool required) const {
  auto id = find(key, GGUF_TYPE_BOOL, required);
  if (!id) return id.error();
  if (*id < 0) return std::optional<bool>();
  return std::optional<bool>(gguf_get_val_bool(ctx_, *id));
}

Result<std::optional<std::string>> MetaReader::str(const std::string& key, bool required) const {
  auto id = find(key, GGUF_TYPE_STRING, required);
  if (!id) return id.error();
  if (*id < 0) return std::optional<std::string>();
  return std::optional<std::string>(gguf_get_val_str(ctx_, *id));
}

Result<std::optional<std::vector<std::uint32_t>>> MetaReader::u32_or_array(const std::string& key, std::uint32_t n,
                                                                          bool required) const {
  using Out = std::optional<std::vector<std::uint32_t>>;
  const std::int64_t id = gguf_find_key(ctx_, key.c_str());
  if (id < 0) {
    if (required) return bad(key, "is missing");
    return Out();
  }
  if (gguf_get_kv_type(ctx_, id) != GGUF_TYPE_ARRAY) {
    auto v = u32(key, true);
    if (!v) return v.error();
    return Out(std::vector<std::uint32_t>(n, **v));
  }
  const gguf_type at = gguf_get_arr_type(ctx_, id);
  if (at != GGUF_TYPE_UINT32 && at != GGUF_TYPE_INT32) {
    return bad(key, std::string("is an array of ") + gguf_type_name(at) + ", expected uint32 or int32");
  }
  const std::size_t len = gguf_get_arr_n(ctx_, id);
  if (len != n) {
    return bad(key, "has " + std::to_string(len) + " per-layer values but the model has " + std::to_string(n) +
                        " layers");
  }
  std::vector<std::uint32_t> out(n);
  const auto* data = static_cast<const std::uint32_t*>(gguf_get_arr_data(ctx_, id));
  for (std::uint32_t i = 0; i < n; ++i) out[i] = data[i];
  return Out(std::move(out));
}

}  // namespace codeloom::llm::detail
