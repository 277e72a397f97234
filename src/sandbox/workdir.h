// Internal: a fresh private work dir per job, removed on destruction (RAII).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/sandbox/job.h"

namespace codeloom::sandbox::internal {

class WorkDir {
 public:
  // Creates <root>/job-XXXXXX (mode 0700), owned by uid/gid when uid >= 0.
  // With size_bytes > 0 (needs root) a tmpfs of that size is mounted on it, so
  // a job writing many files cannot fill the host's disk.
  static Result<WorkDir> create(const std::string& root, int uid, int gid, std::uint64_t size_bytes);
  WorkDir(WorkDir&& other) noexcept : path_(std::move(other.path_)), mounted_(other.mounted_) {
    other.path_.clear();
  }
  WorkDir& operator=(WorkDir&&) = delete;
  WorkDir(const WorkDir&) = delete;
  ~WorkDir();

  // Writes the files (paths must be relative, without ".."; subdirectories are
  // created) and hands them to uid/gid so the program can overwrite them.
  Status write_files(const std::vector<SourceFile>& files, int uid, int gid) const;
  const std::string& path() const { return path_; }

 private:
  explicit WorkDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
  bool mounted_ = false;
};

// Creates the scratch root if missing; kIo unless it is a real directory owned
// by the effective user (mode set to 0711).
Status ensure_scratch_root(const std::string& root);

// Machine-wide claim of a sandbox uid: an exclusive flock on <root>/uid-<uid>.lock,
// so concurrent codeloom processes (sharing the scratch root) never run jobs
// as the same uid. Returns the locked fd (close it to release; the kernel
// releases it if the process dies), -1 when another holder has it, kIo when
// the file cannot be opened or locked.
Result<int> try_lock_uid(const std::string& root, int uid);

// Rejects absolute paths, "..", empty names and NUL bytes.
Status check_relative_path(const std::string& path);

}  // namespace codeloom::sandbox::internal
