// plan_step: what one continuous-batching step evaluates, and in what order.
#include <gtest/gtest.h>

#include <vector>

#include "batch_decoder.h"

namespace codeloom::server {
namespace {

std::vector<int> seqs(const std::vector<StepItem>& items, const std::vector<StepSlice>& plan) {
  std::vector<int> out;
  for (const auto& s : plan) out.push_back(items[s.item].seq);
  return out;
}

TEST(PlanStep, LaysOutBySequenceIdNotArrival) {
  // Slots post in arrival order; libllama groups only consecutive, increasing
  // sequence ids into one evaluation, so the batch must be in id order.
  const std::vector<StepItem> items = {{5, 1}, {2, 1}, {7, 1}, {0, 1}, {6, 1}};
  const auto plan = plan_step(items, 512);
  EXPECT_EQ(seqs(items, plan), (std::vector<int>{0, 2, 5, 6, 7}));
  for (const auto& s : plan) EXPECT_EQ(s.n, 1u);
}

TEST(PlanStep, SingleTokensGetTheRoomFirstThenShortPromptChunks) {
  // 6 tokens of room: the two generating slots, then the shorter prompt (3),
  // then 1 token of the longer one; laid out by id all the same.
  const std::vector<StepItem> items = {{4, 100}, {3, 1}, {1, 3}, {6, 1}};
  const auto plan = plan_step(items, 6);
  EXPECT_EQ(seqs(items, plan), (std::vector<int>{1, 3, 4, 6}));
  std::vector<std::size_t> n;
  for (const auto& s : plan) n.push_back(s.n);
  EXPECT_EQ(n, (std::vector<std::size_t>{3, 1, 1, 1}));
}

TEST(PlanStep, NothingPastTheBatchSize) {
  const std::vector<StepItem> items = {{0, 300}, {1, 300}};
  const auto plan = plan_step(items, 512);
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[0].n + plan[1].n, 512u);
  EXPECT_EQ(plan_step(items, 100).size(), 1u);  // the first chunk fills it
  EXPECT_TRUE(plan_step({}, 512).empty());
}

}  // namespace
}  // namespace codeloom::server
