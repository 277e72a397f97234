// Walking directories and listing .zip/.jar archives with libzip.
#include "inputs.h"

#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace codeloom::data {
namespace fs = std::filesystem;
namespace {

std::string lower_ext(const std::string& name) {
  const std::size_t slash = name.find_last_of("/!");
  const std::size_t dot = name.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string e = name.substr(dot);
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

bool candidate_ext(const std::string& ext) {
  static const char* kExts[] = {".py", ".pyi", ".java", ".cc", ".cpp", ".cxx", ".c++", ".hpp", ".hh",
                                ".h",  ".hxx", ".ipp",  ".tcc"};
  return std::any_of(std::begin(kExts), std::end(kExts), [&](const char* e) { return ext == e; });
}

Status list_archive(std::size_t source, const std::string& path, const std::string& shown,
                    std::vector<InputFile>& out, std::size_t* other) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    std::string msg = "cannot open archive " + path + ": " + zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return make_error(ErrorCode::kIo, msg);
  }
  const zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) continue;
    std::string name = st.name;
    if (name.empty() || name.back() == '/') continue;  // directory entry
    if (!candidate_ext(lower_ext(name))) {
      ++*other;
      continue;
    }
    out.push_back({source, path, shown + "!" + name, i, (st.valid & ZIP_STAT_SIZE) ? st.size : 0, false});
  }
  zip_close(z);
  return {};
}

}  // namespace

bool is_archive_path(const std::string& path) {
  const std::string e = lower_ext(path);
  return e == ".zip" || e == ".jar";
}

Result<std::vector<InputFile>> list_inputs(const std::vector<std::string>& inputs, std::size_t* other_files) {
  std::vector<InputFile> out;
  std::size_t other = 0;
  for (std::size_t s = 0; s < inputs.size(); ++s) {
    const fs::path root(inputs[s]);
    std::error_code ec;
    const auto st = fs::status(root, ec);
    if (ec || !fs::exists(st)) return make_error(ErrorCode::kNotFound, "input not found: " + inputs[s]);
    auto add_file = [&](const fs::path& p, const std::string& shown) -> Status {
      if (is_archive_path(p.string())) return list_archive(s, p.string(), shown, out, &other);
      const std::string ext = lower_ext(p.filename().string());
      if (!ext.empty() && !candidate_ext(ext)) {
        ++other;
        return {};
      }
      std::error_code e2;
      const auto size = fs::file_size(p, e2);
      out.push_back({s, p.string(), shown, -1, e2 ? 0 : static_cast<std::size_t>(size), ext.empty()});
      return {};
    };
    if (fs::is_directory(st)) {
      // No symlinked directories: they can loop; skip unreadable folders.
      fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) return make_error(ErrorCode::kIo, "cannot read directory " + inputs[s] + ": " + ec.message());
      for (; it != end; it.increment(ec)) {
        if (ec) break;
        const auto& entry = *it;
        std::error_code e3;
        if (entry.is_directory(e3) || !entry.is_regular_file(e3)) {
          // Broken symlinks and special files: list them so they are reported as unreadable.
          if (!entry.is_directory(e3) && entry.is_symlink(e3) && !fs::exists(entry.path(), e3))
            out.push_back({s, entry.path().string(), fs::relative(entry.path(), root, e3).string(), -1, 0, false});
          continue;
        }
        auto added = add_file(entry.path(), fs::relative(entry.path(), root, e3).string());
        if (!added) return added.error();
      }
    } else {
      auto added = add_file(root, root.filename().string());
      if (!added) return added.error();
    }
  }
  std::sort(out.begin(), out.end(), [](const InputFile& a, const InputFile& b) {
    return a.source != b.source ? a.source < b.source : a.name < b.name;
  });
  if (other_files) *other_files = other;
  return out;
}

ArchiveCache::~ArchiveCache() {
  for (auto& [path, z] : open_) zip_close(z);
}

Result<std::string> ArchiveCache::read(const InputFile& file, std::size_t max_bytes) {
  if (file.entry < 0) {
    std::ifstream in(file.path, std::ios::binary);
    if (!in) return make_error(ErrorCode::kIo, "unreadable: " + file.path);
    std::string data;
    data.resize(max_bytes + 1);
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (in.bad()) return make_error(ErrorCode::kIo, "unreadable: " + file.path);
    data.resize(static_cast<std::size_t>(in.gcount()));
    if (data.size() > max_bytes) return make_error(ErrorCode::kOutOfRange, "too large: " + file.path);
    return data;
  }
  zip_t*& z = open_[file.path];
  if (!z) {
    int err = 0;
    z = zip_open(file.path.c_str(), ZIP_RDONLY, &err);
    if (!z) {
      open_.erase(file.path);
      return make_error(ErrorCode::kIo, "unreadable archive: " + file.path);
    }
  }
  if (file.size > max_bytes) return make_error(ErrorCode::kOutOfRange, "too large: " + file.name);
  zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(file.entry), 0);
  if (!f) return make_error(ErrorCode::kIo, "unreadable entry: " + file.name);
  std::string data(file.size, '\0');
  const zip_int64_t got = zip_fread(f, data.data(), data.size());
  zip_fclose(f);
  if (got < 0 || static_cast<std::size_t>(got) != data.size())
    return make_error(ErrorCode::kIo, "unreadable entry (corrupt data): " + file.name);
  return data;
}

}  // namespace codeloom::data
