// The scheduling interface the model's parties use: a clock, one-shot timers that
// call a registered handler with (kind, payload), and cancellation by handle. It
// says nothing about how time passes, so the discrete-event Simulator implements
// it with virtual time, and a real-time clock (Asio steady timers, for a live
// harness running the same user and app logic) can implement it too:
//  - Now() is monotonic; Schedule* never calls the handler before Now() + delay,
//    and never from inside the Schedule* call itself;
//  - events due at the same time reach their handlers in the order scheduled;
//  - after Cancel(h) returns, h's handler is not called for that event. Cancelling
//    a handle whose event already fired, or was cancelled, does nothing;
//  - a background event (ScheduleBackground) is a timer like the others; it differs
//    only in not counting as work for OnlyBackgroundPending, which tells a process
//    that only renews itself (crashes) when everything else is done.
// A real-time implementation that runs handlers on several threads must serialise
// them; the parties are not thread-safe.
#pragma once

#include <cstdint>

#include "sim/engine/event.h"
#include "sim/engine/event_handle.h"
#include "sim/engine/trace_sink.h"
#include "sim/engine/virtual_time.h"

namespace dupsim {

class EventHandler {
 public:
  virtual void Handle(const Event& event) = 0;

 protected:
  ~EventHandler() = default;
};

class Scheduler {
 public:
  // Once per party, before its first event; the id names it in Schedule* calls.
  virtual HandlerId Register(EventHandler* handler) = 0;
  virtual Time Now() const = 0;
  // Calls `handler` with (kind, payload) after `delay` >= 0; the event cannot be cancelled.
  virtual void Schedule(Time delay, HandlerId handler, std::uint32_t kind,
                        std::uint64_t payload) = 0;
  // The same, returning a handle that Cancel accepts.
  virtual EventHandle ScheduleCancellable(Time delay, HandlerId handler, std::uint32_t kind,
                                          std::uint64_t payload) = 0;
  virtual void Cancel(EventHandle handle) = 0;
  // True from scheduling until the event fires or is cancelled.
  virtual bool IsPending(EventHandle handle) const = 0;
  // The same as ScheduleCancellable, for a background event: one that OnlyBackgroundPending
  // does not count as work.
  virtual EventHandle ScheduleBackground(Time delay, HandlerId handler, std::uint32_t kind,
                                         std::uint64_t payload) = 0;
  // True when nothing is pending but background events (so also when nothing is): a
  // background process asks it before renewing itself and stops once it is true, so that a
  // finished run can end. Whether a cancelled event counts until its time is up to the
  // implementation (the Simulator's cancellation is lazy, so there it does). A real-time
  // implementation must count as pending, besides its armed timers, every input it still
  // expects from outside (an open connection's reply, a socket read).
  virtual bool OnlyBackgroundPending() const = 0;
  // Where the parties report their story; nullptr when nobody listens. Not virtual: every
  // trace point asks it, and with nobody listening that must stay one inlined load, not an
  // indirect call (a virtual one measured 5-10% slower end to end).
  TraceSink* trace_sink() const { return trace_sink_; }

 protected:
  ~Scheduler() = default;
  TraceSink* trace_sink_ = nullptr;  // set by the implementation
};

}  // namespace dupsim
