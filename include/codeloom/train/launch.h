// Starting data-parallel workers (docs/train.md, "Training on several processes or machines").
//
// Single machine: `codeloom train --nproc 2 ...` calls launch_workers(), which
// re-runs the same command line N times with the rank in the environment;
// each worker reads it back with dist_from_env(). Several machines: start one
// `codeloom train` per process yourself with CODELOOM_RANK,
// CODELOOM_WORLD_SIZE, CODELOOM_MASTER_ADDR and CODELOOM_MASTER_PORT set (or
// the equivalent flags).
#pragma once

#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/train/trainer.h"

namespace codeloom::train {

inline constexpr const char* kEnvRank = "CODELOOM_RANK";
inline constexpr const char* kEnvWorldSize = "CODELOOM_WORLD_SIZE";
inline constexpr const char* kEnvMasterAddr = "CODELOOM_MASTER_ADDR";
inline constexpr const char* kEnvMasterPort = "CODELOOM_MASTER_PORT";

// A TCP port on 127.0.0.1 that was free a moment ago.
Result<int> free_loopback_port();

// Runs argv (argv[0] an executable path) as nproc processes with ranks 0..nproc-1
// in the environment (master 127.0.0.1:port), waits for all of them, and
// returns 0 or the first non-zero exit code; when one worker fails the others
// are terminated (a peer would otherwise wait for it until the timeout).
Result<int> launch_workers(const std::vector<std::string>& argv, int nproc, int port);

// Fills rank/world size/master from the environment variables above when
// CODELOOM_WORLD_SIZE is set; `base` otherwise. kInvalidArgument on malformed values.
Result<DistOptions> dist_from_env(DistOptions base);

}  // namespace codeloom::train
