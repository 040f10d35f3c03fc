// The discrete-event loop: a virtual clock, a queue of pending events and a
// table of handlers. Components register once and get a HandlerId; an event
// names its handler, so dispatch is one indexed virtual call and the queue holds
// plain 32-byte records. Run() drains the queue; nothing here reads a wall clock
// or allocates per event once the queue's capacity covers the pending set.
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

#include "sim/engine/dary_heap.h"
#include "sim/engine/event.h"
#include "sim/engine/event_queue.h"
#include "sim/engine/trace_sink.h"

namespace dupsim {

class EventHandler {
 public:
  virtual void Handle(const Event& event) = 0;

 protected:
  ~EventHandler() = default;
};

template <EventQueue Queue>
class BasicSimulator {
 public:
  HandlerId Register(EventHandler* handler) {
    assert(handler != nullptr);
    handlers_.push_back(handler);
    return static_cast<HandlerId>(handlers_.size() - 1);
  }

  void ReservePending(std::size_t n) { queue_.Reserve(n); }

  Time Now() const { return now_; }

  // Where the parties report their story; nullptr (the default) when nobody listens.
  void SetTraceSink(TraceSink* sink) { trace_sink_ = sink; }
  TraceSink* trace_sink() const { return trace_sink_; }
  std::uint64_t EventsProcessed() const { return processed_; }
  std::size_t Pending() const { return queue_.Size(); }

  // Precondition: at >= Now(); the past cannot be scheduled.
  void ScheduleAt(Time at, HandlerId handler, std::uint32_t kind, std::uint64_t payload) {
    assert(at >= now_);
    assert(handler < handlers_.size());
    queue_.Insert(Event{at, next_seq_++, handler, kind, payload});
  }

  void Schedule(Time delay, HandlerId handler, std::uint32_t kind, std::uint64_t payload) {
    assert(delay >= 0);
    ScheduleAt(now_ + delay, handler, kind, payload);
  }

  // Fires the next event; false when none is pending.
  bool Step() {
    if (queue_.IsEmpty()) return false;
    const Event e = queue_.RemoveNext();
    assert(e.at >= now_);
    now_ = e.at;
    ++processed_;
    handlers_[e.handler]->Handle(e);
    return true;
  }

  void Run() {
    while (Step()) {
    }
  }

 private:
  Queue queue_;
  std::vector<EventHandler*> handlers_;
  Time now_ = 0;
  std::uint64_t next_seq_ = 0;
  std::uint64_t processed_ = 0;
  TraceSink* trace_sink_ = nullptr;
};

// The binary heap won the hold-model benchmark here (see dary_heap.h).
using Simulator = BasicSimulator<BinaryHeap>;

}  // namespace dupsim
