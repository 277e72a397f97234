#include "multipl_e_common.h"

#include "record.h"

namespace codeloom::harness::detail {

Result<Problem> parse_multipl_e(std::string_view text) {
  auto j = parse_record(text);
  if (!j) return j.error();
  Problem p;
  auto id = j->contains("task_id") ? string_field(*j, "task_id") : string_field(*j, "name");
  auto prompt = string_field(*j, "prompt");
  auto tests = string_field(*j, "tests");
  if (!id) return id.error();
  if (!prompt) return prompt.error();
  if (!tests) return tests.error();
  p.task_id = *id;
  p.prompt = *prompt;
  p.test = *tests;
  if (auto st = j->find("stop_tokens"); st != j->end() && st->is_array()) {
    for (const auto& s : *st) {
      if (s.is_string()) p.stop.push_back(s.get<std::string>());
    }
  }
  return p;
}

}  // namespace codeloom::harness::detail
