// A whole run must not allocate per event: after construction, only the
// amortised growth of queues and pools may touch the heap (a few dozen times
// in a run of hundreds of thousands of events). This executable counts every
// global operator new.
#include <gtest/gtest.h>

#include "sim/run/world.h"
#include "tests/support/allocation_counter.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

TEST(WorldAllocationTest, RunAllocatesOnlyForAmortisedGrowth) {
  Scenario s = testing::QuietWorld(100000);
  s.user.double_tap_probability = 0.1;
  s.network.response.loss_probability = 0.05;
  s.network.request.duplicate_probability = 0.01;
  s.network.request.latency =
      std::make_shared<LognormalDistribution>(40 * kMillisecond, 300 * kMillisecond);
  for (const char* name : {"none", "idempotency_key"}) {
    const ConfiguredStrategy strategy = testing::Strategy(name);
    auto world = std::make_unique<World>(s, strategy);
    const long before = testing::AllocationCount();
    const RunResult r = world->Run();
    const long during = testing::AllocationCount() - before;
    ASSERT_GT(r.events, 500000u) << name;
    // RunResult's strings account for a handful; growth doublings for the rest.
    EXPECT_LT(during, 100) << name << ": " << during << " allocations in " << r.events << " events";
  }
}

}  // namespace
}  // namespace dupsim
