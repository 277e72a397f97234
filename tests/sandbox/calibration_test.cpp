// Calibration: the factor is measured, never below 1, and actually scales timeouts.
#include <gtest/gtest.h>

#include "codeloom/sandbox/calibration.h"
#include "test_util.h"

namespace codeloom::sandbox {
namespace {

TEST(SandboxCalibration, MeasuresBothWorkloads) {
  Calibration c = calibrate(testing::shared_sandbox());
  std::cout << "[ calibration ] cpp " << c.cpp_time.count() << " us (ref " << c.cpp_reference.count()
            << "), python " << c.python_time.count() << " us (ref " << c.python_reference.count()
            << "), factor " << c.factor << "\n";
  EXPECT_GT(c.cpp_time.count(), 0);
  EXPECT_GT(c.python_time.count(), 0);
  EXPECT_GE(c.factor, 1.0);
  EXPECT_LE(c.factor, 20.0);
  double expected = std::max({1.0, double(c.cpp_time.count()) / double(c.cpp_reference.count()),
                              double(c.python_time.count()) / double(c.python_reference.count())});
  EXPECT_NEAR(c.factor, std::min(expected, 20.0), 1e-9);
}

TEST(SandboxCalibration, ScaleLengthensTimeouts) {
  Job j = testing::python_job("import time\ntime.sleep(0.8)\nprint('woke')\n", 400);
  Result<JobResult> plain = testing::shared_sandbox().run(j);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->outcome, Outcome::kTimeout);

  SandboxOptions o = testing::shared_sandbox().options();
  o.timeout_scale = 6.0;  // 2.4 s: room for a slow interpreter start
  Result<std::unique_ptr<Sandbox>> scaled = Sandbox::create(o);
  ASSERT_TRUE(scaled) << scaled.error().message;
  Result<JobResult> r = (*scaled)->run(j);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->outcome, Outcome::kPass) << r->detail;
  EXPECT_EQ(r->stdout_data, "woke\n");
}

TEST(SandboxCalibration, RejectsShrinkingScale) {
  SandboxOptions o;
  o.timeout_scale = 0.5;
  Result<std::unique_ptr<Sandbox>> r = Sandbox::create(o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
}

TEST(SandboxCalibration, CalibratedOptions) {
  Calibration c;
  Result<SandboxOptions> o = calibrated_options(testing::shared_sandbox().options(), &c);
  ASSERT_TRUE(o) << o.error().message;
  EXPECT_GE(o->timeout_scale, c.factor);
  EXPECT_GE(o->timeout_scale, 1.0);
}

}  // namespace
}  // namespace codeloom::sandbox
