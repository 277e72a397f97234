// MBPP, full (mbpp.jsonl, 974 records: text, code, test_list, test_setup_code).
// The program is the EvalPlus-style docstring prompt + completion + the setup
// code + the test_list asserts (challenge_test_list is not used, as in the paper).
#include "codeloom/harness/registry.h"
#include "mbpp_common.h"
#include "record.h"

namespace codeloom::harness {

namespace {

Result<Problem> parse_mbpp(std::string_view text) {
  auto j = detail::parse_record(text);
  if (!j) return j.error();
  auto id = detail::task_id_field(*j);
  auto nl = detail::string_field(*j, "text");
  auto code = detail::string_field(*j, "code");
  if (!id) return id.error();
  if (!nl) return nl.error();
  if (!code) return code.error();
  auto test_list = detail::string_list_field(*j, "test_list");
  if (!test_list) return test_list.error();
  const std::vector<std::string>& tests = *test_list;
  std::string setup = j->contains("test_setup_code") && (*j)["test_setup_code"].is_string()
                          ? detail::strip_cr((*j)["test_setup_code"].get<std::string>())
                          : "";
  Problem p;
  p.task_id = "Mbpp/" + *id;
  p.prompt = detail::mbpp_prompt(*nl, tests[0]);
  p.canonical_solution = detail::strip_cr(*code);
  p.has_canonical = true;
  p.entry_point = detail::mbpp_entry_point(p.canonical_solution, tests);
  p.test = setup + "\n";
  for (const auto& t : tests) p.test += t + "\n";
  p.stop = {"\nassert", "\n\"\"\"", "\nif __name__", "\nprint("};
  return p;
}

}  // namespace

Benchmark mbpp_benchmark() {
  Benchmark b = detail::mbpp_style_benchmark();
  b.name = "mbpp";
  b.title = "MBPP: 974 crowd-sourced Python problems (Austin et al. 2021), full set";
  b.default_file = "mbpp/mbpp.jsonl";
  b.default_sha256 = "ccf64ceae9c5403bf50a044cb6d505bfd2a2963ee58338ba268fd65beab92a9f";
  b.parse = parse_mbpp;
  return b;
}

}  // namespace codeloom::harness
