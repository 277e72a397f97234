#include "workdir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace codeloom::sandbox::internal {
namespace fs = std::filesystem;

Status check_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.find('\0') != std::string::npos) {
    return make_error(ErrorCode::kInvalidArgument,
                      "sandbox file path must be relative and non-empty: '" + path + "'");
  }
  for (const auto& part : fs::path(path)) {
    if (part == "..") {
      return make_error(ErrorCode::kInvalidArgument, "sandbox file path must not contain '..': '" + path + "'");
    }
  }
  return Status::Ok();
}

Status ensure_scratch_root(const std::string& root) {
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot create sandbox scratch root " + root + ": " + ec.message());
  // Someone else's directory or a symlink here could redirect our work dirs.
  struct stat st;
  if (lstat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid()) {
    return make_error(ErrorCode::kIo, "sandbox scratch root " + root +
                                          " must be a real directory owned by the current user");
  }
  chmod(root.c_str(), 0711);  // others may traverse, not list
  return Status::Ok();
}

Result<int> try_lock_uid(const std::string& root, int uid) {
  const std::string path = root + "/uid-" + std::to_string(uid) + ".lock";
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return make_error(ErrorCode::kIo, "cannot open uid lock file " + path + ": " + std::strerror(errno));
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    close(fd);
    if (err == EWOULDBLOCK) return -1;
    return make_error(ErrorCode::kIo, "cannot lock " + path + ": " + std::strerror(err));
  }
  return fd;
}

Result<WorkDir> WorkDir::create(const std::string& root, int uid, int gid, std::uint64_t size_bytes) {
  if (Status s = ensure_scratch_root(root); !s) return s.error();
  std::string tmpl = root + "/job-XXXXXX";
  if (mkdtemp(tmpl.data()) == nullptr) {
    return make_error(ErrorCode::kIo, "cannot create work dir under " + root + ": " + std::strerror(errno));
  }
  WorkDir dir(tmpl);
  if (size_bytes > 0) {
    std::string opts = "size=" + std::to_string(size_bytes) + ",mode=0700";
    if (uid >= 0) opts += ",uid=" + std::to_string(uid) + ",gid=" + std::to_string(gid);
    if (mount("tmpfs", tmpl.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, opts.c_str()) != 0) {
      return make_error(ErrorCode::kIo, "cannot mount a tmpfs on work dir " + tmpl + ": " + std::strerror(errno));
    }
    dir.mounted_ = true;
  }
  if (uid >= 0 && chown(tmpl.c_str(), static_cast<uid_t>(uid), static_cast<gid_t>(gid)) != 0) {
    return make_error(ErrorCode::kIo, "cannot chown work dir " + tmpl + ": " + std::strerror(errno));
  }
  return dir;
}

WorkDir::~WorkDir() {
  if (path_.empty()) return;
  std::error_code ec;
  if (mounted_) {
    umount2(path_.c_str(), MNT_DETACH);  // frees the tmpfs and everything in it
    rmdir(path_.c_str());
    return;
  }
  fs::remove_all(path_, ec);
  if (ec) {
    // A job may leave directories without write permission; open them up and retry.
    for (auto it = fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec)) chmod(it->path().c_str(), 0700);
    }
    chmod(path_.c_str(), 0700);
    fs::remove_all(path_, ec);
  }
}

Status WorkDir::write_files(const std::vector<SourceFile>& files, int uid, int gid) const {
  for (const SourceFile& f : files) {
    if (Status s = check_relative_path(f.path); !s) return s;
    fs::path full = fs::path(path_) / f.path;
    std::error_code ec;
    fs::create_directories(full.parent_path(), ec);
    int fd = open(full.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return make_error(ErrorCode::kIo, "cannot write " + full.string() + ": " + std::strerror(errno));
    size_t off = 0;
    while (off < f.content.size()) {
      ssize_t n = write(fd, f.content.data() + off, f.content.size() - off);
      if (n <= 0) {
        close(fd);
        return make_error(ErrorCode::kIo, "cannot write " + full.string() + ": " + std::strerror(errno));
      }
      off += static_cast<size_t>(n);
    }
    close(fd);
    if (uid >= 0) {
      // Hand every created directory and the file to the job's uid.
      for (fs::path p = full; p != fs::path(path_) && !p.empty(); p = p.parent_path()) {
        if (lchown(p.c_str(), static_cast<uid_t>(uid), static_cast<gid_t>(gid)) != 0) {
          return make_error(ErrorCode::kIo, "cannot chown " + p.string() + ": " + std::strerror(errno));
        }
      }
    }
  }
  return Status::Ok();
}

}  // namespace codeloom::sandbox::internal
