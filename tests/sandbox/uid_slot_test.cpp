// uid slots are claimed machine-wide: two Sandboxes (or two codeloom
// processes) sharing a scratch root never run jobs as the same uid at once.
// Regression: each process used to count its slots alone, so concurrent
// `codeloom eval` runs shared uids (and one job's processes counted against
// the other's RLIMIT_NPROC).
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>

#include "test_util.h"

namespace codeloom::sandbox {
namespace {

constexpr int kBase = 63000;  // apart from the other tests' ranges
const std::string kRoot = "/tmp/codeloom-sandbox-uid-test";

std::unique_ptr<Sandbox> make(int slots) {
  SandboxOptions o;
  o.scratch_root = kRoot;
  o.uid_base = kBase;
  o.uid_slots = slots;
  Result<std::unique_ptr<Sandbox>> r = Sandbox::create(o);
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return r ? std::move(*r) : nullptr;
}

int job_uid(const Sandbox& sb) {
  Result<JobResult> r = sb.run(testing::python_job("import os\nprint(os.getuid())\n"));
  EXPECT_TRUE(r);
  if (!r) return -1;
  EXPECT_EQ(r->outcome, Outcome::kPass) << r->detail << r->stderr_data;
  return std::atoi(r->stdout_data.c_str());
}

TEST(SandboxUidSlots, ASlotHeldElsewhereIsSkipped) {
  auto sb = make(2);
  ASSERT_TRUE(sb);
  if (!sb->isolation().root || !sb->isolation().setuid) GTEST_SKIP() << "uid slots are used only as root";
  EXPECT_EQ(job_uid(*sb), kBase);  // free: the first slot
  // Another process holding the first uid's lock file (what a concurrent
  // codeloom run does while its job runs).
  const std::string lock = kRoot + "/uid-" + std::to_string(kBase) + ".lock";
  const int fd = open(lock.c_str(), O_RDWR | O_CLOEXEC);
  ASSERT_GE(fd, 0) << "the sandbox did not create " << lock;
  ASSERT_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);
  EXPECT_EQ(job_uid(*sb), kBase + 1);
  close(fd);
  EXPECT_EQ(job_uid(*sb), kBase);  // released: the first slot again
}

TEST(SandboxUidSlots, TwoSandboxesWithOneSlotTakeTurns) {
  auto a = make(1), b = make(1);
  ASSERT_TRUE(a && b);
  if (!a->isolation().root || !a->isolation().setuid) GTEST_SKIP() << "uid slots are used only as root";
  // A holds the only uid for ~1 s; B's job must start after A's has ended.
  Result<JobResult> first = make_error(ErrorCode::kInternal, "not run");
  std::thread t([&] {
    first = a->run(testing::python_job("import time\nprint(time.time())\ntime.sleep(1.0)\nprint(time.time())\n"));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  Result<JobResult> second = b->run(testing::python_job("import time\nprint(time.time())\n"));
  t.join();
  ASSERT_TRUE(first && second);
  ASSERT_EQ(first->outcome, Outcome::kPass) << first->detail;
  ASSERT_EQ(second->outcome, Outcome::kPass) << second->detail;
  const double a_end = std::stod(first->stdout_data.substr(first->stdout_data.find('\n') + 1));
  const double b_start = std::stod(second->stdout_data);
  EXPECT_GT(b_start, a_end) << "both jobs ran as uid " << kBase << " at the same time";
}

// A lock file that cannot be opened is an error of the job, not a wait for a
// slot that never frees.
TEST(SandboxUidSlots, UnopenableLockFileIsAJobErrorNotAHang) {
  const std::string root = kRoot + "-bad";
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root + "/uid-" + std::to_string(kBase + 100) + ".lock");  // a directory
  SandboxOptions o;
  o.scratch_root = root;
  o.uid_base = kBase + 100;
  o.uid_slots = 1;
  auto sb = Sandbox::create(o);
  ASSERT_TRUE(sb) << sb.error().message;
  if (!(*sb)->isolation().root || !(*sb)->isolation().setuid) GTEST_SKIP() << "uid slots are used only as root";
  Result<JobResult> r = (*sb)->run(testing::python_job("print(1)\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kError);
  EXPECT_NE(r->detail.find("uid lock file"), std::string::npos) << r->detail;
  std::filesystem::remove_all(root);
}

TEST(SandboxUidSlots, UnusableScratchRootIsAJobError) {
  SandboxOptions o;
  o.scratch_root = "/proc/codeloom-cannot-create";
  o.uid_base = kBase;
  o.uid_slots = 1;
  auto sb = Sandbox::create(o);
  ASSERT_TRUE(sb) << sb.error().message;
  Result<JobResult> r = (*sb)->run(testing::python_job("print(1)\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kError);
  EXPECT_NE(r->detail.find("scratch root"), std::string::npos) << r->detail;
}

}  // namespace
}  // namespace codeloom::sandbox
