// A sandbox job: what to run (language, files, stdin), under which limits, and
// what came out. Plain values; copy and move freely, no thread-safety concerns.
//
//   codeloom::sandbox::Job job;
//   job.language = codeloom::sandbox::Language::kPython;
//   job.files = {{"main.py", "print(input())"}};
//   job.stdin_data = "hello\n";
//   job.limits.wall_timeout = std::chrono::milliseconds(2000);
//   // Sandbox::run(job) -> JobResult{outcome = kPass, stdout_data = "hello\n"}
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codeloom::sandbox {

enum class Language { kPython, kCpp, kJava };

const char* language_name(Language language);               // "python", "cpp", "java"
std::optional<Language> parse_language(std::string_view name);  // also "c++", "py"

// Limits of one sandboxed process. Timeouts are scaled up by the sandbox's
// calibration factor (never down); the rest are applied as given.
struct Limits {
  std::chrono::milliseconds wall_timeout{10000};
  int cpu_seconds = 10;                          // RLIMIT_CPU (soft; hard = soft + 1)
  std::uint64_t memory_bytes = 512ull << 20;     // RLIMIT_AS; for Java -Xmx + RLIMIT_DATA
  std::uint64_t max_output_bytes = 1ull << 20;   // per stream; the rest is read and dropped
  std::uint64_t file_size_bytes = 16ull << 20;   // RLIMIT_FSIZE (largest file it may write)
  int max_processes = 64;                        // RLIMIT_NPROC (threads count too)
  int max_open_files = 256;                      // RLIMIT_NOFILE
  std::uint64_t tmp_bytes = 64ull << 20;         // size of the private /tmp tmpfs
};

struct SourceFile {
  std::string path;     // relative to the work dir, no "..", e.g. "main.py"
  std::string content;
};

struct Job {
  Language language = Language::kPython;
  std::vector<SourceFile> files;   // written into a fresh private work dir
  std::string entry;               // file to run/compile; default main.py / main.cpp / Main.java
  std::string java_main_class;     // default: entry's stem ("Main")
  std::vector<std::string> args;   // extra argv for the program
  std::string stdin_data;
  Limits limits;
  // Limits of the compile step (g++ / javac). Defaults are generous because the
  // compiler is trusted code; the input is not, so it is sandboxed too.
  Limits compile_limits = {std::chrono::milliseconds(60000), 60, 2048ull << 20,
                           1ull << 20, 256ull << 20, 128, 256, 256ull << 20};
  std::vector<std::string> cxx_flags = {"-std=c++17", "-O1"};
};

enum class Outcome {
  kPass,     // exit status 0
  kFail,     // non-zero exit status or killed by a signal
  kTimeout,  // wall-clock timeout or CPU limit reached
  kError,    // compile error, or the sandbox itself failed
};
const char* outcome_name(Outcome outcome);  // "pass", "fail", "timeout", "error"

struct JobResult {
  Outcome outcome = Outcome::kError;
  std::optional<int> exit_code;        // set when the program exited normally
  std::optional<int> term_signal;      // set when it was killed by a signal
  std::string signal_name;             // e.g. "SIGSEGV"; empty when no signal
  std::string stdout_data;             // capped at limits.max_output_bytes
  std::string stderr_data;             // ditto; for compile errors: compiler output
  bool stdout_truncated = false;
  bool stderr_truncated = false;
  std::string detail;                  // why: "wall-clock timeout after 2000 ms", ...
  std::chrono::milliseconds wall_time{0};      // of the run step (not compile)
  std::chrono::milliseconds cpu_time{0};       // user + system, whole process tree
  std::chrono::milliseconds compile_time{0};   // wall time of g++/javac, 0 for Python
  std::uint64_t peak_memory_bytes = 0;  // largest ru_maxrss in the tree (wait4)
};

}  // namespace codeloom::sandbox
