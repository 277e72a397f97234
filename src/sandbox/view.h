// Internal: what a job sees of the host's filesystem. Inside the mount
// namespace the job's root is a fresh tmpfs holding only the entries of its
// view (built here, once per language, by the host) plus /proc, a private /tmp
// with the work dir at /tmp/work, and /dev/shm (mounted by view_child.cpp).
// Everything else of the host (the project tree, data directories, homes,
// /var, /run, ...) does not exist for the job. See docs/sandbox.md,
// "What a job sees".
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/sandbox/job.h"

namespace codeloom::sandbox {
struct SandboxOptions;
}

namespace codeloom::sandbox::internal {

struct ViewEntry {
  enum Kind : std::uint8_t {
    kDir = 1,       // an empty directory (a parent of other entries)
    kBindDir = 2,   // host directory `source`, read-only, nosuid, nodev
    kBindFile = 3,  // host file `source`, read-only, nosuid, nodev
    kDevice = 4,    // host device node `source` (/dev/null, ...), nosuid, noexec
    kSymlink = 5,   // a symlink whose text is `source`
    kFile = 6,      // a small file whose content is `source` (/etc/passwd)
  };
  Kind kind = kDir;
  std::string path;    // absolute path inside the sandbox
  std::string source;  // see kind
};

// Collects the entries of a view. add() makes a host path visible under its
// own name: every symlink met while resolving it (in any component) becomes a
// symlink entry, and the real file or directory it ends at a read-only bind.
// Paths that do not exist are skipped. Not thread-safe; host side only.
class ViewBuilder {
 public:
  void add(const std::string& host_path);
  void add_device(const std::string& path) { special_.push_back({ViewEntry::kDevice, path, path}); }
  void add_symlink(const std::string& path, const std::string& text) {
    special_.push_back({ViewEntry::kSymlink, path, text});
  }
  void add_file(const std::string& path, const std::string& content) {
    special_.push_back({ViewEntry::kFile, path, content});
  }
  void add_dir(const std::string& path) { special_.push_back({ViewEntry::kDir, path, ""}); }
  // True when `path` (a real path) lies in or under a bound directory.
  bool covers(const std::string& path) const;
  // The entries in mount order: parents first, nothing under a bind.
  std::vector<ViewEntry> finish() const;

 private:
  std::set<std::string> binds_;                      // real host paths
  std::vector<std::pair<std::string, std::string>> links_;  // path, text
  std::vector<ViewEntry> special_;
};

// The view of a job in `language`: the base allow-list (view.cpp) plus what
// the language's tools need, found from their resolved paths, plus
// options.extra_visible. Errors (kInvalidArgument): a tool that cannot be made
// visible (under /tmp, or installed at /).
Result<std::vector<ViewEntry>> job_view(const SandboxOptions& options, Language language);

// The views of the three languages, built once by Sandbox::create.
struct JobViews {
  std::vector<ViewEntry> python, cpp, java;
  const std::vector<ViewEntry>& of(Language language) const {
    return language == Language::kCpp ? cpp : language == Language::kJava ? java : python;
  }
};

// /etc/passwd and /etc/group naming root, nobody and the job's uid/gid
// ("sandbox", home /tmp), appended to a job's view.
void add_identity(int uid, int gid, std::vector<ViewEntry>* view);

}  // namespace codeloom::sandbox::internal
