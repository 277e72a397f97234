// HumanEval+ (EvalPlus v0.1.10): HumanEval prompts, correctness by
// differential testing against the canonical solution on base_input and
// plus_input (see evalplus_job.h).
#include "codeloom/harness/registry.h"
#include "evalplus_job.h"
#include "record.h"

namespace codeloom::harness {

namespace {

Result<Problem> parse_humanevalplus(std::string_view text) {
  auto j = detail::parse_record(text);
  if (!j) return j.error();
  Problem p;
  for (auto [key, out] : {std::pair{"task_id", &p.task_id}, {"prompt", &p.prompt}, {"entry_point", &p.entry_point},
                          {"canonical_solution", &p.canonical_solution}, {"test", &p.test}}) {
    auto v = detail::string_field(*j, key);
    if (!v) return v.error();
    *out = std::move(*v);
  }
  for (const char* key : {"base_input", "plus_input"}) {
    // An empty object means no inputs (as in MBPP+'s Mbpp/793).
    const bool empty_object = j->contains(key) && (*j)[key].is_object() && (*j)[key].empty();
    if (!j->contains(key) || (!(*j)[key].is_array() && !empty_object)) {
      return detail::corrupt(std::string("missing array field \"") + key + "\"");
    }
  }
  p.has_canonical = true;
  p.stop = {"\nclass", "\ndef", "\n#", "\nif", "\nprint"};
  p.record_json = std::string(text);
  return p;
}

}  // namespace

Benchmark humanevalplus_benchmark() {
  Benchmark b;
  b.name = "humanevalplus";
  b.title = "HumanEval+ (EvalPlus v0.1.10): HumanEval with 80x more tests";
  b.default_file = "humanevalplus/HumanEvalPlus.jsonl.gz";
  b.default_sha256 = "272720b90ac375502c8ed23cd791c2a93dfb22a911641a494da74a426c09f101";
  b.evalplus = true;
  b.parse = parse_humanevalplus;
  b.make_job = [](const Problem& p, const std::string& completion, const JobContext& ctx) {
    return detail::evalplus_job(detail::EvalPlusDataset::kHumanEval, p, completion, ctx,
                                std::chrono::milliseconds(120000));
  };
  b.judge = detail::judge_evalplus;
  b.wrong_completion = [](const Problem&) { return std::string("    return None\n"); };
  return b;
}

}  // namespace codeloom::harness
