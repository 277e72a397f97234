// Data-parallel plumbing: a c10d Gloo process group over a TCPStore (CPU).
// world_size 1 makes every call a no-op, so the loop has a single code path.
#pragma once

#include <torch/torch.h>

#include <memory>

#include "codeloom/common/status.h"
#include "codeloom/train/trainer.h"

namespace codeloom::train {

class Dist {
 public:
  // Connects to the store (rank 0 hosts it) and forms the group; kIo with the
  // address in the message when a peer does not show up within timeout_s.
  static Result<std::unique_ptr<Dist>> create(const DistOptions& options);
  ~Dist();

  int rank() const { return opt_.rank; }
  int world() const { return opt_.world_size; }
  // In-place sum across ranks.
  void all_reduce_sum(torch::Tensor& t);
  void barrier();

 private:
  Dist() = default;
  struct Impl;
  DistOptions opt_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace codeloom::train
