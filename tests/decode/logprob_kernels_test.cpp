// The log-sum-exp kernels behind token_logprob: the AVX2 one and the portable
// one agree with a long-double reference on every length (the vector body and
// its tail), on peaked and flat logits, and on NaN / -inf entries.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "logprob_kernels.h"

namespace codeloom::decode::detail {
namespace {

struct Reference {
  float max;
  double log_sum;
};

Reference reference(const std::vector<float>& l) {
  float mx = -INFINITY;
  for (float v : l) mx = v > mx ? v : mx;  // NaN never wins
  long double sum = 0;
  for (float v : l) {
    const float x = v - mx;
    sum += std::isnan(x) || x < -87.0f ? std::exp(-87.0L) : std::exp(static_cast<long double>(x));
  }
  return {mx, static_cast<double>(std::log(sum))};
}

std::vector<float> random_logits(std::size_t n, float scale, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> d(0.0f, scale);
  std::vector<float> l(n);
  for (float& v : l) v = d(rng);
  return l;
}

bool have_avx2() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

void expect_matches(const std::vector<float>& l, const char* what) {
  const Reference want = reference(l);
  const LogSumExp g = log_sum_exp_generic(l.data(), l.size());
  EXPECT_EQ(g.max, want.max) << what << " n=" << l.size();
  EXPECT_NEAR(g.log_sum, want.log_sum, 1e-6) << what << " n=" << l.size();
  if (have_avx2()) {
    const LogSumExp a = log_sum_exp_avx2(l.data(), l.size());
    EXPECT_EQ(a.max, want.max) << what << " n=" << l.size();
    EXPECT_NEAR(a.log_sum, want.log_sum, 1e-6) << what << " n=" << l.size();
  }
}

TEST(LogSumExp, KernelsMatchTheReferenceAtEveryLength) {
  // 1..40 cover an empty vector body, the body alone and every tail length.
  for (std::size_t n : {1, 2, 7, 8, 9, 15, 16, 17, 23, 31, 33, 40, 16000, 151936}) {
    expect_matches(random_logits(n, 3.0f, static_cast<unsigned>(n)), "flat");
    expect_matches(random_logits(n, 40.0f, static_cast<unsigned>(n) + 1), "peaked");
  }
}

TEST(LogSumExp, NanNeverWinsAndInfinitiesStayFinite) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  for (std::size_t n : {9, 16, 16000}) {
    for (std::size_t where : {std::size_t{0}, std::size_t{3}, n - 1}) {
      auto l = random_logits(n, 3.0f, 5);
      l[where] = nan;
      expect_matches(l, "nan");
      l[where] = -INFINITY;
      expect_matches(l, "-inf");
    }
  }
}

TEST(LogSumExp, DispatchNamesAKernelThisCpuRuns) {
  const std::string name = log_sum_exp_kernel_name();
  EXPECT_TRUE(name == "generic" || (name == "avx2" && have_avx2())) << name;
  const auto l = random_logits(1000, 3.0f, 9);
  EXPECT_NEAR(log_sum_exp(l.data(), l.size()).log_sum, reference(l).log_sum, 1e-6);
}

}  // namespace
}  // namespace codeloom::decode::detail
