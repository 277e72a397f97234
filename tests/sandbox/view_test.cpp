// What a job can see: a job that lists every entry one and two levels below /
// (tests/data/sandbox/view/walk.*) must see exactly the allow-list in
// tests/data/sandbox/view/allowed.txt, in every language and on both Python
// paths (warm zygote and cold), and none of the host's project, data, build
// or home directories.
#include <fnmatch.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "codeloom/sandbox/sandbox.h"
#include "test_util.h"

namespace codeloom::sandbox {
namespace {

struct Allowed {
  std::set<std::string> languages;  // empty: every language
  std::string pattern;
  bool optional = false;
};

std::vector<Allowed> load_allowed() {
  std::vector<Allowed> out;
  std::istringstream in(testing::read_text(testing::data_path("view/allowed.txt")));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string langs, flag;
    Allowed a;
    fields >> langs >> a.pattern >> flag;
    a.optional = flag == "optional";
    std::istringstream l(langs);
    for (std::string name; std::getline(l, name, ',');) {
      if (name != "*") a.languages.insert(name);
    }
    out.push_back(a);
  }
  return out;
}

// Host paths no job may see.
std::vector<std::string> forbidden_paths(const Sandbox& sb) {
  const std::filesystem::path source = CODELOOM_SOURCE_DIR;
  std::string top = "/";  // the checkout's top directory
  top += std::next(source.begin())->string();
  std::vector<std::string> out = {source.string(), CODELOOM_TEST_DATA_DIR, CODELOOM_BINARY_DIR,
                                  "/root", "/home", "/etc/shadow", "/etc/ssh", "/run", "/var", "/opt", "/mnt",
                                  "/usr/local", sb.options().scratch_root};
  // A checkout under /tmp (a CI clone) has /tmp as its top directory: jobs get
  // a private, empty /tmp of their own, so only the checkout itself is checked there.
  if (top != "/tmp") out.push_back(top);
  if (const char* home = std::getenv("HOME"); home && *home) out.push_back(home);
  return out;
}

Job walk_job(Language language, const Sandbox& sb) {
  Job j;
  j.language = language;
  const char* file = language == Language::kPython ? "walk.py" : language == Language::kCpp ? "walk.cpp" : "Walk.java";
  j.files = {{file, testing::read_text(testing::data_path(std::string("view/") + file))}};
  j.entry = file;
  j.args = forbidden_paths(sb);
  j.limits.wall_timeout = std::chrono::seconds(20);
  j.limits.memory_bytes = 1024ull << 20;
  j.limits.cpu_seconds = 10;
  return j;
}

void expect_view(const Sandbox& sb, Language language) {
  const std::string lang = language_name(language);
  SCOPED_TRACE("language " + lang);
  Result<JobResult> r = sb.run(walk_job(language, sb));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->outcome, Outcome::kPass) << r->detail << "\n" << r->stderr_data;
  std::vector<Allowed> allowed;
  for (const Allowed& a : load_allowed()) {
    if (a.languages.empty() || a.languages.count(lang)) allowed.push_back(a);
  }
  ASSERT_GT(allowed.size(), 20u);
  std::vector<std::string> seen;
  std::istringstream out(r->stdout_data);
  for (std::string line; std::getline(out, line);) {
    if (line.rfind("present ", 0) == 0) {
      ADD_FAILURE() << "visible inside the sandbox: " << line.substr(8);
      continue;
    }
    seen.push_back(line);
  }
  for (const std::string& path : seen) {
    bool ok = false;
    for (const Allowed& a : allowed) ok = ok || fnmatch(a.pattern.c_str(), path.c_str(), FNM_PATHNAME) == 0;
    EXPECT_TRUE(ok) << "visible but not in view/allowed.txt: " << path;
  }
  for (const Allowed& a : allowed) {
    if (a.optional) continue;
    bool found = false;
    for (const std::string& path : seen) found = found || fnmatch(a.pattern.c_str(), path.c_str(), FNM_PATHNAME) == 0;
    EXPECT_TRUE(found) << "missing from the view: " << a.pattern;
  }
}

TEST(SandboxView, WarmPythonSeesOnlyTheAllowList) {
  const Sandbox& sb = testing::shared_sandbox();
  ASSERT_TRUE(sb.warm_python());
  expect_view(sb, Language::kPython);
}

TEST(SandboxView, ColdPythonSeesOnlyTheAllowList) {
  SandboxOptions o;
  o.scratch_root = "/tmp/codeloom-sandbox-test";
  o.warm_python = false;
  o.uid_base = 61300;  // apart from the other tests' ranges
  o.uid_slots = 2;
  Result<std::unique_ptr<Sandbox>> sb = Sandbox::create(o);
  ASSERT_TRUE(sb) << sb.error().message;
  ASSERT_FALSE((*sb)->warm_python());
  expect_view(**sb, Language::kPython);
}

TEST(SandboxView, CppSeesOnlyTheAllowList) { expect_view(testing::shared_sandbox(), Language::kCpp); }

TEST(SandboxView, JavaSeesOnlyTheAllowList) { expect_view(testing::shared_sandbox(), Language::kJava); }

// Regression: init (PID 1 of the job) is a fork of the host (or of the
// zygote), and /proc/1/cmdline showed the host's command line, i.e. build and
// data paths, to the job.
TEST(SandboxView, HostCommandLineIsNotShown) {
  SandboxOptions o;
  o.scratch_root = "/tmp/codeloom-sandbox-test";
  o.uid_base = 61320;
  o.uid_slots = 2;
  o.warm_python = false;
  Result<std::unique_ptr<Sandbox>> cold = Sandbox::create(o);
  ASSERT_TRUE(cold) << cold.error().message;
  Job j = testing::python_job(
      "for p in ('/proc/1/cmdline', '/proc/self/cmdline', '/proc/2/cmdline'):\n"
      "    print(p, open(p, 'rb').read())\n");
  const Sandbox* both[] = {&testing::shared_sandbox(), cold->get()};
  for (const Sandbox* sb : both) {
    SCOPED_TRACE(sb->warm_python() ? "warm" : "cold");
    Result<JobResult> r = sb->run(j);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->outcome, Outcome::kPass) << r->detail << r->stderr_data;
    EXPECT_EQ(r->stdout_data.find(CODELOOM_BINARY_DIR), std::string::npos) << r->stdout_data;
    EXPECT_NE(r->stdout_data.find("/proc/1/cmdline"), std::string::npos) << r->stdout_data;
  }
}

TEST(SandboxView, ExtraVisiblePathsAreReadOnly) {
  SandboxOptions o;
  o.scratch_root = "/tmp/codeloom-sandbox-test";
  o.uid_base = 61310;
  o.uid_slots = 2;
  // A host folder outside /tmp (jobs have a private /tmp): under the build dir,
  // or /var/tmp when the checkout itself is under /tmp (a CI clone). Its
  // sibling `containment` exists on the host and must stay invisible.
  namespace fs = std::filesystem;
  fs::path base = CODELOOM_BINARY_DIR;
  if (base.string().rfind("/tmp/", 0) == 0) base = "/var/tmp";
  const fs::path root = base / ("codeloom-view-extra-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "x" / "view");
  fs::create_directories(root / "containment");
  fs::copy_file(std::string(CODELOOM_TEST_DATA_DIR) + "/sandbox/view/allowed.txt", root / "x" / "view" / "allowed.txt");
  const std::string dir = (root / "x" / "view").string();
  o.extra_visible = {dir};
  Result<std::unique_ptr<Sandbox>> sb = Sandbox::create(o);
  ASSERT_TRUE(sb) << sb.error().message;
  Job j = testing::python_job(
      "import os, sys\nd = sys.argv[1]\nprint(open(d + '/allowed.txt').read() == open('allowed.txt').read())\n"
      "try:\n    open(d + '/written', 'w')\nexcept OSError as e:\n    print(e.strerror)\n"
      "print(os.path.exists(os.path.dirname(os.path.dirname(d)) + '/containment'))\n");
  j.files.push_back({"allowed.txt", testing::read_text(dir + "/allowed.txt")});
  j.args = {dir};
  Result<JobResult> r = (*sb)->run(j);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kPass) << r->detail << r->stderr_data;
  EXPECT_EQ(r->stdout_data, "True\nRead-only file system\nFalse\n");
  fs::remove_all(root);
}

TEST(SandboxView, PathsThatCannotBeShownAreClearErrors) {
  for (const std::string& bad : {std::string("relative/dir"), std::string("/nonexistent-codeloom-dir"),
                                 std::string("/tmp")}) {
    SandboxOptions o;
    o.extra_visible = {bad};
    Result<std::unique_ptr<Sandbox>> sb = Sandbox::create(o);
    ASSERT_FALSE(sb) << bad;
    EXPECT_EQ(sb.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(sb.error().message.find(bad), std::string::npos) << sb.error().message;
  }
  SandboxOptions o;
  o.python = "/bin/python3-not-there";  // missing tools are reported per job, not here
  o.warm_python = false;
  EXPECT_TRUE(Sandbox::create(o));
  o.python = "/tmp";  // a tool under /tmp cannot be shown (the job's /tmp is private)
  Result<std::unique_ptr<Sandbox>> sb = Sandbox::create(o);
  ASSERT_FALSE(sb);
  EXPECT_NE(sb.error().message.find("under /tmp"), std::string::npos) << sb.error().message;
}

}  // namespace
}  // namespace codeloom::sandbox
