// Module-internal: the files a mining run reads (directories walked, archives listed).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "codeloom/common/status.h"

struct zip;

namespace codeloom::data {

struct InputFile {
  std::size_t source = 0;     // index into MineOptions::inputs
  std::string path;           // file path, or archive path for archive entries
  std::string name;           // path shown in samples: relative to the source ("a/b.py", "src.zip!java/X.java")
  long long entry = -1;       // archive entry index, -1 for plain files
  std::size_t size = 0;       // uncompressed bytes (0 when unknown)
  bool extensionless = false; // language only detectable from content
};

// Plain files whose extension could be Python/Java/C++ (or that have none) and
// archive entries with such names, sorted by (source, name). Files with other
// extensions only add to *other_files.
Result<std::vector<InputFile>> list_inputs(const std::vector<std::string>& inputs, std::size_t* other_files);

// Reads one input; archive handles are cached per ArchiveCache (one per thread:
// libzip handles are not thread-safe).
class ArchiveCache {
 public:
  ArchiveCache() = default;
  ArchiveCache(const ArchiveCache&) = delete;
  ArchiveCache& operator=(const ArchiveCache&) = delete;
  ~ArchiveCache();
  Result<std::string> read(const InputFile& file, std::size_t max_bytes);

 private:
  std::map<std::string, ::zip*> open_;
};

bool is_archive_path(const std::string& path);

}  // namespace codeloom::data
