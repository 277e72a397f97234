// ModelGenerator and run_eval with a tiny random model (tests/support): the
// plumbing from prompt to scored samples, not model quality.
#include <gtest/gtest.h>

#include <filesystem>

#include "codeloom/harness/dataset.h"
#include "codeloom/harness/eval_run.h"
#include "codeloom/harness/registry.h"
#include "harness_test_util.h"
#include "support/tiny_model.h"

namespace codeloom::harness {
namespace {

std::shared_ptr<llm::Model> tiny_model() {
  codeloom::testing::TinyModelOptions o;
  o.tied_output = false;
  auto path = codeloom::testing::tiny_model_path(o);
  EXPECT_TRUE(path) << path.error().message;
  if (!path) return nullptr;
  auto m = llm::Model::load(*path);
  EXPECT_TRUE(m) << m.error().message;
  return m ? *m : nullptr;
}

TEST(HarnessModel, SamplesAreIndependentGreedyIsRepeated) {
  auto model = tiny_model();
  ASSERT_TRUE(model);
  const Benchmark& he = **find_benchmark("humaneval");
  auto set = load_problems(he, testing::data_path("humaneval_4.jsonl"));
  ASSERT_TRUE(set);
  ModelGeneratorOptions o;
  o.max_tokens = 24;
  o.n_ctx = 1024;
  o.n_threads = 2;
  o.sampling.temperature = 1.0f;
  auto gen = ModelGenerator::create(model, o);
  ASSERT_TRUE(gen) << gen.error().message;
  auto sampled = (*gen)->generate(set->problems[3], 3);
  ASSERT_TRUE(sampled) << sampled.error().message;
  ASSERT_EQ(sampled->size(), 3u);
  EXPECT_FALSE((*sampled)[0].text == (*sampled)[1].text && (*sampled)[1].text == (*sampled)[2].text);
  for (const Completion& c : *sampled) {
    EXPECT_GT(c.gen_ms, 0);
    for (const std::string& stop : set->problems[3].stop) EXPECT_EQ(c.text.find(stop), std::string::npos);
  }

  o.sampling.temperature = 0;
  auto greedy_gen = ModelGenerator::create(model, o);
  ASSERT_TRUE(greedy_gen);
  auto greedy = (*greedy_gen)->generate(set->problems[3], 2);
  ASSERT_TRUE(greedy);
  ASSERT_EQ(greedy->size(), 2u);
  EXPECT_EQ((*greedy)[0].text, (*greedy)[1].text);
  auto again = (*greedy_gen)->generate(set->problems[3], 1);
  ASSERT_TRUE(again);
  EXPECT_EQ((*again)[0].text, (*greedy)[0].text);  // deterministic
}

TEST(HarnessModel, EndToEndRunOnTinyModel) {
  auto model = tiny_model();
  ASSERT_TRUE(model);
  const Benchmark& bench = **find_benchmark("mbpp-sanitized");
  auto set = load_problems(bench, testing::data_path("mbpp_sanitized_3.json"));
  ASSERT_TRUE(set);
  ModelGeneratorOptions go;
  go.max_tokens = 16;
  go.n_ctx = 1024;
  go.n_threads = 2;
  auto gen = ModelGenerator::create(model, go);
  ASSERT_TRUE(gen);
  EvalRunOptions o;
  o.out_dir = std::string(CODELOOM_BINARY_DIR) + "/harness-test-out/tiny";
  std::filesystem::remove_all(o.out_dir);
  o.n = 2;
  o.ks = {1, 2};
  o.limit = 2;
  auto r = run_eval(bench, set->problems, [&](const Problem& p, int n) { return (*gen)->generate(p, n); },
                    testing::shared_executor(), o);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->summary.problems.size(), 2u);
  EXPECT_EQ(r->summary.samples, 4u);
  // Random weights do not write working Python.
  EXPECT_DOUBLE_EQ(r->summary.pass_at_k.at(2), 0.0);
  EXPECT_EQ(r->summary.generation_ms.count, 4u);
  EXPECT_TRUE(std::filesystem::exists(o.out_dir + "/report.html"));
}

}  // namespace
}  // namespace codeloom::harness
