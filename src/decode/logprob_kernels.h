// log-sum-exp kernels behind token_logprob (internal to the decode module):
// a portable one and an AVX2+FMA one, chosen once at run time. Both return
// log(sum_i exp(l[i] - mx)) for mx = max_i l[i], summing in double; NaN logits
// count as the smallest value (exp(-87)), never as the maximum.
#pragma once

#include <cstddef>

namespace codeloom::decode::detail {

struct LogSumExp {
  float max;
  double log_sum;  // log(sum exp(l[i] - max))
};

LogSumExp log_sum_exp_generic(const float* l, std::size_t n);
LogSumExp log_sum_exp_avx2(const float* l, std::size_t n);  // only where the CPU has AVX2 and FMA

// The kernel token_logprob uses: AVX2 when the CPU has it, unless
// CODELOOM_DECODE_KERNEL=generic. Decided on the first call.
LogSumExp log_sum_exp(const float* l, std::size_t n);
const char* log_sum_exp_kernel_name();

}  // namespace codeloom::decode::detail
