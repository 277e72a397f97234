// MBPP+ (EvalPlus, MbppPlus v0.2.0): docstring prompts; the completion is the
// whole solution; correctness by differential testing (see evalplus_job.h).
#include "codeloom/harness/registry.h"
#include "evalplus_job.h"
#include "python_job.h"
#include "record.h"

namespace codeloom::harness {

namespace {

Result<Problem> parse_mbppplus(std::string_view text) {
  auto j = detail::parse_record(text);
  if (!j) return j.error();
  Problem p;
  for (auto [key, out] : {std::pair{"task_id", &p.task_id}, {"prompt", &p.prompt}, {"entry_point", &p.entry_point},
                          {"canonical_solution", &p.canonical_solution}}) {
    auto v = detail::string_field(*j, key);
    if (!v) return v.error();
    *out = std::move(*v);
  }
  for (const char* key : {"base_input", "plus_input"}) {
    // Mbpp/793 has "plus_input": {} (no plus inputs); EvalPlus iterates it as empty.
    const bool empty_object = j->contains(key) && (*j)[key].is_object() && (*j)[key].empty();
    if (!j->contains(key) || (!(*j)[key].is_array() && !empty_object)) {
      return detail::corrupt(std::string("missing array field \"") + key + "\"");
    }
  }
  if (auto a = j->find("assertion"); a != j->end() && a->is_string()) p.test = a->get<std::string>();
  p.has_canonical = true;
  p.stop = {"\nassert", "\n\"\"\"", "\nif __name__", "\nprint("};
  p.record_json = std::string(text);
  return p;
}

}  // namespace

Benchmark mbppplus_benchmark() {
  Benchmark b;
  b.name = "mbppplus";
  b.title = "MBPP+ (EvalPlus v0.2.0): 378 MBPP problems with 35x more tests";
  b.default_file = "mbppplus/MbppPlus.jsonl.gz";
  b.default_sha256 = "af43697e8791c4c149bdfd6b489d8b5412507551ac20e28a439f650b8225db63";
  b.evalplus = true;
  b.parse = parse_mbppplus;
  b.make_job = [](const Problem& p, const std::string& completion, const JobContext& ctx) {
    return detail::evalplus_job(detail::EvalPlusDataset::kMbpp, p, completion, ctx,
                                std::chrono::milliseconds(120000));
  };
  b.judge = detail::judge_evalplus;
  b.wrong_completion = [](const Problem& p) { return detail::python_stub(p.entry_point, "    "); };
  return b;
}

}  // namespace codeloom::harness
