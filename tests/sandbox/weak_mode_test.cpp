// The weaker mode is explicit: refused by default, reported when accepted, and
// still enforces what it can (rlimits, process-group and subreaper cleanup).
#include <gtest/gtest.h>

#include "codeloom/sandbox/sandbox.h"
#include "host_probe.h"
#include "test_util.h"

namespace codeloom::sandbox {
namespace {

SandboxOptions weak_options(IsolationMode mode) {
  SandboxOptions o;
  o.scratch_root = "/tmp/codeloom-sandbox-test";
  o.mode = mode;
  o.disabled_layers = {"pid_ns", "mount_ns", "net_ns"};
  return o;
}

TEST(SandboxWeakMode, RefusedUnlessAccepted) {
  Result<std::unique_ptr<Sandbox>> r = Sandbox::create(weak_options(IsolationMode::kRequireFull));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupported);
  EXPECT_NE(r.error().message.find("pid_ns net_ns mount_ns"), std::string::npos) << r.error().message;

  SandboxOptions bad;
  bad.disabled_layers = {"seccomp"};
  Result<std::unique_ptr<Sandbox>> b = Sandbox::create(bad);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().code, ErrorCode::kInvalidArgument);
}

TEST(SandboxWeakMode, RunsAndCleansUpItsTree) {
  Result<std::unique_ptr<Sandbox>> r = Sandbox::create(weak_options(IsolationMode::kAllowWeaker));
  ASSERT_TRUE(r) << r.error().message;
  const Sandbox& sb = **r;
  EXPECT_FALSE(sb.isolation().full());
  EXPECT_EQ(sb.isolation().missing(), "pid_ns net_ns mount_ns");

  Job ok = testing::python_job("import os\nprint(os.getuid() != 0)\n");
  Result<JobResult> a = sb.run(ok);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->outcome, Outcome::kPass) << a->detail << a->stderr_data;
  EXPECT_EQ(a->stdout_data, "True\n");

  // A background child (same session) must not outlive the job.
  testing::HostProbe host;
  ASSERT_TRUE(host.ok()) << host.error();
  Job bg = testing::python_job(host.fill(
      "import os\nif os.fork() == 0:\n    os.execv('/bin/sh', ['sh', '-c', 'sleep 1000; : @MARKER@-weak'])\n"
      "print('left a child')\n"));
  Result<JobResult> b = sb.run(bg);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->outcome, Outcome::kPass) << b->detail;
  EXPECT_TRUE(testing::HostProbe::processes_with(host.marker() + "-weak").empty());

  Job loop = testing::python_job("while True:\n    pass\n", 3000);
  loop.limits.cpu_seconds = 1;
  Result<JobResult> c = sb.run(loop);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->outcome, Outcome::kTimeout);
}

}  // namespace
}  // namespace codeloom::sandbox
