// The warm Python zygote: it is what runs Python jobs by default, and a job
// sees what a fresh `python3 -E -s -B main.py` would (argv, path, environment,
// exit codes, exit-time behaviour), with nothing carried between jobs.
#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "host_probe.h"
#include "test_util.h"

namespace codeloom::sandbox {
namespace {

std::unique_ptr<Sandbox> make_sandbox(bool warm, int uid_base, const std::string& python = "/usr/bin/python3") {
  SandboxOptions o;
  o.scratch_root = "/tmp/codeloom-sandbox-test";
  o.warm_python = warm;
  o.uid_base = uid_base;  // apart from shared_sandbox()'s range
  o.uid_slots = 4;
  o.python = python;
  Result<std::unique_ptr<Sandbox>> r = Sandbox::create(o);
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? std::move(*r) : nullptr;
}

struct Case {
  const char* name;
  std::string code;
  std::vector<std::string> args;
  std::string stdin_data;
  std::vector<SourceFile> extra_files;
};

std::vector<Case> cases() {
  return {
      {"argv and stdin", "import sys\nprint(sys.argv)\nprint(input().upper())\n", {"a", "b c"}, "hi\n", {}},
      {"script dir first on sys.path, sibling import",
       "import os, sys\nprint(sys.path[0] == os.getcwd(), os.getcwd())\nimport helper\nprint(helper.X)\n",
       {}, "", {{"helper.py", "X = 42\n"}}},
      {"__main__", "print(__name__, __file__.endswith('/main.py'), '__builtins__' in globals())\n", {}, "", {}},
      {"environment", "import os\nprint(sorted(os.environ.items()))\n", {}, "", {}},
      {"flags and executable",
       "import sys\nf = sys.flags\nprint(f.ignore_environment, f.no_user_site, f.dont_write_bytecode, f.isolated,"
       " sys.executable)\n", {}, "", {}},
      {"signals", "import signal\nprint(signal.getsignal(signal.SIGPIPE), signal.getsignal(signal.SIGINT))\n", {},
       "", {}},
      {"pid, uid, cwd", "import os\nprint(os.getpid(), os.getuid() != 0, os.getcwd())\n", {}, "", {}},
      {"warm imports are not bound in __main__", "print(math.pi)\n", {}, "", {}},
      {"uncaught exception", "def f():\n    raise ValueError('boom')\nf()\n", {}, "", {}},
      {"uncaught KeyboardInterrupt", "import atexit\natexit.register(print, 'bye')\nraise KeyboardInterrupt\n", {}, "",
       {}},
      {"sys.exit(int)", "import sys\nprint('out')\nsys.exit(3)\n", {}, "", {}},
      {"sys.exit(str)", "import sys\nsys.exit('bad things')\n", {}, "", {}},
      {"sys.exit(None)", "raise SystemExit\n", {}, "", {}},
      {"atexit, finalisers and threads at exit",
       "import atexit, threading, time\n"
       "class A:\n    def __del__(self):\n        print('del A')\n"
       "a = A()\n"
       "atexit.register(lambda: print('atexit'))\n"
       "def late():\n    time.sleep(0.2)\n    print('thread done')\n"
       "threading.Thread(target=late).start()\n"
       "print('main done')\n", {}, "", {}},
      {"open file flushed at exit",
       "import os, atexit\nf = open('out.txt', 'w')\nf.write('data')\n"
       "atexit.register(lambda: print(os.path.getsize('out.txt')))\n", {}, "", {}},
      {"syntax error", "def f(:\n", {}, "", {}},
      {"unicode output", "print('héllo ✓')\n", {}, "", {}},
  };
}

Job job_of(const Case& c) {
  Job j = testing::python_job(c.code);
  j.args = c.args;
  j.stdin_data = c.stdin_data;
  j.files.insert(j.files.end(), c.extra_files.begin(), c.extra_files.end());
  return j;
}

TEST(SandboxWarmPython, IsWhatRunsPythonByDefault) {
  EXPECT_TRUE(testing::shared_sandbox().warm_python());
}

TEST(SandboxWarmPython, AgreesWithAFreshInterpreter) {
  std::unique_ptr<Sandbox> warm = make_sandbox(true, 61200), cold = make_sandbox(false, 61210);
  ASSERT_TRUE(warm && cold);
  ASSERT_TRUE(warm->warm_python());
  ASSERT_FALSE(cold->warm_python());
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    Result<JobResult> w = warm->run(job_of(c)), k = cold->run(job_of(c));
    ASSERT_TRUE(w && k);
    EXPECT_EQ(outcome_name(w->outcome), outcome_name(k->outcome)) << w->detail << " vs " << k->detail;
    EXPECT_EQ(w->exit_code, k->exit_code);
    EXPECT_EQ(w->signal_name, k->signal_name);
    EXPECT_EQ(w->stdout_data, k->stdout_data);
    EXPECT_EQ(w->stderr_data, k->stderr_data);
  }
}

TEST(SandboxWarmPython, JobsShareNothing) {
  const Sandbox& sb = testing::shared_sandbox();
  std::string code =
      "import os, random, sys\n"
      "print(random.random())\n"
      "print(hasattr(sys, 'planted'), os.path.exists('/tmp/planted'), os.listdir('.'))\n"
      "sys.planted = 1\nopen('/tmp/planted', 'w').write('x')\nrandom.seed(1)\n";
  Result<JobResult> a = sb.run(testing::python_job(code)), b = sb.run(testing::python_job(code));
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->outcome, Outcome::kPass) << a->stderr_data;
  ASSERT_EQ(b->outcome, Outcome::kPass) << b->stderr_data;
  auto lines = [](const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1) out.push_back(s.substr(start, nl - start));
    return out;
  };
  std::vector<std::string> la = lines(a->stdout_data), lb = lines(b->stdout_data);
  ASSERT_EQ(la.size(), 2u);
  ASSERT_EQ(lb.size(), 2u);
  EXPECT_NE(la[0], lb[0]) << "the random module must be reseeded in every job";
  EXPECT_EQ(la[1], "False False ['main.py']");
  EXPECT_EQ(lb[1], "False False ['main.py']");
}

// Later jobs fork from the same zygote: an earlier job's argv (its request)
// must not be readable in the memory they inherit. The scanner builds the
// marker at run time (its source holds it XOR-ed) and skips its own copies.
TEST(SandboxWarmPython, EarlierJobsLeaveNothingInMemory) {
  const Sandbox& sb = testing::shared_sandbox();
  // Searched without its ends (malloc reuses the first bytes of freed blocks)
  // and placed late in the request (the next request overwrites its start).
  const std::string needle = "codeloom-planted-argument-7f3a91c2e5";
  std::string hex;
  for (unsigned char c : needle) {
    char b[3];
    std::snprintf(b, sizeof b, "%02x", c ^ 0x5a);
    hex += b;
  }
  Job first = testing::python_job("pass\n");
  first.args = {std::string(400, 'p'), std::string(40, 'a') + needle + std::string(40, 'b')};
  std::string scan =
      "import ctypes\n"
      "needle = bytes(c ^ 0x5a for c in bytes.fromhex('" + hex + "'))\n"
      "own = ctypes.cast(ctypes.c_char_p(needle), ctypes.c_void_p).value\n"
      "buf = bytearray(1 << 20)\n"
      "base = ctypes.addressof((ctypes.c_char * len(buf)).from_buffer(buf))\n"
      "hits = regions = 0\n"
      "for line in open('/proc/self/maps').read().splitlines():\n"
      "    f = line.split()\n"
      "    if not f[1].startswith('rw') or (len(f) > 5 and f[5] not in ('[heap]', '[stack]')):\n"
      "        continue\n"
      "    lo, hi = (int(x, 16) for x in f[0].split('-'))\n"
      "    if lo <= base < hi:\n"
      "        continue\n"
      "    regions += 1\n"
      "    at = lo\n"
      "    while at < hi:\n"
      "        k = min(len(buf), hi - at)\n"
      "        ctypes.memmove(base, at, k)\n"
      "        i = buf.find(needle, 0, k)\n"
      "        while i >= 0:\n"
      "            hits += at + i != own\n"
      "            i = buf.find(needle, i + 1, k)\n"
      "        at += k - len(needle) if k == len(buf) else k\n"
      "print(regions > 0, hits)\n";
  Result<JobResult> a = sb.run(first);
  ASSERT_TRUE(a);
  ASSERT_EQ(a->outcome, Outcome::kPass) << a->stderr_data;
  Result<JobResult> b = sb.run(testing::python_job(scan));
  ASSERT_TRUE(b);
  ASSERT_EQ(b->outcome, Outcome::kPass) << b->stderr_data;
  EXPECT_EQ(b->stdout_data, "True 0\n");
}

// The zygote is a child of this process named codeloom-pyzygote.
std::vector<pid_t> zygote_pids() {
  std::vector<pid_t> out;
  for (pid_t pid : testing::HostProbe::all_pids()) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    size_t close = line.rfind(')');
    if (close == std::string::npos || line.find("(codeloom-pyzyg") == std::string::npos) continue;
    if (std::atoi(line.c_str() + close + 4) == getpid()) out.push_back(pid);
  }
  return out;
}

TEST(SandboxWarmPython, RestartsWhenTheZygoteDies) {
  std::vector<pid_t> others = zygote_pids();  // e.g. shared_sandbox()'s
  std::unique_ptr<Sandbox> sb = make_sandbox(true, 61220);
  ASSERT_TRUE(sb && sb->warm_python());
  auto own = [&others] {
    std::vector<pid_t> out;
    for (pid_t p : zygote_pids()) {
      if (std::find(others.begin(), others.end(), p) == others.end()) out.push_back(p);
    }
    return out;
  };
  std::vector<pid_t> before = own();
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(kill(before[0], SIGKILL), 0);
  usleep(100 * 1000);
  Result<JobResult> r = sb->run(testing::python_job("print('again')\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kPass) << r->detail << r->stderr_data;
  EXPECT_EQ(r->stdout_data, "again\n");
  std::vector<pid_t> after = own();
  ASSERT_EQ(after.size(), 1u);
  EXPECT_NE(after[0], before[0]);
}

TEST(SandboxWarmPython, HelperProblemsAreClear) {
  SandboxOptions o;
  o.scratch_root = "/tmp/codeloom-sandbox-test";
  o.python_zygote = "/nonexistent/codeloom-pyzygote";
  Result<std::unique_ptr<Sandbox>> r = Sandbox::create(o);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("/nonexistent/codeloom-pyzygote"), std::string::npos) << r.error().message;
  // Another interpreter than the embedded one: jobs run it cold.
  std::unique_ptr<Sandbox> other = make_sandbox(true, 61230, "/usr/bin/env");
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->warm_python());
}

// Regression: another Python install with its own standard library (a pyenv,
// now visible to jobs through its prefix) made the zygote compute that
// install's base_prefix and accept it, so warm jobs ran the embedded Python
// on another install's standard library. Such an interpreter must run cold.
TEST(SandboxWarmPython, AnotherInstallRunsCold) {
  namespace fs = std::filesystem;
  const std::string name = fs::canonical("/usr/bin/python3").filename();  // python3.X
  // Not under /tmp (jobs have a private /tmp and tools there are refused): the
  // build dir, unless the checkout itself lives under /tmp (a CI clone).
  fs::path base = CODELOOM_BINARY_DIR;
  if (base.string().rfind("/tmp/", 0) == 0) base = "/var/tmp";
  const fs::path prefix = base / ("codeloom-sandbox-test-other-python-" + std::to_string(::getpid()));
  fs::remove_all(prefix);
  fs::create_directories(prefix / "bin");
  fs::create_directories(prefix / "lib");
  fs::create_directory_symlink("/usr/lib/" + name, prefix / "lib" / name);  // the landmark os.py is found here
  const fs::path python = prefix / "bin" / name;
  std::ofstream(python) << "#!/bin/sh\nexec /usr/bin/" << name << " \"$@\"\n";
  fs::permissions(python, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
  std::unique_ptr<Sandbox> sb = make_sandbox(true, 61240, python.string());
  ASSERT_TRUE(sb);
  EXPECT_FALSE(sb->warm_python());
  Result<JobResult> r = sb->run(testing::python_job("print('cold')\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kPass) << r->detail << r->stderr_data;
  EXPECT_EQ(r->stdout_data, "cold\n");
  fs::remove_all(prefix);
}

}  // namespace
}  // namespace codeloom::sandbox
