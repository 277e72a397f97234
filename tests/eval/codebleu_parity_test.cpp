// CodeBLEU (kCodebleuCompat) vs the codebleu 0.7.0 package, per pair and per
// corpus, for every component (golden_codebleu_<lang>.json). Tolerance 1e-4.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "codeloom/eval/codebleu.h"
#include "golden_util.h"

namespace codeloom::eval {
namespace {

constexpr double kTol = 1e-4;

lang::Language language_of(const std::string& name) { return *lang::parse_language_name(name); }

std::map<std::string, double> components(const CodebleuResult& r) {
  return {{"codebleu", r.codebleu},
          {"ngram_match_score", r.ngram_match},
          {"weighted_ngram_match_score", r.weighted_ngram_match},
          {"syntax_match_score", r.syntax_match},
          {"dataflow_match_score", r.dataflow_match}};
}

class CodebleuParity : public ::testing::TestWithParam<std::string> {};

TEST_P(CodebleuParity, PerPairEveryComponent) {
  const std::string name = GetParam();
  auto golden = test::load_json("golden_codebleu_" + name + ".json");
  auto pairs = test::load_pairs(name);
  ASSERT_GE(pairs.size(), 200u);
  const auto& per = golden.at("pairs");
  ASSERT_EQ(per.size(), pairs.size());
  std::map<std::string, double> max_diff;
  std::map<std::string, int> over;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    ASSERT_EQ(per[i].at("id").get<std::string>(), pairs[i].id);
    std::vector<std::string> r{pairs[i].reference}, h{pairs[i].candidate};
    auto got = calc_codebleu(std::span<const std::string>(r), std::span<const std::string>(h), language_of(name));
    ASSERT_TRUE(got) << pairs[i].id << ": " << got.error().message;
    for (const auto& [key, value] : components(*got)) {
      double diff = std::fabs(value - per[i].at(key).get<double>());
      max_diff[key] = std::max(max_diff[key], diff);
      if (diff > kTol) ++over[key];
      EXPECT_LE(diff, kTol) << pairs[i].id << " (" << pairs[i].kind << ") " << key;
    }
  }
  for (const auto& [key, d] : max_diff)
    std::cout << "[parity] codebleu " << name << " per-pair " << key << " max_abs_diff=" << d
              << " pairs_over_tol=" << over[key] << "/" << pairs.size() << "\n";
}

TEST_P(CodebleuParity, Corpus) {
  const std::string name = GetParam();
  auto golden = test::load_json("golden_codebleu_" + name + ".json");
  auto pairs = test::load_pairs(name);
  std::vector<std::string> refs, hyps;
  for (const auto& p : pairs) { refs.push_back(p.reference); hyps.push_back(p.candidate); }
  auto got = calc_codebleu(std::span<const std::string>(refs), std::span<const std::string>(hyps), language_of(name));
  ASSERT_TRUE(got) << got.error().message;
  for (const auto& [key, value] : components(*got)) {
    double want = golden.at("corpus").at(key).get<double>();
    std::cout << "[parity] codebleu " << name << " corpus " << key << " ours=" << value
              << " ref=" << want << " abs_diff=" << std::fabs(value - want) << "\n";
    EXPECT_NEAR(value, want, kTol) << key;
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, CodebleuParity, ::testing::Values("python", "java", "cpp"));

}  // namespace
}  // namespace codeloom::eval
