// The slot engine in-process over a tiny real model.
#include "codeloom/server/engine.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "support/tiny_model.h"

namespace codeloom::server {
namespace {

std::shared_ptr<llm::Model> tiny() {
  testing::TinyModelOptions o;
  o.tied_output = false;
  auto path = testing::tiny_model_path(o);
  EXPECT_TRUE(path) << path.error().message;
  auto m = llm::Model::load(*path);
  EXPECT_TRUE(m) << m.error().message;
  return *m;
}

std::shared_ptr<Job> make_job(const llm::Model& model, const std::string& text, int max_tokens) {
  auto j = std::make_shared<Job>();
  j->prompt = model.tokenize(text, true);
  j->options.max_tokens = max_tokens;
  j->options.sampling.temperature = 0;
  return j;
}

class EngineModes : public ::testing::TestWithParam<bool> {};
INSTANTIATE_TEST_SUITE_P(Engine, EngineModes, ::testing::Values(true, false),
                         [](const auto& info) { return info.param ? "batched" : "independent"; });

TEST_P(EngineModes, RunsJobsAndReusesTheSlotCacheForTheSamePrefix) {
  auto model = tiny();
  auto e = Engine::create(model, {.slots = 2, .n_ctx = 512, .n_threads = 1, .n_batch = 64, .queue_size = 4, .batched = GetParam()});
  ASSERT_TRUE(e) << e.error().message;
  const std::string file = "def add(a, b):\n    return a + b\n\ndef sub(a, b):\n    return a - b\n\n";
  auto a = make_job(*model, file + "def mul(a, b):", 4);
  ASSERT_TRUE((*e)->submit(a));
  const JobResult& ra = a->wait();
  ASSERT_TRUE(ra.candidates) << ra.candidates.error().message;
  EXPECT_EQ(ra.reused_tokens, 0u);
  // A one-line edit at the end: the next request lands on the slot holding the prefix.
  auto b = make_job(*model, file + "def div(a, b):", 4);
  ASSERT_TRUE((*e)->submit(b));
  const JobResult& rb = b->wait();
  ASSERT_TRUE(rb.candidates);
  EXPECT_EQ(rb.slot, ra.slot);
  EXPECT_GT(rb.reused_tokens, rb.prompt_tokens / 2);
}

TEST_P(EngineModes, QueueBoundAndCancellation) {
  auto model = tiny();
  auto e = Engine::create(model, {.slots = 1, .n_ctx = 2048, .n_threads = 1, .n_batch = 64, .queue_size = 1, .batched = GetParam()});
  ASSERT_TRUE(e);
  auto running = make_job(*model, "x", 1800);
  running->options.sampling.temperature = 1;
  std::atomic<int> pieces{0};
  running->on_text = [&](int, std::string_view) { ++pieces; };
  ASSERT_TRUE((*e)->submit(running));
  while (pieces.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto waiting = make_job(*model, "y", 1);
  ASSERT_TRUE((*e)->submit(waiting));
  auto refused = make_job(*model, "z", 1);
  Status st = (*e)->submit(refused);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kOutOfRange);
  EXPECT_EQ((*e)->stats().queued, 1);
  // Withdrawing the waiting job and cancelling the running one frees everything.
  (*e)->withdraw(waiting);
  EXPECT_EQ(waiting->wait().candidates.error().code, ErrorCode::kCancelled);
  running->cancelled = true;
  const JobResult& r = running->wait();
  ASSERT_TRUE(r.candidates) << r.candidates.error().message;
  EXPECT_EQ(r.candidates->front().finish, decode::FinishReason::kCancelled);
  EXPECT_LT(r.candidates->front().tokens.size(), 1800u);
  (*e)->shutdown();
  EXPECT_EQ((*e)->submit(make_job(*model, "w", 1)).error().code, ErrorCode::kCancelled);
}

// Several slots decoding in one batch give the same greedy text as each
// prompt decoded alone on its own context.
TEST(Engine, BatchedMatchesIndependentGreedy) {
  auto model = tiny();
  const std::vector<std::string> prompts = {"def add(a, b):", "int main() {\n  int x = ", "public class Foo {",
                                            "function f(x) { return"};
  auto run = [&](bool batched) {
    auto e = Engine::create(model, {.slots = 4, .n_ctx = 256, .n_threads = 1, .n_batch = 64, .queue_size = 4,
                                    .batched = batched});
    EXPECT_TRUE(e);
    std::vector<std::shared_ptr<Job>> jobs;
    for (const auto& p : prompts) {
      jobs.push_back(make_job(*model, p, 24));
      jobs.back()->options.n = 2;  // also exercises rewind to the prompt between candidates
      EXPECT_TRUE((*e)->submit(jobs.back()));
    }
    std::vector<std::string> out;
    for (auto& j : jobs) {
      const JobResult& r = j->wait();
      EXPECT_TRUE(r.candidates) << r.candidates.error().message;
      out.push_back(r.candidates ? r.candidates->front().text : "");
    }
    return out;
  };
  const auto batched = run(true);
  const auto independent = run(false);
  EXPECT_EQ(batched, independent);
}

}  // namespace
}  // namespace codeloom::server
