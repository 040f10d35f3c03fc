// Cancel, Stop and RunUntil: handles name one event only, cancelled events keep
// the clock and the event count as if they had fired as no-ops, and a stopped
// run resumes where it stopped.
#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include "sim/engine/simulator.h"

namespace dupsim {
namespace {

// Records (time, payload) of every event it handles, then runs an optional action.
struct Recorder final : EventHandler {
  std::vector<std::pair<Time, std::uint64_t>> seen;
  Simulator* sim = nullptr;
  std::function<void(const Event&)> then;
  void Handle(const Event& e) override {
    seen.emplace_back(sim->Now(), e.payload);
    if (then) then(e);
  }
};

struct Fixture {
  Simulator sim;
  Recorder r;
  HandlerId h;
  Fixture() : h(sim.Register(&r)) { r.sim = &sim; }
};

TEST(EventHandleTest, CancelBeforeFireSkipsTheHandlerButKeepsTheClockAndCount) {
  Fixture f;
  const EventHandle a = f.sim.ScheduleCancellable(10, f.h, 0, 1);
  f.sim.ScheduleCancellable(5, f.h, 0, 2);
  EXPECT_TRUE(f.sim.IsPending(a));
  f.sim.Cancel(a);
  EXPECT_FALSE(f.sim.IsPending(a));
  EXPECT_EQ(f.sim.Pending(), 2u);  // lazy: still queued until its time
  f.sim.Run();
  ASSERT_EQ(f.r.seen.size(), 1u);
  EXPECT_EQ(f.r.seen[0], std::make_pair(Time{5}, std::uint64_t{2}));
  // As a stale timer fired as a no-op would have: the clock reached it and it counted.
  EXPECT_EQ(f.sim.Now(), 10);
  EXPECT_EQ(f.sim.EventsProcessed(), 2u);
}

TEST(EventHandleTest, CancelAfterFireAndDefaultHandlesAreNoOps) {
  Fixture f;
  const EventHandle a = f.sim.ScheduleCancellable(1, f.h, 0, 1);
  f.sim.Run();
  EXPECT_FALSE(f.sim.IsPending(a));
  f.sim.Cancel(a);
  f.sim.Cancel(a);  // twice: still nothing
  f.sim.Cancel(EventHandle{});
  EXPECT_FALSE(EventHandle{}.Names());
  f.sim.ScheduleCancellable(1, f.h, 0, 2);
  f.sim.Run();
  ASSERT_EQ(f.r.seen.size(), 2u);
  EXPECT_EQ(f.r.seen[1].second, 2u);
}

TEST(EventHandleTest, AHandlersOwnHandleIsStaleWhileItRuns) {
  Fixture f;
  EventHandle self;
  bool pending_inside = true;
  f.r.then = [&](const Event&) {
    pending_inside = f.sim.IsPending(self);
    f.sim.Cancel(self);  // what a party does when the timeout itself ends the wait
  };
  self = f.sim.ScheduleCancellable(3, f.h, 0, 7);
  f.sim.Run();
  EXPECT_FALSE(pending_inside);
  EXPECT_EQ(f.r.seen.size(), 1u);
}

TEST(EventHandleTest, AReusedSlotIsNotCancelledByTheOldHandle) {
  Fixture f;
  const EventHandle old = f.sim.ScheduleCancellable(1, f.h, 0, 1);
  f.sim.Run();
  const EventHandle reused = f.sim.ScheduleCancellable(1, f.h, 0, 2);
  ASSERT_EQ(reused.slot, old.slot);  // freed slots are reused
  EXPECT_NE(reused.generation, old.generation);
  f.sim.Cancel(old);
  EXPECT_TRUE(f.sim.IsPending(reused));
  f.sim.Run();
  ASSERT_EQ(f.r.seen.size(), 2u);
  EXPECT_EQ(f.r.seen[1].second, 2u);
}

TEST(EventHandleTest, CancelledAndPlainEventsKeepTheirTieOrder) {
  Fixture f;
  f.sim.Schedule(4, f.h, 0, 1);
  const EventHandle b = f.sim.ScheduleCancellable(4, f.h, 0, 2);
  f.sim.ScheduleCancellable(4, f.h, 0, 3);
  f.sim.Schedule(4, f.h, 0, 4);
  f.sim.Cancel(b);
  f.sim.Run();
  ASSERT_EQ(f.r.seen.size(), 3u);
  EXPECT_EQ(f.r.seen[0].second, 1u);
  EXPECT_EQ(f.r.seen[1].second, 3u);
  EXPECT_EQ(f.r.seen[2].second, 4u);
}

TEST(EventHandleTest, OnlyBackgroundPendingIgnoresBackgroundEventsUntilTheyFire) {
  Fixture f;
  f.sim.ScheduleBackground(100, f.h, 0, 1);
  EXPECT_TRUE(f.sim.OnlyBackgroundPending());
  f.sim.Schedule(10, f.h, 0, 2);
  EXPECT_FALSE(f.sim.OnlyBackgroundPending());
  std::vector<bool> only_background;
  f.r.then = [&](const Event&) { only_background.push_back(f.sim.OnlyBackgroundPending()); };
  f.sim.Run();
  // After the plain event only the background one is left; when it fires, nothing is.
  EXPECT_EQ(only_background, (std::vector<bool>{true, true}));
}

TEST(EventHandleTest, StopEndsTheRunAfterTheCurrentHandlerAndRunResumes) {
  Fixture f;
  for (std::uint64_t i = 1; i <= 4; ++i) f.sim.Schedule(static_cast<Time>(i), f.h, 0, i);
  f.r.then = [&](const Event& e) {
    if (e.payload == 2) f.sim.Stop();
  };
  f.sim.Run();
  EXPECT_EQ(f.r.seen.size(), 2u);
  EXPECT_EQ(f.sim.Now(), 2);
  EXPECT_EQ(f.sim.Pending(), 2u);
  f.sim.Run();  // the stop is spent: the rest runs
  EXPECT_EQ(f.r.seen.size(), 4u);
  EXPECT_EQ(f.sim.Now(), 4);
}

TEST(EventHandleTest, StopOutsideARunHasNoEffect) {
  Fixture f;
  f.sim.Schedule(1, f.h, 0, 1);
  f.sim.Stop();
  f.sim.Run();
  EXPECT_EQ(f.r.seen.size(), 1u);
}

TEST(EventHandleTest, RunUntilFiresEventsDueByThenAndMovesTheClockThere) {
  Fixture f;
  f.sim.Schedule(5, f.h, 0, 1);
  f.sim.Schedule(10, f.h, 0, 2);
  f.sim.Schedule(11, f.h, 0, 3);
  f.sim.RunUntil(10);  // inclusive
  ASSERT_EQ(f.r.seen.size(), 2u);
  EXPECT_EQ(f.sim.Now(), 10);
  f.sim.RunUntil(10);  // nothing more is due
  EXPECT_EQ(f.r.seen.size(), 2u);
  f.sim.RunUntil(50);  // the clock moves past the last event to the bound
  EXPECT_EQ(f.r.seen.size(), 3u);
  EXPECT_EQ(f.sim.Now(), 50);
  f.sim.Schedule(1, f.h, 0, 4);
  f.sim.Run();
  EXPECT_EQ(f.r.seen.back(), std::make_pair(Time{51}, std::uint64_t{4}));
}

TEST(EventHandleTest, StopInsideRunUntilLeavesTheClockAtTheStoppingEvent) {
  Fixture f;
  f.sim.Schedule(5, f.h, 0, 1);
  f.sim.Schedule(7, f.h, 0, 2);
  f.r.then = [&](const Event&) { f.sim.Stop(); };
  f.sim.RunUntil(100);
  EXPECT_EQ(f.r.seen.size(), 1u);
  EXPECT_EQ(f.sim.Now(), 5);
}

}  // namespace
}  // namespace dupsim
