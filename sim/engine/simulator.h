// The discrete-event loop: a virtual clock, a queue of pending events and a
// table of handlers. Components register once and get a HandlerId; an event
// names its handler, so dispatch is one indexed virtual call and the queue holds
// plain 32-byte records. Run() drains the queue, RunUntil(t) stops at a time and
// Stop() ends either from inside a handler; nothing here reads a wall clock or
// allocates per event once the queue's capacity covers the pending set.
//
// Cancellation is lazy, as ns-3's Simulator::Cancel: a cancelled event keeps its
// place in the queue, and when its time comes it still moves the clock and counts
// in EventsProcessed() and, until then, in Pending(); only its handler is not called.
// So replacing "fire and ignore a stale timer" with Cancel changes no run's output.
// Cost: Cancel O(1); an event with a handle takes one table slot until it is popped.
//
// Invariants:
//  - every pending event with a handle owns exactly one slot of timers_, and
//    that slot is in free_timers_ iff no pending event owns it;
//  - a handle {slot, generation} names a pending event iff
//    timers_[slot].generation == generation (the generation is bumped on release);
//  - background_pending_ == number of pending events scheduled by ScheduleBackground.
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

#include "sim/engine/dary_heap.h"
#include "sim/engine/event.h"
#include "sim/engine/event_handle.h"
#include "sim/engine/event_queue.h"
#include "sim/engine/scheduler.h"
#include "sim/engine/trace_sink.h"

namespace dupsim {

template <EventQueue Queue>
class BasicSimulator final : public Scheduler {
 public:
  HandlerId Register(EventHandler* handler) override {
    assert(handler != nullptr);
    assert(handlers_.size() < kMaxHandlers);
    handlers_.push_back(handler);
    return static_cast<HandlerId>(handlers_.size() - 1);
  }

  // Capacity for n pending events (and n handles), so the steady state never grows.
  void ReservePending(std::size_t n) {
    queue_.Reserve(n);
    timers_.reserve(n);
    free_timers_.reserve(n);
  }

  Time Now() const override { return now_; }

  // Where the parties report their story; nullptr (the default) when nobody listens.
  void SetTraceSink(TraceSink* sink) { trace_sink_ = sink; }
  std::uint64_t EventsProcessed() const { return processed_; }
  // Pending events, cancelled ones included until their time comes.
  std::size_t Pending() const { return queue_.Size(); }
  // Cancelled events count as pending until their time comes (see above).
  bool OnlyBackgroundPending() const override { return queue_.Size() <= background_pending_; }

  // Precondition: at >= Now(); the past cannot be scheduled.
  void ScheduleAt(Time at, HandlerId handler, std::uint32_t kind, std::uint64_t payload) {
    Insert(at, handler, kind, payload, kNoTimer);
  }

  void Schedule(Time delay, HandlerId handler, std::uint32_t kind, std::uint64_t payload) override {
    assert(delay >= 0);
    Insert(now_ + delay, handler, kind, payload, kNoTimer);
  }

  EventHandle ScheduleCancellable(Time delay, HandlerId handler, std::uint32_t kind,
                                  std::uint64_t payload) override {
    assert(delay >= 0);
    const EventHandle h = AcquireSlot(false);
    Insert(now_ + delay, handler, kind, payload, h.slot);
    return h;
  }

  EventHandle ScheduleBackground(Time delay, HandlerId handler, std::uint32_t kind,
                                 std::uint64_t payload) override {
    assert(delay >= 0);
    const EventHandle h = AcquireSlot(true);
    ++background_pending_;
    Insert(now_ + delay, handler, kind, payload, h.slot);
    return h;
  }

  // O(1). A no-op for a default handle, a fired or cancelled event, or a reused slot.
  void Cancel(EventHandle h) override {
    if (!IsPending(h)) return;
    timers_[h.slot].cancelled = true;
  }

  bool IsPending(EventHandle h) const override {
    return h.slot < timers_.size() && timers_[h.slot].generation == h.generation &&
           !timers_[h.slot].cancelled;
  }

  // Takes the next event off the queue and fires it (unless cancelled); false when none
  // is pending.
  bool Step() {
    if (queue_.IsEmpty()) return false;
    const Event e = queue_.RemoveNext();
    assert(e.at >= now_);
    now_ = e.at;
    ++processed_;
    // Released before the handler runs, so the handler's own handle is already stale.
    if (e.timer != kNoTimer && !ReleaseSlot(e.timer)) return true;
    handlers_[e.handler]->Handle(e);
    return true;
  }

  // Fires events until none is pending or a handler calls Stop().
  void Run() {
    stopping_ = false;
    while (!stopping_ && Step()) {
    }
    stopping_ = false;
  }

  // Fires every event due at or before `t` (precondition: t >= Now()), then sets the clock
  // to t. A handler's Stop() ends it early, leaving the clock at that handler's event.
  void RunUntil(Time t) {
    assert(t >= now_);
    stopping_ = false;
    while (!stopping_ && !queue_.IsEmpty() && queue_.PeekNext().at <= t) Step();
    if (!stopping_) now_ = t;
    stopping_ = false;
  }

  // Ends the Run() or RunUntil() in progress once the current handler returns; pending
  // events stay queued, and a later Run() continues with them. Outside a run: no effect.
  void Stop() { stopping_ = true; }

 private:
  struct TimerSlot {
    std::uint32_t generation = 0;
    bool cancelled = false;
    bool background = false;
  };

  void Insert(Time at, HandlerId handler, std::uint32_t kind, std::uint64_t payload,
              std::uint32_t timer) {
    assert(at >= now_);
    assert(handler < handlers_.size());
    assert(kind <= kMaxEventKind);
    queue_.Insert(Event{.at = at,
                        .seq = next_seq_++,
                        .handler = static_cast<std::uint16_t>(handler),
                        .kind = static_cast<std::uint16_t>(kind),
                        .timer = timer,
                        .payload = payload});
  }

  EventHandle AcquireSlot(bool background) {
    std::uint32_t slot;
    if (free_timers_.empty()) {
      assert(timers_.size() < kNoTimer);
      slot = static_cast<std::uint32_t>(timers_.size());
      timers_.emplace_back();
    } else {
      slot = free_timers_.back();
      free_timers_.pop_back();
    }
    timers_[slot].background = background;
    return EventHandle{slot, timers_[slot].generation};
  }

  // The slot's event left the queue: frees the slot; true unless the event was cancelled.
  bool ReleaseSlot(std::uint32_t slot) {
    TimerSlot& t = timers_[slot];
    const bool live = !t.cancelled;
    if (t.background) {
      assert(background_pending_ > 0);
      --background_pending_;
    }
    ++t.generation;  // wraps after 2^32 uses of one slot; a handle is not kept that long
    t.cancelled = false;
    free_timers_.push_back(slot);
    return live;
  }

  Queue queue_;
  std::vector<EventHandler*> handlers_;
  std::vector<TimerSlot> timers_;
  std::vector<std::uint32_t> free_timers_;
  Time now_ = 0;
  std::uint64_t next_seq_ = 0;
  std::uint64_t processed_ = 0;
  std::size_t background_pending_ = 0;
  bool stopping_ = false;
};

// The binary heap won the hold-model benchmark here (see dary_heap.h).
using Simulator = BasicSimulator<BinaryHeap>;

}  // namespace dupsim
