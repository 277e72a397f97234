// AVX2 + FMA build of the SGNS loop. Only the functions of this file carry the
// target attribute (not the whole file's flags), so inline functions shared with
// other files (Rng, CowAccess, std::vector) are never emitted with AVX
// instructions that a generic caller could pick up. They run only when
// select_kernels() saw AVX2 and FMA in cpuid.
#include <immintrin.h>

#include "sgns.h"

#define CODELOOM_SGNS_TARGET __attribute__((target("avx2,fma")))

namespace codeloom::embed::detail {
namespace {

CODELOOM_SGNS_TARGET inline float hsum(__m256 v) {
  __m128 lo = _mm256_castps256_ps128(v);
  __m128 hi = _mm256_extractf128_ps(v, 1);
  lo = _mm_add_ps(lo, hi);
  __m128 sh = _mm_movehdup_ps(lo);
  lo = _mm_add_ps(lo, sh);
  sh = _mm_movehl_ps(sh, lo);
  return _mm_cvtss_f32(_mm_add_ss(lo, sh));
}

CODELOOM_SGNS_TARGET inline float dot(const float* a, const float* b, int n) {
  __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps();
  int i = 0;
  for (; i + 16 <= n; i += 16) {
    s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), s0);
    s1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i + 8), _mm256_loadu_ps(b + i + 8), s1);
  }
  for (; i + 8 <= n; i += 8) s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i), s0);
  float s = hsum(_mm256_add_ps(s0, s1));
  for (; i < n; ++i) s += a[i] * b[i];
  return s;
}

CODELOOM_SGNS_TARGET inline void pair_update(float g, const float* l1, float* l2, float* neu1e, int n) {
  const __m256 vg = _mm256_set1_ps(g);
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 v2 = _mm256_loadu_ps(l2 + i);
    _mm256_storeu_ps(neu1e + i, _mm256_fmadd_ps(vg, v2, _mm256_loadu_ps(neu1e + i)));
    _mm256_storeu_ps(l2 + i, _mm256_fmadd_ps(vg, _mm256_loadu_ps(l1 + i), v2));
  }
  for (; i < n; ++i) {
    neu1e[i] += g * l2[i];
    l2[i] += g * l1[i];
  }
}

CODELOOM_SGNS_TARGET inline void add_to(const float* x, float* y, int n) {
  int i = 0;
  for (; i + 8 <= n; i += 8) _mm256_storeu_ps(y + i, _mm256_add_ps(_mm256_loadu_ps(y + i), _mm256_loadu_ps(x + i)));
  for (; i < n; ++i) y[i] += x[i];
}

#include "sgns_loop.inc"

}  // namespace

Kernels avx2_kernels() { return {"avx2", &chunk_direct, &chunk_cow}; }

}  // namespace codeloom::embed::detail
