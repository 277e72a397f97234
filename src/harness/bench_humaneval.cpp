// HumanEval (openai/human-eval): human-eval's program is prompt + completion +
// test + "check(entry_point)"; here prompt + completion load in the candidate's
// process and test + "check(entry_point)" runs in the trusted grader against
// its proxies (python_job.h), so the candidate cannot fake the verdict.
#include "codeloom/harness/registry.h"
#include "python_job.h"
#include "record.h"

namespace codeloom::harness {

namespace {

Result<Problem> parse_humaneval(std::string_view text) {
  auto j = detail::parse_record(text);
  if (!j) return j.error();
  Problem p;
  for (auto [key, out] : {std::pair{"task_id", &p.task_id}, {"prompt", &p.prompt}, {"entry_point", &p.entry_point},
                          {"canonical_solution", &p.canonical_solution}, {"test", &p.test}}) {
    auto v = detail::string_field(*j, key);
    if (!v) return v.error();
    *out = std::move(*v);
  }
  p.has_canonical = true;
  // The stop set of the Codex paper: the function ends where top-level code starts.
  p.stop = {"\nclass", "\ndef", "\n#", "\nif", "\nprint"};
  return p;
}

}  // namespace

Benchmark humaneval_benchmark() {
  Benchmark b;
  b.name = "humaneval";
  b.title = "HumanEval: 164 Python functions from docstrings (Chen et al. 2021)";
  b.default_file = "humaneval/HumanEval.jsonl.gz";
  b.default_sha256 = "b796127e635a67f93fb35c04f4cb03cf06f38c8072ee7cee8833d7bee06979ef";
  b.parse = parse_humaneval;
  b.make_job = [](const Problem& p, const std::string& completion, const JobContext&) {
    return detail::python_program_job(p.prompt + completion + "\n",
                                      p.test + "\n" + "check(" + p.entry_point + ")\n",
                                      std::chrono::milliseconds(10000));
  };
  b.judge = detail::judge_nonce;
  b.wrong_completion = [](const Problem&) { return std::string("    return None\n"); };
  return b;
}

}  // namespace codeloom::harness
