// The portable log-sum-exp and the run-time choice of kernel.
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "logprob_kernels.h"

namespace codeloom::decode::detail {
namespace {

// exp(x) for x <= 0 with relative error < 1e-7 (8.3e-8 measured over [-87, 0]):
// Cody-Waite reduction to r in [-ln2/2, ln2/2], a degree-7 polynomial, 2^n by
// building the float's exponent. 1.5-1.9x faster than the double libm exp it
// replaces, paid on every generated token. GCC 12 does not vectorise the loop
// below without fast-math, hence logprob_avx2.cpp (the same polynomial, 8 lanes).
inline float exp_nonpositive(float x) {
  // exp(-87) ~ 1.6e-38: below it every term is negligible. NaN lands here too,
  // so the float-to-int conversion below is always defined.
  x = x >= -87.0f ? x : -87.0f;
  const float n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;  // round to nearest
  float r = x - n * 0.693145751953125f;
  r -= n * 1.428606765330187045e-06f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  return p * std::bit_cast<float>((static_cast<std::int32_t>(n) + 127) << 23);
}

}  // namespace


LogSumExp log_sum_exp_generic(const float* l, std::size_t n) {
  float mx = -INFINITY;  // NaN never wins
  for (std::size_t i = 0; i < n; ++i) mx = l[i] > mx ? l[i] : mx;
  double sum = 0.0;
  for (std::size_t i = 0; i < n; ++i) sum += static_cast<double>(exp_nonpositive(l[i] - mx));
  return {mx, std::log(sum)};
}

namespace {

using Kernel = LogSumExp (*)(const float*, std::size_t);

struct Choice {
  Kernel fn;
  const char* name;
};

Choice choose() {
  const char* force = std::getenv("CODELOOM_DECODE_KERNEL");
  if (force != nullptr && std::strcmp(force, "generic") == 0) return {log_sum_exp_generic, "generic"};
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return {log_sum_exp_avx2, "avx2"};
  return {log_sum_exp_generic, "generic"};
}

const Choice& chosen() {
  static const Choice c = choose();
  return c;
}

}  // namespace

LogSumExp log_sum_exp(const float* l, std::size_t n) { return chosen().fn(l, n); }
const char* log_sum_exp_kernel_name() { return chosen().name; }

}  // namespace codeloom::decode::detail
