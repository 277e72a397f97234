// Golden prompt files: tests/data/prompt/fim/*.txt. Each names a test model,
// the request (prefix, suffix, extra files, order, budget) and the expected
// prompt rendered token by token (render_tokens) plus a truncation report.
#include <gtest/gtest.h>

#include <sstream>

#include "codeloom/prompt/infill.h"
#include "prompt/golden_file.h"
#include "prompt/test_models.h"

namespace codeloom::prompt {
namespace {

std::string report_line(const CodePrompt& p) {
  std::ostringstream o;
  o << "family=" << (p.fim ? std::string(p.format.spec->name) : "plain") << " tokens=" << p.tokens.size()
    << " prefix_tokens=" << p.report.prefix_tokens << " suffix_tokens=" << p.report.suffix_tokens
    << " extra_tokens=" << p.report.extra_tokens << " fixed_tokens=" << p.report.fixed_tokens
    << " prefix_bytes_dropped=" << p.report.prefix_bytes_dropped
    << " suffix_bytes_dropped=" << p.report.suffix_bytes_dropped << " files_dropped=";
  for (std::size_t i = 0; i < p.report.extra_files_dropped.size(); ++i) {
    o << (i ? "," : "") << p.report.extra_files_dropped[i];
  }
  return o.str();
}

class InfillGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(InfillGolden, Matches) {
  testing::GoldenFile g;
  ASSERT_TRUE(testing::read_golden(GetParam(), &g)) << GetParam();
  auto model = testing::named_model(g.get("model"));
  ASSERT_TRUE(model) << model.error().message;

  InfillRequest req;
  if (auto* s = g.section("prefix")) req.prefix = *s;
  if (auto* s = g.section("suffix")) req.suffix = *s;
  req.filename = g.get("filename");
  req.repo_name = g.get("repo_name", "project");
  req.order = g.get("order", "psm") == "spm" ? FimOrder::kSpm : FimOrder::kPsm;
  for (const auto& [name, text] : g.sections) {
    if (name.rfind("extra ", 0) == 0) req.extra.push_back({name.substr(6), text});
  }
  PromptBudget budget;
  budget.n_ctx = std::stoi(g.get("n_ctx", "4096"));
  budget.max_new_tokens = std::stoi(g.get("max_new_tokens", "256"));

  const std::string mode = g.get("mode", "infill");
  Result<CodePrompt> p = mode == "completion" ? build_completion_prompt(**model, req.prefix, budget)
                         : mode == "code"     ? build_code_prompt(**model, req, budget)
                                              : build_infill_prompt(**model, req, budget);
  ASSERT_TRUE(p) << p.error().message;
  // The kept text is always the code next to the cursor.
  EXPECT_TRUE(req.prefix.ends_with(p->kept_prefix));
  EXPECT_TRUE(req.suffix.starts_with(p->kept_suffix));
  EXPECT_LE(p->tokens.size(), static_cast<std::size_t>(budget.n_ctx - budget.max_new_tokens));
  const std::string rendered = render_tokens(**model, p->tokens);
  const std::string report = report_line(*p);
  if (testing::update_golden()) {
    for (auto& [name, text] : g.sections) {
      if (name == "expected") text = rendered;
      if (name == "report") text = report;
    }
    if (!g.section("expected")) g.sections.emplace_back("expected", rendered);
    if (!g.section("report")) g.sections.emplace_back("report", report);
    testing::write_golden(g);
    return;
  }
  ASSERT_NE(g.section("expected"), nullptr) << "run with CODELOOM_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(rendered, *g.section("expected"));
  EXPECT_EQ(report, *g.section("report"));
}

INSTANTIATE_TEST_SUITE_P(Files, InfillGolden,
                         ::testing::ValuesIn(testing::golden_files(CODELOOM_TEST_DATA_DIR "/prompt/fim")),
                         [](const auto& info) {
                           std::string n = std::filesystem::path(info.param).stem().string();
                           for (char& ch : n) if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });

}  // namespace
}  // namespace codeloom::prompt
