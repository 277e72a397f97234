// What a job sees (host side): the allow-list, and how each language's extra
// paths are derived from its tools' resolved paths. The child side that mounts
// the view is view_child.cpp.
#include "view.h"

#include <dirent.h>
#include <glob.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <iterator>

#include "codeloom/sandbox/sandbox.h"

namespace codeloom::sandbox::internal {
namespace {

// ---- The allow-list: every job, whatever its language, sees these (when the
// host has them) and nothing else of the host besides its tools' extras. -----
// System binaries, libraries (the dynamic loader, libc, libstdc++, Python's
// and the JDK's files under /usr/lib), headers for the compilers, time zones.
// Not /usr/local, /usr/src, the rest of /usr/share, /opt, /var, /run, /home,
// /root, /srv, /mnt, nor any project or data directory.
constexpr const char* kSystemPaths[] = {
    "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/include", "/usr/share/zoneinfo",
    "/bin",     "/sbin",     "/lib",     "/lib64",
    "/etc/ld.so.cache",  // the dynamic loader's library index
    "/etc/localtime", "/etc/timezone",
};
constexpr const char* kDevices[] = {"/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"};
// Mount points the child fills itself: a fresh /proc, a private /tmp (the work
// dir at /tmp/work) and /dev/shm.
constexpr const char* kMountPoints[] = {"/etc", "/proc", "/tmp", "/dev/shm"};

// Per language: the tools, and the directories (globs relative to a tool's
// installation prefix) whose symlinks point at files the tool reads at run
// time, e.g. Debian's JDK keeps conf/ and lib/jvm.cfg as links into
// /etc/java-17-openjdk, and Python's sitecustomize.py links into /etc.
struct LinkScan {
  const char* pattern;
  int depth;
};
constexpr LinkScan kPythonScans[] = {{"lib/python3*", 1}};
constexpr LinkScan kJavaScans[] = {{"conf", 4}, {"lib", 4}};
constexpr int kMaxScannedEntries = 20000;

bool under(const std::string& path, const std::string& dir) {
  return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
                         (dir == "/" || path[dir.size()] == '/'));
}

std::string parent(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

std::string real_path(const std::string& path) {
  char buf[PATH_MAX];
  return realpath(path.c_str(), buf) ? std::string(buf) : std::string();
}

// A symlink target outside the view: show its directory when that is at
// least two levels deep (/etc/java-17-openjdk/..., not /etc itself), so a
// tool's configuration directory costs one mount, not one per file.
std::string visible_unit(const std::string& target) {
  struct stat st;
  if (stat(target.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return target;
  std::string dir = parent(target);
  return std::count(dir.begin(), dir.end(), '/') >= 2 ? dir : target;
}

void scan_links(ViewBuilder* b, const std::string& dir, int depth, int* budget) {
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == ".." || --*budget < 0) continue;
    std::string full = dir + "/" + name;
    struct stat st;
    if (lstat(full.c_str(), &st) != 0) continue;
    if (S_ISLNK(st.st_mode)) {
      std::string target = real_path(full);  // empty when dangling (e.g. a JDK's src.zip)
      if (!target.empty() && !b->covers(target)) b->add(visible_unit(target));
    } else if (S_ISDIR(st.st_mode) && depth > 1) {
      scan_links(b, full, depth - 1, budget);
    }
  }
  closedir(d);
}

Status add_tool(ViewBuilder* b, const std::string& tool, const LinkScan* scans, size_t n_scans,
                const std::vector<ViewEntry>& base) {
  std::string real = real_path(tool);
  if (real.empty()) return Status();  // a missing tool is reported per job by Sandbox::run
  if (under(real, "/tmp")) {
    return make_error(ErrorCode::kInvalidArgument, "sandbox tool " + tool + " resolves to " + real +
                                                       ", under /tmp, which jobs cannot see (their /tmp is private); "
                                                       "install it elsewhere");
  }
  std::string prefix = parent(parent(real));  // <prefix>/bin/<tool>
  if (prefix == "/") {
    return make_error(ErrorCode::kInvalidArgument, "sandbox tool " + tool + " resolves to " + real +
                                                       ", whose installation prefix would be / (the whole host); "
                                                       "install it under a prefix such as /usr or /opt/<name>");
  }
  b->add(tool);
  // A prefix outside the system directories (a pyenv under /root, a JDK in
  // /opt) is shown whole; /usr itself never is, only its allow-listed parts.
  bool system_prefix = std::any_of(base.begin(), base.end(), [&](const ViewEntry& e) {
    return e.kind == ViewEntry::kBindDir && under(e.path, prefix);
  });
  if (!system_prefix && !b->covers(prefix)) b->add(prefix);
  int budget = kMaxScannedEntries;
  for (size_t i = 0; i < n_scans; ++i) {
    glob_t g{};
    if (glob((prefix + "/" + scans[i].pattern).c_str(), GLOB_ONLYDIR, nullptr, &g) == 0) {
      for (size_t k = 0; k < g.gl_pathc; ++k) scan_links(b, g.gl_pathv[k], scans[i].depth, &budget);
    }
    globfree(&g);
  }
  return Status();
}

void add_base(ViewBuilder* b) {
  for (const char* p : kSystemPaths) b->add(p);
  for (const char* p : kMountPoints) b->add_dir(p);
  for (const char* d : kDevices) {
    if (access(d, F_OK) == 0) b->add_device(d);
  }
  b->add_symlink("/dev/fd", "/proc/self/fd");
  b->add_symlink("/dev/stdin", "/proc/self/fd/0");
  b->add_symlink("/dev/stdout", "/proc/self/fd/1");
  b->add_symlink("/dev/stderr", "/proc/self/fd/2");
}

}  // namespace

void ViewBuilder::add(const std::string& host_path) {
  // Resolve like realpath(3), one component at a time, recording each symlink.
  std::vector<std::string> todo;  // components still to walk, next on top
  auto push_components = [&todo](const std::string& path) {
    std::vector<std::string> parts;
    for (size_t pos = 0; pos <= path.size();) {
      size_t slash = path.find('/', pos);
      if (slash == std::string::npos) slash = path.size();
      if (slash > pos) parts.push_back(path.substr(pos, slash - pos));
      pos = slash + 1;
    }
    todo.insert(todo.end(), parts.rbegin(), parts.rend());
  };
  push_components(host_path);
  std::string real;  // "" is "/"
  for (int hops = 0; !todo.empty();) {
    std::string c = std::move(todo.back());
    todo.pop_back();
    if (c == ".") continue;
    if (c == "..") {
      real = real.substr(0, real.empty() ? 0 : real.rfind('/'));
      continue;
    }
    std::string candidate = real + "/" + c;
    struct stat st;
    if (lstat(candidate.c_str(), &st) != 0) return;  // not on this host
    if (!S_ISLNK(st.st_mode)) {
      real = std::move(candidate);
      continue;
    }
    char text[PATH_MAX];
    ssize_t n = readlink(candidate.c_str(), text, sizeof(text) - 1);
    if (n <= 0 || ++hops > 40) return;
    links_.emplace_back(candidate, std::string(text, static_cast<size_t>(n)));
    if (text[0] == '/') real.clear();
    push_components(links_.back().second);
  }
  if (!real.empty()) binds_.insert(real);
}

bool ViewBuilder::covers(const std::string& path) const {
  return std::any_of(binds_.begin(), binds_.end(), [&](const std::string& b) { return under(path, b); });
}

std::vector<ViewEntry> ViewBuilder::finish() const {
  std::vector<ViewEntry> leaves;
  for (const std::string& b : binds_) {
    bool nested = std::any_of(binds_.begin(), binds_.end(), [&](const std::string& o) { return o != b && under(b, o); });
    if (nested) continue;
    struct stat st;
    if (stat(b.c_str(), &st) != 0) continue;
    leaves.push_back({S_ISDIR(st.st_mode) ? ViewEntry::kBindDir : ViewEntry::kBindFile, b, b});
  }
  std::set<std::string> taken;
  for (const auto& [path, text] : links_) {
    if (!covers(path) && taken.insert(path).second) leaves.push_back({ViewEntry::kSymlink, path, text});
  }
  std::set<std::string> dirs;
  for (const ViewEntry& e : special_) {
    if (e.kind == ViewEntry::kDir) dirs.insert(e.path);
    else leaves.push_back(e);
  }
  for (const ViewEntry& e : leaves) {
    for (std::string p = parent(e.path); p != "/"; p = parent(p)) dirs.insert(p);
  }
  std::vector<ViewEntry> out;
  for (const std::string& d : dirs) out.push_back({ViewEntry::kDir, d, ""});  // sorted: parents first
  std::sort(leaves.begin(), leaves.end(), [](const ViewEntry& a, const ViewEntry& b) { return a.path < b.path; });
  out.insert(out.end(), leaves.begin(), leaves.end());
  return out;
}

Result<std::vector<ViewEntry>> job_view(const SandboxOptions& options, Language language) {
  ViewBuilder base_builder;
  add_base(&base_builder);
  const std::vector<ViewEntry> base = base_builder.finish();

  ViewBuilder b;
  add_base(&b);
  Status s;
  switch (language) {
    case Language::kPython:
      s = add_tool(&b, options.python, kPythonScans, std::size(kPythonScans), base);
      break;
    case Language::kCpp:
      s = add_tool(&b, options.cxx, nullptr, 0, base);
      break;
    case Language::kJava:
      s = add_tool(&b, options.javac, kJavaScans, std::size(kJavaScans), base);
      if (s) s = add_tool(&b, options.java, kJavaScans, std::size(kJavaScans), base);
      break;
  }
  if (!s) return s.error();
  for (const std::string& p : options.extra_visible) b.add(p);
  return b.finish();
}

void add_identity(int uid, int gid, std::vector<ViewEntry>* view) {
  for (const ViewEntry& e : *view) {
    if ((e.kind == ViewEntry::kBindDir && under("/etc/passwd", e.path)) || e.path == "/etc/passwd" ||
        e.path == "/etc/group") {
      return;  // /etc shown from the host (extra_visible): keep its files
    }
  }
  std::string u = std::to_string(uid), g = std::to_string(gid);
  std::string passwd = "root:x:0:0:root:/root:/usr/sbin/nologin\n";
  std::string group = "root:x:0:\n";
  if (uid != 0) passwd += "sandbox:x:" + u + ":" + g + ":sandbox:/tmp:/usr/sbin/nologin\n";
  if (gid != 0) group += "sandbox:x:" + g + ":\n";
  if (uid != 65534) passwd += "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";
  if (gid != 65534) group += "nogroup:x:65534:\n";
  view->push_back({ViewEntry::kFile, "/etc/passwd", passwd});
  view->push_back({ViewEntry::kFile, "/etc/group", group});
}

}  // namespace codeloom::sandbox::internal
