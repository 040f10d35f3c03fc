#include <gtest/gtest.h>

#include <vector>

#include "sim/engine/random_stream.h"
#include "sim/engine/simulator.h"

namespace dupsim {
namespace {

struct Recorder final : EventHandler {
  std::vector<std::pair<Time, std::uint64_t>> seen;
  Simulator* sim = nullptr;
  void Handle(const Event& e) override { seen.emplace_back(sim->Now(), e.payload); }
};

TEST(SimulatorTest, RunsEventsInTimeOrderAndAdvancesTheClock) {
  Simulator sim;
  Recorder r;
  r.sim = &sim;
  const HandlerId h = sim.Register(&r);
  sim.ScheduleAt(30, h, 0, 3);
  sim.ScheduleAt(10, h, 0, 1);
  sim.ScheduleAt(20, h, 0, 2);
  sim.Run();
  ASSERT_EQ(r.seen.size(), 3u);
  EXPECT_EQ(r.seen[0], std::make_pair(Time{10}, std::uint64_t{1}));
  EXPECT_EQ(r.seen[1], std::make_pair(Time{20}, std::uint64_t{2}));
  EXPECT_EQ(r.seen[2], std::make_pair(Time{30}, std::uint64_t{3}));
  EXPECT_EQ(sim.Now(), 30);
  EXPECT_EQ(sim.EventsProcessed(), 3u);
}

TEST(SimulatorTest, EqualTimesFireFirstInFirstOut) {
  Simulator sim;
  Recorder r;
  r.sim = &sim;
  const HandlerId h = sim.Register(&r);
  for (std::uint64_t i = 0; i < 100; ++i) sim.ScheduleAt(5, h, 0, i);
  sim.Run();
  ASSERT_EQ(r.seen.size(), 100u);
  for (std::uint64_t i = 0; i < 100; ++i) EXPECT_EQ(r.seen[i].second, i);
}

// A handler that schedules follow-ups at delay 0 sees them after events already
// pending at the same time: ties are FIFO by insertion, not LIFO.
struct Chain final : EventHandler {
  Simulator* sim = nullptr;
  HandlerId self = 0;
  std::vector<std::uint64_t> order;
  void Handle(const Event& e) override {
    order.push_back(e.payload);
    if (e.payload < 3) sim->Schedule(0, self, 0, e.payload + 10);
  }
};

TEST(SimulatorTest, ZeroDelayFollowUpsQueueBehindSameTimeEvents) {
  Simulator sim;
  Chain c;
  c.sim = &sim;
  c.self = sim.Register(&c);
  sim.ScheduleAt(0, c.self, 0, 1);
  sim.ScheduleAt(0, c.self, 0, 2);
  sim.Run();
  EXPECT_EQ(c.order, (std::vector<std::uint64_t>{1, 2, 11, 12}));
}

// The same schedule through the binary and the 4-ary heap gives the same trace.
template <class Queue>
std::vector<std::pair<Time, std::uint64_t>> Trace() {
  BasicSimulator<Queue> sim;
  struct Hold final : EventHandler {
    BasicSimulator<Queue>* sim;
    HandlerId self = 0;
    RandomStream rng{99};
    std::vector<std::pair<Time, std::uint64_t>> seen;
    void Handle(const Event& e) override {
      seen.emplace_back(sim->Now(), e.payload);
      if (seen.size() < 20000)
        sim->Schedule(static_cast<Time>(rng.NextU64() % 8), self, 0, e.payload + 1000);
    }
  } hold;
  hold.sim = &sim;
  hold.self = sim.Register(&hold);
  for (std::uint64_t i = 0; i < 500; ++i) sim.ScheduleAt(static_cast<Time>(i % 7), hold.self, 0, i);
  sim.Run();
  return hold.seen;
}

TEST(SimulatorTest, TraceDoesNotDependOnTheQueueImplementation) {
  EXPECT_EQ(Trace<BinaryHeap>(), Trace<QuaternaryHeap>());
}

}  // namespace
}  // namespace dupsim
