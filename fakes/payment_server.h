// The payment API: a set of replicas, each serving at most `concurrency`
// requests at a time with a bounded FIFO queue behind them, so latency grows
// with load, clients time out and retry, and retries add load. A worker that
// picks a request up admits it through the strategy, processes it (a
// processing-time draw), commits one charge to the ledger, triggers the
// confirmation notification and replies. Requests parked on a key that is
// still in flight are answered when that key's charge commits. Replicas crash
// and restart as ServerCrashOptions say.
#pragma once

#include <cstdint>
#include <vector>

#include "fakes/ledger_writer_queue.h"
#include "fakes/server_crash_options.h"
#include "sim/engine/distribution.h"
#include "sim/engine/scheduler.h"
#include "sim/model/server_defence.h"
#include "sim/network/message.h"

namespace dupsim {

class ConfirmationChannel;
class IdempotencyStore;
class Ledger;
class LoadBalancer;
class NetworkLink;

struct PaymentServerOptions {
  DistributionPtr processing;  // from a worker picking a request up to its commit (required)
  std::uint32_t replicas = 1;  // 1..64; requests are spread round-robin
  std::uint32_t concurrency_per_replica = 0;  // workers per replica; 0 = unlimited
  std::uint32_t queue_limit_per_replica = 0;  // waiting requests beyond the workers; a full
                                              // queue sheds new requests (kRejected)
  ServerCrashOptions crashes;
  LedgerQueueOptions ledger_queue;  // at-least-once delivery to the ledger writer (off by default)
};

struct PaymentServerCounters {
  std::uint64_t requests = 0;
  std::uint64_t processed = 0;
  std::uint64_t parked = 0;     // waited for the first request with their key
  std::uint64_t replayed = 0;   // answered from the key store (at once or after waiting)
  std::uint64_t rejected = 0;   // shed because the replica's queue was full
  std::uint64_t declined = 0;   // refused by the strategy as likely duplicates
  std::uint64_t conflicts = 0;  // answered 409: their key's first request was in flight
  std::uint64_t refused = 0;    // arrived while their replica was down (dropped)
  std::uint64_t crashes = 0;
  std::uint64_t killed = 0;  // requests in service or queued when their replica crashed
};

class PaymentServer final : public EventHandler {
 public:
  enum EventKind : std::uint32_t { kRequestArrived = 0, kProcessed = 1, kCrash = 2, kRestart = 3 };

  struct Parts {
    ServerDefence* defence;  // the strategy's server layer; nullptr: it does not act here
    IdempotencyStore& store;
    Ledger& ledger;
    ConfirmationChannel& confirmation;
    LedgerWriterQueue& ledger_queue;  // used when enabled: writes then go through it
  };

  // `crash_stream` drives random crashes and restart times, one sub-stream per replica.
  PaymentServer(Scheduler& sim, MessagePool& pool, PaymentServerOptions options,
                RandomStream stream, RandomStream crash_stream, std::uint32_t intents, Parts parts);

  void ConnectResponseLink(NetworkLink* link) { response_link_ = link; }
  // Replies to requests a load balancer forwarded go back through it.
  void ConnectLoadBalancer(LoadBalancer* balancer) { balancer_ = balancer; }

  // A request handed over directly (by a load balancer) rather than by an event.
  void Accept(Slot message);
  HandlerId handler_id() const { return self_; }

  // Schedules the crashes; call once before the run.
  void Start();

  void Handle(const Event& event) override;

  const PaymentServerCounters& counters() const { return counters_; }

 private:
  struct Replica {
    bool up = true;
    std::vector<Slot> in_service;          // requests admitted and processing
    std::vector<EventHandle> completions;  // in_service[i]'s kProcessed; a crash cancels them
    std::vector<Slot> queue;               // ring buffer of waiting requests, fixed capacity
    std::size_t queue_head = 0;
    std::size_t queue_size = 0;
    RandomStream crash_rng;
  };

  void OnArrival(Slot message);
  void StartService(Replica& replica, std::uint8_t index, Slot message);
  void PullFromQueue(Replica& replica, std::uint8_t index);
  void OnProcessed(Slot message, std::uint8_t index);
  void Commit(Slot message, bool crashed_before_reply);
  void AnswerWaiters(IdempotencyKey key);
  void Reply(Slot message, bool replayed, ResponseStatus status);
  void RemoveFromService(Replica& replica, Slot message);
  void Crash(std::uint8_t index);
  void Restart(std::uint8_t index);
  void ScheduleRandomCrash(std::uint8_t index);
  void ScheduleOwn(Time delay, EventKind kind, std::uint64_t payload);

  Scheduler& sim_;
  HandlerId self_;
  MessagePool& pool_;
  PaymentServerOptions options_;
  std::vector<RandomStream> per_intent_;
  Parts parts_;
  NetworkLink* response_link_ = nullptr;
  LoadBalancer* balancer_ = nullptr;
  std::vector<Replica> replicas_;
  std::uint32_t next_replica_ = 0;
  PaymentServerCounters counters_;
};

}  // namespace dupsim
