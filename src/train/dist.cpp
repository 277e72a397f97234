#include "dist.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <chrono>

namespace codeloom::train {

struct Dist::Impl {
  c10::intrusive_ptr<c10d::Store> store;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> pg;
};

Dist::~Dist() = default;

Result<std::unique_ptr<Dist>> Dist::create(const DistOptions& o) {
  std::unique_ptr<Dist> d(new Dist());
  d->opt_ = o;
  if (o.world_size <= 1) return d;
  if (o.rank < 0 || o.rank >= o.world_size)
    return make_error(ErrorCode::kInvalidArgument, "rank " + std::to_string(o.rank) + " is outside [0, world size " +
                                                       std::to_string(o.world_size) + ")");
  try {
    c10d::TCPStoreOptions so;
    so.port = static_cast<std::uint16_t>(o.master_port);
    so.isServer = o.rank == 0;
    so.numWorkers = o.world_size;
    so.waitWorkers = true;
    so.timeout = std::chrono::seconds(o.timeout_s);
    d->impl_ = std::make_unique<Impl>();
    d->impl_->store = c10::make_intrusive<c10d::TCPStore>(o.master_addr, so);
    auto opts = c10d::ProcessGroupGloo::Options::create(std::chrono::seconds(o.timeout_s));
    // Loopback for a single machine; otherwise the interface that resolves this host's name.
    const bool local = o.master_addr == "127.0.0.1" || o.master_addr == "localhost";
    opts->devices.push_back(local ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                                  : c10d::ProcessGroupGloo::createDefaultDevice());
    d->impl_->pg = c10::make_intrusive<c10d::ProcessGroupGloo>(d->impl_->store, o.rank, o.world_size, opts);
  } catch (const std::exception& e) {
    return make_error(ErrorCode::kIo, "cannot form the process group (rank " + std::to_string(o.rank) + " of " +
                                          std::to_string(o.world_size) + ", master " + o.master_addr + ":" +
                                          std::to_string(o.master_port) + "): " + e.what());
  }
  return d;
}

void Dist::all_reduce_sum(torch::Tensor& t) {
  if (opt_.world_size <= 1) return;
  std::vector<torch::Tensor> v{t};
  impl_->pg->allreduce(v)->wait();
}

void Dist::barrier() {
  if (opt_.world_size <= 1) return;
  impl_->pg->barrier()->wait();
}

}  // namespace codeloom::train
