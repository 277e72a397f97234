// Portable build of the SGNS loop. Eight independent partial sums give the
// compiler a reduction it vectorizes without -ffast-math.
#include "sgns.h"

#define CODELOOM_SGNS_TARGET

namespace codeloom::embed::detail {
namespace {

inline float dot(const float* a, const float* b, int n) {
  float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int i = 0;
  for (; i + 8 <= n; i += 8)
    for (int j = 0; j < 8; ++j) acc[j] += a[i + j] * b[i + j];
  float s = ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]));
  for (; i < n; ++i) s += a[i] * b[i];
  return s;
}

inline void pair_update(float g, const float* l1, float* l2, float* neu1e, int n) {
  for (int i = 0; i < n; ++i) {
    neu1e[i] += g * l2[i];
    l2[i] += g * l1[i];
  }
}

inline void add_to(const float* x, float* y, int n) {
  for (int i = 0; i < n; ++i) y[i] += x[i];
}

#include "sgns_loop.inc"

}  // namespace

Kernels generic_kernels() { return {"generic", &chunk_direct, &chunk_cow}; }

}  // namespace codeloom::embed::detail
