// MultiPL-E HumanEval-C++ (reworded): g++ -std=c++17 in the sandbox. The
// candidate (prompt + completion) and the tests are separate translation
// units: the tests see only the prompt's declarations, so operators or
// macros the candidate defines cannot change what the asserts compare. A
// trusted third unit (kGraderMain) owns main(): it reads the job's nonce
// from stdin before any of the candidate's static constructors run, leaves
// /dev/null in its place, runs the tests and writes "<nonce> pass" only when
// they returned. exit(0) anywhere in the candidate, or printing, is a fail.
// docs/evaluation.md lists what a candidate sharing the process still could do.
#include "codeloom/harness/registry.h"
#include "grading.h"
#include "multipl_e_common.h"

namespace codeloom::harness {

namespace {

constexpr const char* kGraderMain = R"(// codeloom grader (trusted): see docs/evaluation.md.
#include <fcntl.h>
#include <unistd.h>

void codeloom_tests_main();

namespace {

char g_nonce[64];
unsigned g_nonce_len = 0;

// In .preinit_array of the first object linked: runs before every constructor.
void codeloom_read_nonce(int, char**, char**) {
  ssize_t n;
  while (g_nonce_len < sizeof(g_nonce) && (n = read(0, g_nonce + g_nonce_len, sizeof(g_nonce) - g_nonce_len)) > 0) {
    g_nonce_len += static_cast<unsigned>(n);
  }
  while (g_nonce_len > 0 && (g_nonce[g_nonce_len - 1] == '\n' || g_nonce[g_nonce_len - 1] == '\r')) --g_nonce_len;
  int null_fd = open("/dev/null", O_RDONLY);
  if (null_fd >= 0) {
    dup2(null_fd, 0);
    close(null_fd);
  }
}

__attribute__((used, section(".preinit_array"))) void (*const codeloom_preinit)(int, char**, char**) =
    codeloom_read_nonce;

}  // namespace

int main() {
  codeloom_tests_main();
  char line[96];
  unsigned len = 0;
  line[len++] = '\n';
  for (unsigned i = 0; i < g_nonce_len; ++i) line[len++] = g_nonce[i];
  for (const char* s = " pass\n"; *s; ++s) line[len++] = *s;
  for (unsigned off = 0; off < len;) {
    ssize_t n = write(1, line + off, len - off);
    if (n <= 0) _exit(1);
    off += static_cast<unsigned>(n);
  }
  _exit(0);  // no atexit handler or static destructor of the candidate runs after the verdict
}
)";

GradedJob make_cpp_job(const Problem& p, const std::string& completion) {
  GradedJob g;
  g.nonce = detail::grading_nonce();
  sandbox::Job& job = g.job;
  job.language = sandbox::Language::kCpp;
  // The tests start with the function's closing brace, then `int main() {`.
  const std::size_t main_at = p.test.find("int main()");
  const std::size_t open_brace = p.prompt.rfind('{');
  std::string tests_tu;
  if (main_at != std::string::npos && open_brace != std::string::npos) {
    tests_tu = p.prompt.substr(0, open_brace) + ";\n" + "void codeloom_tests_main()" +
               p.test.substr(main_at + std::string("int main()").size());
  }
  // Without that shape nothing defines codeloom_tests_main: a link error, not a pass.
  const std::string prefix = main_at == std::string::npos ? p.test : p.test.substr(0, main_at);
  job.files = {{"candidate.cpp", p.prompt + completion + prefix},
               {"codeloom_tests.cpp", tests_tu},
               {"codeloom_grader.cpp", kGraderMain}};
  job.entry = "candidate.cpp";
  job.stdin_data = g.nonce + "\n";
  // The tests start with the function's closing brace, so an empty completion
  // compiles to a function that flows off its end: undefined behaviour that
  // returned the "right" value for 85 of 161 problems at -O1. UBSan's return
  // check turns exactly that (and only when it happens) into a failure.
  // The grader is linked first so its .preinit_array entry runs first.
  job.cxx_flags = {"-std=c++17", "-O1", "-fsanitize=return", "-fno-sanitize-recover=return",
                   "codeloom_grader.cpp", "codeloom_tests.cpp"};
  job.limits.wall_timeout = std::chrono::milliseconds(10000);
  return g;
}

}  // namespace

Benchmark multipl_e_cpp_benchmark() {
  Benchmark b;
  b.name = "multipl-e-cpp";
  b.title = "MultiPL-E HumanEval translated to C++ (161 problems, no reference solutions)";
  b.default_file = "multipl-e/humaneval-cpp.jsonl";
  b.default_sha256 = "8717eabdf202137158c84506144b0fb1e73d5ecccbe5363ec79009ca014df629";
  b.language = sandbox::Language::kCpp;
  b.parse = detail::parse_multipl_e;
  b.make_job = [](const Problem& p, const std::string& completion, const JobContext&) {
    return make_cpp_job(p, completion);
  };
  b.judge = detail::judge_nonce;
  // Compiles for every return type the dataset uses (all default-constructible).
  b.wrong_completion = [](const Problem&) { return std::string("    return {};\n"); };
  return b;
}

}  // namespace codeloom::harness
