// The classic DES hold model, written to match the peer programs of
// docs/performance-peers.md#the-peers: N events stay pending; each, when it fires, schedules one
// successor at now + Exp(mean 1000 ticks) + 1. Reports events/s as
// items_per_second so it can be put beside the peers' events_per_s.
#include <benchmark/benchmark.h>

#include <random>

#include "sim/engine/simulator.h"

namespace dupsim {
namespace {

template <class Queue>
struct HoldHandler final : EventHandler {
  BasicSimulator<Queue>* sim = nullptr;
  HandlerId self = 0;
  std::mt19937_64 rng{42};  // the peers' generator and distribution, so only the engine differs
  std::exponential_distribution<double> gap{1.0};
  void Handle(const Event& e) override {
    sim->Schedule(static_cast<Time>(gap(rng) * 1000.0) + 1, self, 0, e.payload);
  }
};

template <class Queue>
void BM_HoldModel(benchmark::State& state) {
  const auto pending = static_cast<std::uint64_t>(state.range(0));
  BasicSimulator<Queue> sim;
  HoldHandler<Queue> hold;
  hold.sim = &sim;
  hold.self = sim.Register(&hold);
  sim.ReservePending(pending + 1);
  for (std::uint64_t i = 0; i < pending; ++i) {
    sim.ScheduleAt(
        static_cast<Time>(hold.gap(hold.rng) * 1000.0 * static_cast<double>(pending)) + 1,
        hold.self, 0, i);
  }
  for (auto _ : state) sim.Step();
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK_TEMPLATE(BM_HoldModel, QuaternaryHeap)->Arg(10000)->Arg(100000);
BENCHMARK_TEMPLATE(BM_HoldModel, BinaryHeap)->Arg(10000)->Arg(100000);

}  // namespace
}  // namespace dupsim
