// AVX-512F build of the SGNS loop (see sgns_avx2.cpp for why only these
// functions carry the target attribute). Runs only when select_kernels() saw
// avx512f in cpuid.
// GCC 12's AVX-512 intrinsics (_mm512_reduce_add_ps via _mm512_extractf64x4_pd)
// pass an _mm256_undefined_pd() that -Wmaybe-uninitialized flags: a false
// positive inside the system header, silenced for the header's lines only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop

#include "sgns.h"

#define CODELOOM_SGNS_TARGET __attribute__((target("avx512f")))

namespace codeloom::embed::detail {
namespace {

CODELOOM_SGNS_TARGET inline float dot(const float* a, const float* b, int n) {
  __m512 s0 = _mm512_setzero_ps(), s1 = _mm512_setzero_ps();
  int i = 0;
  for (; i + 32 <= n; i += 32) {
    s0 = _mm512_fmadd_ps(_mm512_loadu_ps(a + i), _mm512_loadu_ps(b + i), s0);
    s1 = _mm512_fmadd_ps(_mm512_loadu_ps(a + i + 16), _mm512_loadu_ps(b + i + 16), s1);
  }
  for (; i + 16 <= n; i += 16) s0 = _mm512_fmadd_ps(_mm512_loadu_ps(a + i), _mm512_loadu_ps(b + i), s0);
  float s = _mm512_reduce_add_ps(_mm512_add_ps(s0, s1));
  for (; i < n; ++i) s += a[i] * b[i];
  return s;
}

CODELOOM_SGNS_TARGET inline void pair_update(float g, const float* l1, float* l2, float* neu1e, int n) {
  const __m512 vg = _mm512_set1_ps(g);
  int i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m512 v2 = _mm512_loadu_ps(l2 + i);
    _mm512_storeu_ps(neu1e + i, _mm512_fmadd_ps(vg, v2, _mm512_loadu_ps(neu1e + i)));
    _mm512_storeu_ps(l2 + i, _mm512_fmadd_ps(vg, _mm512_loadu_ps(l1 + i), v2));
  }
  for (; i < n; ++i) {
    neu1e[i] += g * l2[i];
    l2[i] += g * l1[i];
  }
}

CODELOOM_SGNS_TARGET inline void add_to(const float* x, float* y, int n) {
  int i = 0;
  for (; i + 16 <= n; i += 16) _mm512_storeu_ps(y + i, _mm512_add_ps(_mm512_loadu_ps(y + i), _mm512_loadu_ps(x + i)));
  for (; i < n; ++i) y[i] += x[i];
}

#include "sgns_loop.inc"

}  // namespace

Kernels avx512_kernels() { return {"avx512", &chunk_direct, &chunk_cow}; }

}  // namespace codeloom::embed::detail
