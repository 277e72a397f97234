// codeloom-pyzygote: the warm Python runner (see zygote_protocol.h). Started
// by the sandbox host with a SOCK_SEQPACKET socket on fd 3:
//
//   codeloom-pyzygote --python /usr/bin/python3
//
// It initialises the embedded CPython as `python3 -E -s -B` would (no PYTHON*
// variables, no user site, no .pyc writes; hash seed 0 so runs repeat), checks
// that --python is that same interpreter, pre-imports a few stdlib modules,
// answers "ok <version>" (or "error <why>" and exits), then forks one sandbox
// tree per request until the host closes the socket. It never runs job code
// itself: only the forked program does, after the sandbox set-up.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

#include "zygote_protocol.h"

namespace {

using codeloom::sandbox::internal::ChildPlan;
using codeloom::sandbox::internal::ChildReport;
using codeloom::sandbox::internal::kMaxZygoteRequest;
using codeloom::sandbox::internal::kZygoteFds;
using codeloom::sandbox::internal::PlanStorage;
using codeloom::sandbox::internal::SpawnSpec;

constexpr int kSocket = 3;
// Imported once here so jobs find them in sys.modules (not bound in
// __main__: a job that forgets an import still fails). Stdlib only; what the
// benchmark programs commonly import, and what the harness's trusted grader
// imports for every job (ctypes, json, pickle, struct, traceback: ~8 ms).
constexpr const char* kWarmImports[] = {"bisect", "collections", "copy", "ctypes", "functools", "hashlib",
                                        "heapq", "itertools", "json", "math", "operator", "pickle", "random",
                                        "re", "string", "struct", "traceback", "typing"};

void send_text(const std::string& text) {
  ssize_t n = send(kSocket, text.data(), text.size(), MSG_NOSIGNAL);
  (void)n;
}

std::string real_path(const std::string& p) {
  char buf[PATH_MAX];
  return realpath(p.c_str(), buf) ? std::string(buf) : std::string();
}

bool set_item(PyObject* dict_like, const char* key, const char* value) {
  PyObject* k = PyUnicode_DecodeFSDefault(key);
  PyObject* v = PyUnicode_DecodeFSDefault(value);
  bool ok = k && v && PyObject_SetItem(dict_like, k, v) == 0;
  Py_XDECREF(k);
  Py_XDECREF(v);
  return ok;
}

// sys.argv, sys.path[0] and os.environ as `python3 SCRIPT ARGS...` would have
// them in the work dir, with the job's environment.
bool prepare_main(const ChildPlan& p, const std::string& cwd) {
  PyObject* argv = PyList_New(0);
  if (!argv) return false;
  for (const char* const* a = p.argv; *a; ++a) {
    PyObject* s = PyUnicode_DecodeFSDefault(*a);
    if (!s || PyList_Append(argv, s) != 0) return false;
    Py_DECREF(s);
  }
  if (PySys_SetObject("argv", argv) != 0) return false;
  Py_DECREF(argv);
  PyObject* path = PySys_GetObject("path");  // borrowed
  PyObject* dir = PyUnicode_DecodeFSDefault(cwd.c_str());
  if (!path || !dir || PyList_Insert(path, 0, dir) != 0) return false;
  Py_DECREF(dir);
  PyObject* os = PyImport_ImportModule("os");
  if (!os) return false;
  PyObject* environ = PyObject_GetAttrString(os, "environ");
  Py_DECREF(os);
  if (!environ) return false;
  PyObject* r = PyObject_CallMethod(environ, "clear", nullptr);
  bool ok = r != nullptr;
  Py_XDECREF(r);
  for (const char* const* e = p.envp; ok && *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (!eq) continue;
    std::string key(*e, static_cast<size_t>(eq - *e));
    ok = set_item(environ, key.c_str(), eq + 1);
  }
  Py_DECREF(environ);
  return ok;
}

// SystemExit's exit code, as Python computes it: None -> 0, an int -> that
// int, anything else is printed to stderr -> 1. Clears the exception.
int system_exit_code() {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  int code = 0;
  PyObject* c = value ? PyObject_GetAttrString(value, "code") : nullptr;
  PyErr_Clear();
  if (c && c != Py_None) {
    if (PyLong_Check(c)) {
      code = static_cast<int>(PyLong_AsLong(c));
    } else {
      PyObject* err = PySys_GetObject("stderr");  // borrowed
      if (err && err != Py_None && PyFile_WriteObject(c, err, Py_PRINT_RAW) == 0) PyFile_WriteString("\n", err);
      code = 1;
    }
    PyErr_Clear();
  }
  Py_XDECREF(c);
  Py_XDECREF(type);
  Py_XDECREF(value);
  Py_XDECREF(tb);
  return code;
}

// Calls module.name() when `module` is loaded (or importable); errors are
// printed as "Exception ignored", as at interpreter exit.
void call_at_exit(const char* module, const char* name, bool import) {
  PyObject* m = import ? PyImport_ImportModule(module)
                       : PyDict_GetItemString(PyImport_GetModuleDict(), module);  // borrowed
  if (!m) {
    PyErr_Clear();
    return;
  }
  if (!import) Py_INCREF(m);
  PyObject* r = PyObject_CallMethod(m, name, nullptr);
  if (!r) PyErr_WriteUnraisable(m);
  Py_XDECREF(r);
  Py_DECREF(m);
}

// Flushes sys.<name>; false when that fails.
bool flush_std(const char* name) {
  PyObject* f = PySys_GetObject(name);  // borrowed
  if (!f || f == Py_None) return true;
  PyObject* r = PyObject_CallMethod(f, "flush", nullptr);
  if (!r) {
    PyErr_Clear();
    return false;
  }
  Py_DECREF(r);
  return true;
}

// The program's last step in the zygote: run argv[0] as __main__ the way
// `python3 -E -s -B argv[0] argv[1:]` does, with the same exit codes (0, 1 for
// an uncaught exception, SystemExit's code, 2 for a missing script, 120 when
// flushing stdout fails at exit, death by SIGINT after an uncaught
// KeyboardInterrupt). The exit is Python's observable shutdown
// (wait for non-daemon threads, atexit callbacks, __main__'s globals released
// and garbage collected so their finalisers run and open files are flushed,
// std streams flushed) without tearing down the interpreter: Py_FinalizeEx
// would cost ~5 ms per job here and nothing outside this process sees it.
[[noreturn]] void run_python(const ChildPlan& p) {
  char buf[PATH_MAX];
  std::string cwd = getcwd(buf, sizeof(buf)) ? buf : ".";
  std::string script = p.argv[0][0] == '/' ? p.argv[0] : cwd + "/" + p.argv[0];
  int code = 1;
  bool interrupted = false;  // an uncaught KeyboardInterrupt
  PyObject* main_dict = PyModule_GetDict(PyImport_AddModule("__main__"));  // borrowed
  if (!prepare_main(p, cwd)) {
    PyErr_Print();
  } else if (FILE* f = std::fopen(script.c_str(), "rb"); f == nullptr) {
    std::fprintf(stderr, "python3: can't open file '%s': [Errno %d] %s\n", script.c_str(), errno,
                 std::strerror(errno));
    code = 2;
  } else {
    PyObject* file = PyUnicode_DecodeFSDefault(script.c_str());
    if (file) PyDict_SetItemString(main_dict, "__file__", file);
    Py_XDECREF(file);
    PyDict_SetItemString(main_dict, "__cached__", Py_None);
    PyObject* r = PyRun_FileExFlags(f, script.c_str(), Py_file_input, main_dict, main_dict, /*closeit=*/1, nullptr);
    if (r) {
      code = 0;
      Py_DECREF(r);
    } else if (PyErr_ExceptionMatches(PyExc_SystemExit)) {
      code = system_exit_code();
    } else {
      interrupted = PyErr_ExceptionMatches(PyExc_KeyboardInterrupt);
      PyErr_Print();
      code = 1;
    }
  }
  call_at_exit("threading", "_shutdown", /*import=*/false);
  call_at_exit("atexit", "_run_exitfuncs", /*import=*/true);
  PyDict_Clear(main_dict);
  PyGC_Collect();
  if (!flush_std("stdout")) code = 120;  // as python3 does
  flush_std("stderr");
  std::fflush(stdout);
  std::fflush(stderr);
  if (interrupted) {  // python3 then dies of SIGINT itself, so its parent sees the signal
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
  }
  _exit(code);
}

// Reports a failure to start a job on its report pipe (the host shows it as a
// sandbox error) when the request itself was unusable.
void report_failure(int report_fd, const char* what, int err) {
  if (report_fd < 0) return;
  ChildReport r;
  r.kind = ChildReport::kSetupError;
  r.error_number = err;
  std::snprintf(r.message, sizeof(r.message), "python zygote: %s", what);
  ssize_t n = write(report_fd, &r, sizeof(r));
  (void)n;
}

void serve() {
  std::vector<char> buf(kMaxZygoteRequest + 1);
  for (;;) {
    struct pollfd pfd = {kSocket, POLLIN, 0};
    int rc = poll(&pfd, 1, 1000);
    while (waitpid(-1, nullptr, WNOHANG) > 0) {
    }
    if (rc < 0 && errno != EINTR) return;
    if (rc <= 0) continue;
    struct iovec iov = {buf.data(), buf.size()};
    alignas(struct cmsghdr) char control[CMSG_SPACE(sizeof(int) * kZygoteFds)];
    struct msghdr msg {};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof(control);
    ssize_t n = recvmsg(kSocket, &msg, MSG_CMSG_CLOEXEC);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the host closed the socket (or died): done
    int fds[kZygoteFds] = {-1, -1, -1, -1, -1};
    int nfds = 0;
    for (struct cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
      if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
      int count = static_cast<int>((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
      for (int i = 0; i < count; ++i) {
        int fd;
        std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
        if (nfds < kZygoteFds) fds[nfds++] = fd; else close(fd);
      }
    }
    SpawnSpec spec;
    bool ok = nfds == kZygoteFds && (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) == 0 &&
              codeloom::sandbox::internal::decode_request(buf.data(), static_cast<size_t>(n), &spec);
    if (!ok) {
      report_failure(nfds > 3 ? fds[3] : -1, "malformed request", EINVAL);
    } else {
      PlanStorage storage;
      codeloom::sandbox::internal::prepare_plan(spec, &storage);
      ChildPlan& plan = storage.plan;
      plan.stdin_fd = fds[0];
      plan.stdout_fd = fds[1];
      plan.stderr_fd = fds[2];
      plan.report_fd = fds[3];
      plan.control_fd = fds[4];
      plan.in_process = run_python;
      PyOS_BeforeFork();
      pid_t pid = fork();
      if (pid == 0) {
        PyOS_AfterFork_Child();  // fresh locks; os.register_at_fork hooks (random reseeds)
        codeloom::sandbox::internal::run_shim(plan);
      }
      int err = errno;
      PyOS_AfterFork_Parent();
      if (pid < 0) report_failure(fds[3], "fork", err);
    }
    for (int fd : fds) {
      if (fd >= 0) close(fd);
    }
    // Later jobs fork from this process: leave no earlier job's argv, env or
    // paths in the memory they inherit.
    for (std::vector<std::string>* v : {&spec.argv, &spec.env}) {
      for (std::string& s : *v) explicit_bzero(s.data(), s.size());
    }
    for (codeloom::sandbox::internal::ViewEntry& e : spec.view) {
      explicit_bzero(e.path.data(), e.path.size());
      explicit_bzero(e.source.data(), e.source.size());
    }
    explicit_bzero(spec.host_work_dir.data(), spec.host_work_dir.size());
    explicit_bzero(buf.data(), static_cast<size_t>(n));
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string python;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--python") == 0) python = argv[i + 1];
  }
  if (python.empty() || fcntl(kSocket, F_GETFD) < 0) {
    std::fprintf(stderr, "usage: codeloom-pyzygote --python /usr/bin/python3 (socket on fd 3; started by the sandbox)\n");
    return 2;
  }
  syscall(SYS_close_range, kSocket + 1, ~0u, 0u);  // nothing of the host's leaks into jobs

  PyConfig config;
  PyConfig_InitPythonConfig(&config);
  config.use_environment = 0;      // -E
  config.user_site_directory = 0;  // -s
  config.write_bytecode = 0;       // -B
  config.parse_argv = 0;
  config.use_hash_seed = 1;
  config.hash_seed = 0;
  PyStatus st = PyConfig_SetBytesString(&config, &config.program_name, python.c_str());
  if (!PyStatus_Exception(st)) st = PyConfig_SetBytesString(&config, &config.executable, python.c_str());
  if (!PyStatus_Exception(st)) st = Py_InitializeFromConfig(&config);
  PyConfig_Clear(&config);
  if (PyStatus_Exception(st)) {
    send_text(std::string("error cannot initialise the embedded Python: ") + (st.err_msg ? st.err_msg : "?"));
    return 1;
  }
  // --python must be the interpreter embedded here, or jobs would run under a
  // different Python than the cold path. Compared with the prefix libpython
  // was built for, not sys.base_prefix: CPython derives that from --python's
  // location, so another install with its own standard library (a pyenv)
  // would pass as "ours".
  std::string own = std::string(CODELOOM_PYEMBED_PREFIX) + "/bin/python" + std::to_string(PY_MAJOR_VERSION) + "." +
                    std::to_string(PY_MINOR_VERSION);
  if (real_path(python).empty() || real_path(python) != real_path(own)) {
    send_text("error " + python + " is not the embedded Python " + PY_VERSION + " (" + own + ")");
    return 1;
  }
  for (const char* name : kWarmImports) {
    PyObject* m = PyImport_ImportModule(name);
    if (!m) {
      PyErr_Clear();
      send_text(std::string("error cannot import ") + name);
      return 1;
    }
    Py_DECREF(m);
  }
  // Everything allocated so far stays out of the jobs' garbage collections,
  // so they do not touch (and copy) the zygote's pages.
  if (PyRun_SimpleString("import gc; gc.freeze(); del gc") != 0) {
    send_text("error gc.freeze failed");
    return 1;
  }
  send_text(std::string("ok ") + PY_VERSION);
  serve();
  return 0;
}
