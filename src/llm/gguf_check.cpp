#include "gguf_check.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>

#include "backend.h"
#include "gguf.h"
#include "gguf_model_check.h"

namespace codeloom::llm::detail {
namespace {

namespace fs = std::filesystem;

Error corrupt(const std::string& path, const std::string& what) {
  return make_error(ErrorCode::kCorrupt, "model file " + path + " " + what);
}

// A hint for files that are models, just not GGUF ones.
std::string magic_hint(const unsigned char* m, std::size_t n) {
  if (n >= 4) {
    const std::string s(reinterpret_cast<const char*>(m), 4);
    if (s == "ggjt" || s == "tjgg" || s == "ggml" || s == "lmgg" || s == "ggmf" || s == "fmgg") {
      return " (it is a pre-GGUF ggml file; convert it with llama.cpp's convert scripts)";
    }
    if (s == "FUGG") return " (byte-swapped GGUF: big-endian files are not supported)";
    if (m[0] == 'P' && m[1] == 'K') return " (it looks like a zip/PyTorch archive; convert it to GGUF first)";
  }
  if (n >= 8 && m[0] != 0 && m[7] == 0 && m[5] == 0) {
    return " (it may be a .safetensors file; convert it to GGUF first)";
  }
  bool text = n > 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (m[i] < 0x09 || (m[i] > 0x0d && m[i] < 0x20)) text = false;
  }
  if (text) return " (it looks like a text file, e.g. a Git LFS pointer or an HTML error page)";
  return "";
}

std::uint32_t read_le32(const unsigned char* p) {
  return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
         (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

struct GgufFree {
  void operator()(gguf_context* c) const { gguf_free(c); }
};

}  // namespace

Result<GgufSummary> check_gguf_file(const std::string& path, bool vocab_only) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    if (ec && ec != std::errc::no_such_file_or_directory) {
      return make_error(ErrorCode::kIo, "cannot access model file " + path + ": " + ec.message());
    }
    return make_error(ErrorCode::kNotFound, "model file " + path + " does not exist; check the path (--model)");
  }
  if (fs::is_directory(st)) {
    return make_error(ErrorCode::kInvalidArgument, "model path " + path + " is a directory; pass the .gguf file inside it");
  }
  if (!fs::is_regular_file(st)) {
    return make_error(ErrorCode::kIo, "model path " + path + " is not a regular file");
  }
  GgufSummary out;
  out.file_size = fs::file_size(path, ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot read the size of model file " + path + ": " + ec.message());

  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(ErrorCode::kIo, "cannot open model file " + path + ": " + std::strerror(errno));
  }
  if (out.file_size == 0) return corrupt(path, "is empty (0 bytes); the download or copy did not finish");
  unsigned char head[8] = {};
  in.read(reinterpret_cast<char*>(head), sizeof head);
  const auto got = static_cast<std::size_t>(in.gcount());
  if (got >= 4 && std::memcmp(head, "GGUF", 4) != 0) {
    return corrupt(path, "is not a GGUF file (bad magic)" + magic_hint(head, got));
  }
  if (got < 4) {
    return corrupt(path, "is truncated: " + std::to_string(got) + " bytes, too short for a GGUF header");
  }
  if (got < 8) return corrupt(path, "is truncated inside the GGUF header (" + std::to_string(got) + " bytes)");
  out.version = read_le32(head + 4);
  if (out.version < 2 || out.version > GGUF_VERSION) {
    return corrupt(path, "has unsupported GGUF version " + std::to_string(out.version) +
                             " (supported: 2.." + std::to_string(GGUF_VERSION) +
                             "); re-convert it with a current llama.cpp");
  }

  // ggml's reader bounds-checks every length against the remaining file size
  // and returns NULL (never aborts) on a malformed header or metadata.
  std::unique_ptr<gguf_context, GgufFree> ctx;
  std::string why;
  {
    LogCapture capture;
    ctx.reset(gguf_init_from_file(path.c_str(), {/*no_alloc=*/true, /*ctx=*/nullptr}));
    why = capture.text();
  }
  if (!ctx) {
    return corrupt(path, "has a truncated or malformed GGUF header/metadata" +
                             (why.empty() ? std::string() : " (" + why + ")") + "; re-download it");
  }
  out.n_tensors = gguf_get_n_tensors(ctx.get());
  out.n_kv = gguf_get_n_kv(ctx.get());
  out.data_offset = gguf_get_data_offset(ctx.get());

  // Tensor data is not read with no_alloc, so the reader never notices a file
  // cut inside the data section; libllama's mmap path would fail later with a
  // vague message. Check every tensor's byte range here.
  for (std::int64_t i = 0; i < out.n_tensors; ++i) {
    const std::uint64_t off = gguf_get_tensor_offset(ctx.get(), i);
    const std::uint64_t size = gguf_get_tensor_size(ctx.get(), i);
    const std::uint64_t begin = out.data_offset + off;
    if (begin < out.data_offset || begin + size < begin || begin + size > out.file_size) {
      return corrupt(path, std::string("is truncated: tensor '") + gguf_get_tensor_name(ctx.get(), i) +
                               "' needs bytes up to " + std::to_string(begin + size) + " but the file has " +
                               std::to_string(out.file_size) + "; the download did not finish, fetch it again");
    }
  }
  // The model itself: everything libllama would assert on (gguf_model_check.h).
  if (Status s = check_model_metadata(MetaReader(ctx.get(), path), vocab_only); !s) return s.error();
  return out;
}

}  // namespace codeloom::llm::detail
