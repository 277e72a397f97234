#include "support/gguf_edit.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>

#include "ggml.h"
#include "gguf.h"

namespace codeloom::testing {
namespace {

struct GgufFree {
  void operator()(gguf_context* c) const { gguf_free(c); }
};
struct GgmlFree {
  void operator()(ggml_context* c) const { ggml_free(c); }
};
using GgufPtr = std::unique_ptr<gguf_context, GgufFree>;

Error bad_edit(const std::string& what) { return make_error(ErrorCode::kInvalidArgument, "gguf edit: " + what); }

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) out.push_back(part);
  return out;
}

Status set_value(gguf_context* ctx, const std::string& key, const std::string& type, const std::string& v) {
  const char* k = key.c_str();
  if (type == "u32") {
    gguf_set_val_u32(ctx, k, static_cast<std::uint32_t>(std::strtoull(v.c_str(), nullptr, 0)));
  } else if (type == "i32") {
    gguf_set_val_i32(ctx, k, static_cast<std::int32_t>(std::strtoll(v.c_str(), nullptr, 0)));
  } else if (type == "u64") {
    gguf_set_val_u64(ctx, k, std::strtoull(v.c_str(), nullptr, 0));
  } else if (type == "f32") {
    gguf_set_val_f32(ctx, k, std::strtof(v.c_str(), nullptr));
  } else if (type == "bool") {
    gguf_set_val_bool(ctx, k, v == "true" || v == "1");
  } else if (type == "str") {
    gguf_set_val_str(ctx, k, v.c_str());
  } else {
    return bad_edit("unknown value type '" + type + "'");
  }
  return Status::Ok();
}

std::size_t scalar_size(gguf_type t) {
  switch (t) {
    case GGUF_TYPE_UINT8: case GGUF_TYPE_INT8: case GGUF_TYPE_BOOL: return 1;
    case GGUF_TYPE_UINT16: case GGUF_TYPE_INT16: return 2;
    case GGUF_TYPE_UINT32: case GGUF_TYPE_INT32: case GGUF_TYPE_FLOAT32: return 4;
    default: return 8;
  }
}

Status trim_array(gguf_context* ctx, const std::string& key, std::size_t n) {
  const std::int64_t id = gguf_find_key(ctx, key.c_str());
  if (id < 0 || gguf_get_kv_type(ctx, id) != GGUF_TYPE_ARRAY) return bad_edit(key + " is not an array");
  const std::size_t have = gguf_get_arr_n(ctx, id);
  n = std::min(n, have);
  const gguf_type t = gguf_get_arr_type(ctx, id);
  if (t == GGUF_TYPE_STRING) {
    std::vector<std::string> keep;
    for (std::size_t i = 0; i < n; ++i) keep.emplace_back(gguf_get_arr_str(ctx, id, i));
    std::vector<const char*> ptrs;
    for (const auto& s : keep) ptrs.push_back(s.c_str());
    gguf_set_arr_str(ctx, key.c_str(), ptrs.data(), ptrs.size());
  } else {
    const auto* data = static_cast<const char*>(gguf_get_arr_data(ctx, id));
    std::string copy(data, data + n * scalar_size(t));
    gguf_set_arr_data(ctx, key.c_str(), t, copy.data(), n);
  }
  return Status::Ok();
}

Status set_token(gguf_context* ctx, std::size_t id, std::string text) {
  const std::int64_t k = gguf_find_key(ctx, "tokenizer.ggml.tokens");
  if (k < 0) return bad_edit("no tokenizer.ggml.tokens");
  std::vector<std::string> tokens(gguf_get_arr_n(ctx, k));
  for (std::size_t i = 0; i < tokens.size(); ++i) tokens[i] = gguf_get_arr_str(ctx, k, i);
  if (id >= tokens.size()) return bad_edit("token id out of range");
  if (text == "-") text.clear();
  if (!text.empty() && text[0] == '@') {
    const std::size_t from = std::strtoull(text.c_str() + 1, nullptr, 10);
    if (from >= tokens.size()) return bad_edit("token id out of range");
    text = tokens[from];
  }
  tokens[id] = text;
  std::vector<const char*> ptrs;
  for (const auto& s : tokens) ptrs.push_back(s.c_str());
  gguf_set_arr_str(ctx, "tokenizer.ggml.tokens", ptrs.data(), ptrs.size());
  return Status::Ok();
}

Result<ggml_type> type_by_name(const std::string& name) {
  for (int t = 0; t < GGML_TYPE_COUNT; ++t) {
    const char* n = ggml_type_name(static_cast<ggml_type>(t));
    if (n != nullptr && name == n && ggml_blck_size(static_cast<ggml_type>(t)) > 0) return static_cast<ggml_type>(t);
  }
  return bad_edit("unknown ggml type '" + name + "'");
}

}  // namespace

Result<GgufEdit> parse_gguf_edit(const std::string& line) {
  std::istringstream in(line);
  GgufEdit e;
  in >> e.op;
  for (std::string w; in >> w;) e.args.push_back(w);
  const std::size_t need = e.op == "set" || e.op == "arr" ? 3 : e.op == "del" ? 1 : 2;
  if (e.op != "set" && e.op != "del" && e.op != "arr" && e.op != "trim" && e.op != "token" && e.op != "tensor") {
    return bad_edit("unknown operation in '" + line + "'");
  }
  if (e.args.size() != need) return bad_edit("'" + line + "' needs " + std::to_string(need) + " arguments");
  return e;
}

Status write_edited_gguf(const std::string& src, const GgufEdit& e, const std::string& dst) {
  GgufPtr in(gguf_init_from_file(src.c_str(), {/*no_alloc=*/true, /*ctx=*/nullptr}));
  if (!in) return make_error(ErrorCode::kCorrupt, "gguf edit: cannot read " + src);
  GgufPtr out(gguf_init_empty());
  gguf_set_kv(out.get(), in.get());
  const std::string& key = e.args[0];
  if (e.op == "set") {
    if (Status s = set_value(out.get(), key, e.args[1], e.args[2]); !s) return s;
  } else if (e.op == "del") {
    gguf_remove_key(out.get(), key.c_str());
  } else if (e.op == "arr") {
    const auto words = split(e.args[2], ',');
    std::vector<std::uint32_t> v;
    for (const auto& w : words) v.push_back(static_cast<std::uint32_t>(std::strtoll(w.c_str(), nullptr, 0)));
    gguf_set_arr_data(out.get(), key.c_str(), e.args[1] == "i32" ? GGUF_TYPE_INT32 : GGUF_TYPE_UINT32, v.data(),
                      v.size());
  } else if (e.op == "trim") {
    if (Status s = trim_array(out.get(), key, std::strtoull(e.args[1].c_str(), nullptr, 10)); !s) return s;
  } else if (e.op == "token") {
    if (Status s = set_token(out.get(), std::strtoull(key.c_str(), nullptr, 10), e.args[1]); !s) return s;
  }

  const std::int64_t n = gguf_get_n_tensors(in.get());
  std::unique_ptr<ggml_context, GgmlFree> meta(
      ggml_init({ggml_tensor_overhead() * static_cast<std::size_t>(n + 1), nullptr, /*no_alloc=*/true}));
  bool found = e.op != "tensor";
  for (std::int64_t i = 0; i < n; ++i) {
    const std::string name = gguf_get_tensor_name(in.get(), i);
    const std::int64_t* ne_in = gguf_get_tensor_ne(in.get(), i);
    std::int64_t ne[4] = {ne_in[0], ne_in[1], ne_in[2], ne_in[3]};
    ggml_type type = gguf_get_tensor_type(in.get(), i);
    if (e.op == "tensor" && name == key) {
      found = true;
      const std::string& what = e.args[1];
      if (what == "drop") continue;
      if (what.rfind("ne=", 0) == 0) {
        const auto dims = split(what.substr(3), ',');
        for (int d = 0; d < 4; ++d) ne[d] = d < static_cast<int>(dims.size()) ? std::strtoll(dims[d].c_str(), nullptr, 0) : 1;
      } else if (what.rfind("type=", 0) == 0) {
        auto t = type_by_name(what.substr(5));
        if (!t) return t.error();
        type = *t;
      } else {
        return bad_edit("unknown tensor edit '" + what + "'");
      }
      if (ne[0] % ggml_blck_size(type) != 0) return bad_edit("row size is not a multiple of the type's block");
    }
    ggml_tensor* t = ggml_new_tensor(meta.get(), type, 4, ne);
    ggml_set_name(t, name.c_str());
    gguf_add_tensor(out.get(), t);
  }
  if (!found) return bad_edit("no tensor named '" + key + "'");

  if (!gguf_write_to_file(out.get(), dst.c_str(), /*only_meta=*/true)) {
    return make_error(ErrorCode::kIo, "gguf edit: cannot write " + dst);
  }
  extend_with_zero_tensor_data(dst, UINT64_MAX);
  return Status::Ok();
}

void extend_with_zero_tensor_data(const std::string& path, std::uint64_t max_size) {
  GgufPtr ctx(gguf_init_from_file(path.c_str(), {/*no_alloc=*/true, /*ctx=*/nullptr}));
  if (!ctx) return;
  const std::uint64_t base = gguf_get_data_offset(ctx.get());
  std::uint64_t end = base;
  for (std::int64_t i = 0; i < gguf_get_n_tensors(ctx.get()); ++i) {
    std::uint64_t e = 0;
    if (__builtin_add_overflow(base, gguf_get_tensor_offset(ctx.get(), i), &e) ||
        __builtin_add_overflow(e, gguf_get_tensor_size(ctx.get(), i), &e)) {
      return;
    }
    end = std::max(end, e);
  }
  std::error_code ec;
  const std::uint64_t have = std::filesystem::file_size(path, ec);
  if (ec || end <= have || end > max_size) return;
  (void)::truncate(path.c_str(), static_cast<off_t>(end));
}

}  // namespace codeloom::testing
