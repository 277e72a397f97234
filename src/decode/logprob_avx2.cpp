// The AVX2+FMA log-sum-exp: the portable kernel's exp polynomial
// (sampler.cpp's exp_nonpositive) on 8 lanes, the sum in double.
#include <immintrin.h>

#include <cmath>

#include "logprob_kernels.h"

namespace codeloom::decode::detail {

#define CODELOOM_AVX2 __attribute__((target("avx2,fma")))

namespace {

CODELOOM_AVX2 inline __m256 exp_nonpositive8(__m256 x) {
  // max_ps returns its second operand when x is NaN: NaN lands on the clamp.
  x = _mm256_max_ps(x, _mm256_set1_ps(-87.0f));
  const __m256 magic = _mm256_set1_ps(12582912.0f);
  const __m256 n = _mm256_sub_ps(_mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), magic), magic);
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693145751953125f), x);
  r = _mm256_fnmadd_ps(n, _mm256_set1_ps(1.428606765330187045e-06f), r);
  __m256 p = _mm256_set1_ps(1.9875691500e-4f);
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
  p = _mm256_fmadd_ps(_mm256_mul_ps(p, r), r, _mm256_add_ps(r, _mm256_set1_ps(1.0f)));
  const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
  return _mm256_mul_ps(p, _mm256_castsi256_ps(e));
}

}  // namespace

CODELOOM_AVX2 LogSumExp log_sum_exp_avx2(const float* l, std::size_t n) {
  // Max: NaN never wins (max_ps keeps its second operand, the running max).
  __m256 m8 = _mm256_set1_ps(-INFINITY);
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) m8 = _mm256_max_ps(_mm256_loadu_ps(l + i), m8);
  alignas(32) float lanes[8];
  _mm256_store_ps(lanes, m8);
  float mx = -INFINITY;
  for (float v : lanes) mx = v > mx ? v : mx;
  for (; i < n; ++i) mx = l[i] > mx ? l[i] : mx;

  const __m256 vmx = _mm256_set1_ps(mx);
  __m256d s0 = _mm256_setzero_pd(), s1 = _mm256_setzero_pd();
  i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 e = exp_nonpositive8(_mm256_sub_ps(_mm256_loadu_ps(l + i), vmx));
    s0 = _mm256_add_pd(s0, _mm256_cvtps_pd(_mm256_castps256_ps128(e)));
    s1 = _mm256_add_pd(s1, _mm256_cvtps_pd(_mm256_extractf128_ps(e, 1)));
  }
  alignas(32) double d[4];
  _mm256_store_pd(d, _mm256_add_pd(s0, s1));
  double sum = (d[0] + d[1]) + (d[2] + d[3]);
  if (i < n) {
    // The last n % 8 through the same vector exp; the padding lanes are not summed.
    alignas(32) float tail[8];
    alignas(32) float ex[8];
    for (int k = 0; k < 8; ++k) tail[k] = i + k < n ? l[i + k] : mx;
    _mm256_store_ps(ex, exp_nonpositive8(_mm256_sub_ps(_mm256_load_ps(tail), vmx)));
    for (std::size_t k = 0; i + k < n; ++k) sum += static_cast<double>(ex[k]);
  }
  return {mx, std::log(sum)};
}

}  // namespace codeloom::decode::detail
