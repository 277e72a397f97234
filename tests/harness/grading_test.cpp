// The grading protocol's pure parts, as data (tests/data/harness/grading_cases.json):
// which stdout carries a verdict for a nonce, the nonce itself, and the Java
// test rewrite (assert/equals through the trusted Grader).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "grading.h"
#include "harness_test_util.h"
#include "java_rewrite.h"

namespace codeloom::harness {
namespace {

nlohmann::json cases() {
  std::ifstream in(testing::data_path("grading_cases.json"));
  return nlohmann::json::parse(in);
}

TEST(Grading, VerdictLineNeedsTheExactNonceOnTheLastLine) {
  for (const auto& c : cases()["verdict_lines"]) {
    sandbox::JobResult r;
    r.outcome = sandbox::Outcome::kPass;
    r.stdout_data = c[0].get<std::string>();
    std::optional<std::string> got = detail::verdict_line(r, c[1].get<std::string>());
    if (c[2].is_null()) {
      EXPECT_FALSE(got.has_value()) << c[0] << " -> " << *got;
    } else {
      ASSERT_TRUE(got.has_value()) << c[0];
      EXPECT_EQ(*got, c[2].get<std::string>()) << c[0];
    }
  }
}

TEST(Grading, PassNeedsExitZeroAndTheNonce) {
  const std::string nonce = detail::grading_nonce();
  sandbox::JobResult r;
  r.outcome = sandbox::Outcome::kPass;
  r.stdout_data = "\n__codeloom_harness_pass__\n";
  EXPECT_EQ(detail::judge_nonce(r, nonce).status, CheckStatus::kFail);
  r.stdout_data = "\n" + nonce + " pass\n";
  EXPECT_EQ(detail::judge_nonce(r, nonce).status, CheckStatus::kPass);
  EXPECT_EQ(detail::judge_nonce(r, detail::grading_nonce()).status, CheckStatus::kFail);
  r.stdout_data = "\n" + nonce + " error\n";
  EXPECT_EQ(detail::judge_nonce(r, nonce).status, CheckStatus::kError);
  r.stdout_data = "\n" + nonce + " pass\n";
  r.outcome = sandbox::Outcome::kFail;
  EXPECT_EQ(detail::judge_nonce(r, nonce).status, CheckStatus::kFail);
}

TEST(Grading, NoncesAreFreshHex) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string n = detail::grading_nonce();
    ASSERT_EQ(n.size(), 32u);
    EXPECT_EQ(n.find_first_not_of("0123456789abcdef"), std::string::npos) << n;
    seen.insert(n);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(Grading, JavaChecksGoThroughTheGrader) {
  for (const auto& c : cases()["java_rewrites"]) {
    EXPECT_EQ(detail::rewrite_java_checks(c[0].get<std::string>(), "G.Grader"), c[1].get<std::string>()) << c[0];
  }
}

}  // namespace
}  // namespace codeloom::harness
