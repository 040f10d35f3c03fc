// The engine's hot path must not allocate per event in steady state. This
// executable counts every global operator new; the hold model (each event
// schedules its successor) must run 200,000 events with zero allocations once
// the queue has its capacity.
#include <gtest/gtest.h>

#include "sim/engine/random_stream.h"
#include "sim/engine/simulator.h"
#include "tests/support/allocation_counter.h"

namespace dupsim {
namespace {

struct Hold final : EventHandler {
  Simulator* sim = nullptr;
  HandlerId self = 0;
  RandomStream rng{1};
  void Handle(const Event& e) override {
    sim->Schedule(static_cast<Time>(rng.NextU64() % 1000) + 1, self, 0, e.payload);
  }
};

TEST(AllocationTest, HoldModelAllocatesNothingPerEvent) {
  Simulator sim;
  Hold hold;
  hold.sim = &sim;
  hold.self = sim.Register(&hold);
  sim.ReservePending(10001);
  for (std::uint64_t i = 0; i < 10000; ++i) sim.ScheduleAt(static_cast<Time>(i), hold.self, 0, i);
  for (int i = 0; i < 1000; ++i) sim.Step();  // warm up

  const long before = testing::AllocationCount();
  for (int i = 0; i < 200000; ++i) ASSERT_TRUE(sim.Step());
  EXPECT_EQ(testing::AllocationCount() - before, 0);
  EXPECT_EQ(sim.Pending(), 10000u);

  // The counter does see allocations: growing past the reserved capacity allocates.
  for (std::uint64_t i = 0; i < 20000; ++i) sim.Schedule(1, hold.self, 0, i);
  EXPECT_GT(testing::AllocationCount() - before, 0);
}

// Parties' timers: each event arms a cancellable timeout and cancels the previous one, as a
// client does for every attempt. Handles live in a reused slot table: nothing is allocated.
struct CancellingHold final : EventHandler {
  Simulator* sim = nullptr;
  HandlerId self = 0;
  RandomStream rng{2};
  EventHandle timeout;
  void Handle(const Event& e) override {
    if (e.kind == 1) return;  // a timeout that fired
    sim->Cancel(timeout);
    timeout = sim->ScheduleCancellable(static_cast<Time>(rng.NextU64() % 500) + 1, self, 1, 0);
    sim->Schedule(static_cast<Time>(rng.NextU64() % 1000) + 1, self, 0, e.payload);
  }
};

TEST(AllocationTest, CancellableTimersAllocateNothingPerEvent) {
  Simulator sim;
  CancellingHold hold;
  hold.sim = &sim;
  hold.self = sim.Register(&hold);
  sim.ReservePending(20001);
  for (std::uint64_t i = 0; i < 10000; ++i) sim.ScheduleAt(static_cast<Time>(i), hold.self, 0, i);
  for (int i = 0; i < 20000; ++i) sim.Step();  // warm up: the handle table reaches its peak

  const long before = testing::AllocationCount();
  for (int i = 0; i < 200000; ++i) ASSERT_TRUE(sim.Step());
  EXPECT_EQ(testing::AllocationCount() - before, 0);
}

}  // namespace
}  // namespace dupsim
