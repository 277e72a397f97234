// MBPP, sanitized (sanitized-mbpp.json, 427 hand-verified records: prompt,
// code, test_imports, test_list). test_imports run before the asserts.
#include "codeloom/harness/registry.h"
#include "mbpp_common.h"
#include "record.h"

namespace codeloom::harness {

namespace {

Result<Problem> parse_mbpp_sanitized(std::string_view text) {
  auto j = detail::parse_record(text);
  if (!j) return j.error();
  auto id = detail::task_id_field(*j);
  auto nl = detail::string_field(*j, "prompt");
  auto code = detail::string_field(*j, "code");
  if (!id) return id.error();
  if (!nl) return nl.error();
  if (!code) return code.error();
  auto test_list = detail::string_list_field(*j, "test_list");
  if (!test_list) return test_list.error();
  const std::vector<std::string>& tests = *test_list;
  Problem p;
  p.task_id = "Mbpp/" + *id;
  p.prompt = detail::mbpp_prompt(*nl, tests[0]);
  p.canonical_solution = detail::strip_cr(*code);
  p.has_canonical = true;
  p.entry_point = detail::mbpp_entry_point(p.canonical_solution, tests);
  if (auto ti = j->find("test_imports"); ti != j->end() && ti->is_array()) {
    for (const auto& imp : *ti) {
      if (imp.is_string()) p.test += imp.get<std::string>() + "\n";
    }
  }
  for (const auto& t : tests) p.test += t + "\n";
  p.stop = {"\nassert", "\n\"\"\"", "\nif __name__", "\nprint("};
  return p;
}

}  // namespace

Benchmark mbpp_sanitized_benchmark() {
  Benchmark b = detail::mbpp_style_benchmark();
  b.name = "mbpp-sanitized";
  b.title = "MBPP sanitized: 427 hand-verified MBPP problems";
  b.default_file = "mbpp/sanitized-mbpp.json";
  b.default_sha256 = "7fec016546acaee11dbe14f9f0bb670e59f41919f7b522a59fba34871da78551";
  b.parse = parse_mbpp_sanitized;
  return b;
}

}  // namespace codeloom::harness
