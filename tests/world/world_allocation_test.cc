// A whole run must not allocate per event: after construction, only the
// amortised growth of queues and pools may touch the heap (a few dozen times
// in a run of hundreds of thousands of events). This executable counts every
// global operator new.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "sim/run/world.h"
#include "tests/world/quiet_world.h"

namespace {
std::atomic<long> g_allocations{0};
}

void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

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
    const long before = g_allocations.load();
    const RunResult r = world->Run();
    const long during = g_allocations.load() - before;
    ASSERT_GT(r.events, 500000u) << name;
    // RunResult's strings account for a handful; growth doublings for the rest.
    EXPECT_LT(during, 100) << name << ": " << during << " allocations in " << r.events << " events";
  }
}

}  // namespace
}  // namespace dupsim
