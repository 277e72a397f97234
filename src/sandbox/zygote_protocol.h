// Internal: the warm Python runner ("zygote"). A long-lived helper process,
// codeloom-pyzygote, embeds the same CPython as /usr/bin/python3, initialises it
// once, and for every job forks the usual shim -> init -> program tree (the
// same namespaces, mounts, rlimits and uid as spawn_child.cpp; no layer is
// shared between jobs) whose program runs the script in the already
// initialised interpreter instead of execve()ing a fresh one. That saves the
// ~20 ms interpreter start-up per job; see docs/sandbox.md.
//
// The host (zygote.cpp) sends one SOCK_SEQPACKET message per job, encoded
// here, with the job's five descriptors (stdin memfd, stdout, stderr, report
// and control pipes) attached as SCM_RIGHTS. Both sides are built from the
// same tree, so plain values are copied as bytes behind a magic + layout tag.
#pragma once

#include <string>
#include <vector>

#include "spawn.h"

namespace codeloom::sandbox::internal {

// Largest request the host sends to the zygote; bigger jobs (e.g. megabytes
// of argv) run the cold way.
inline constexpr size_t kMaxZygoteRequest = 60 * 1024;
// Descriptors per request, in this order: stdin, stdout, stderr, report, control.
inline constexpr int kZygoteFds = 5;

std::string encode_request(const SpawnSpec& spec);
// False when `data` is not a request of this build.
bool decode_request(const char* data, size_t size, SpawnSpec* out);

// The ChildPlan for `spec` and the storage its pointers refer to. `spec` must
// outlive it. Descriptors are the caller's to fill in.
struct PlanStorage {
  std::vector<const char*> argv, envp;
  std::vector<std::string> staged;  // kViewStage + each view path
  std::vector<ViewMount> view;
  std::string tmp_options, uid_map, gid_map;
  ChildPlan plan;
  PlanStorage() = default;
  PlanStorage(const PlanStorage&) = delete;
  PlanStorage& operator=(const PlanStorage&) = delete;
};
void prepare_plan(const SpawnSpec& spec, PlanStorage* out);

}  // namespace codeloom::sandbox::internal
