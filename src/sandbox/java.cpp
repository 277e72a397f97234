// Java: javac, then java. The JVM reserves gigabytes of address space (heap,
// class space, code cache) that it never touches, so RLIMIT_AS would make it
// fail at start-up. Instead the heap is capped with -Xmx (half the memory
// limit) and RLIMIT_DATA (writable private mappings actually created) bounds
// the rest. Thread stacks count towards RLIMIT_DATA and RLIMIT_NPROC, so the
// JVM is told to use few threads (serial GC, one JIT tier).
#include <algorithm>

#include "language.h"

namespace codeloom::sandbox::internal {
namespace {

std::string heap_flag(std::uint64_t memory_bytes) {
  std::uint64_t mb = std::max<std::uint64_t>(16, (memory_bytes >> 20) / 2);
  return "-Xmx" + std::to_string(mb) + "m";
}

}  // namespace

Result<std::vector<Step>> plan_java(const Job& job, const SandboxOptions& options) {
  Result<std::string> entry = entry_file(job, "Main.java");
  if (!entry) return entry.error();
  std::string main_class = job.java_main_class;
  if (main_class.empty()) {
    std::string base = entry->substr(entry->rfind('/') + 1);
    main_class = base.substr(0, base.rfind('.'));
  }
  Step compile;
  compile.argv = {options.javac, "-J" + heap_flag(job.compile_limits.memory_bytes),
                  "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1", "-J-XX:-UsePerfData",
                  "-encoding", "UTF-8", "-d", "."};
  for (const SourceFile& f : job.files) {
    if (f.path.size() > 5 && f.path.compare(f.path.size() - 5, 5, ".java") == 0) compile.argv.push_back(f.path);
  }
  compile.limits = job.compile_limits;
  compile.memory_as_data = true;
  compile.is_compile = true;
  Step run;
  run.argv = {options.java, heap_flag(job.limits.memory_bytes), "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto", "-cp", ".", main_class};
  run.argv.insert(run.argv.end(), job.args.begin(), job.args.end());
  run.limits = job.limits;
  run.memory_as_data = true;
  return std::vector<Step>{compile, run};
}

}  // namespace codeloom::sandbox::internal
