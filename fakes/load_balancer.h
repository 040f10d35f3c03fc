// A load balancer / reverse proxy between the apps and the server replicas. It
// gives each try `per_try_timeout`; when a try times out it either answers the
// app with a gateway timeout or, if it retries non-idempotent POSTs (the old
// nginx `proxy_next_upstream` behaviour, before 1.9.13: see
// docs/repeated-delivery.md#proxies-that-retry-post), sends the same charge to the next replica,
// although
// the first may still commit: a duplicate the app never asked for
// (proxy_retry). Only the answer to the latest try reaches the app.
#pragma once

#include <cstdint>

#include "sim/engine/scheduler.h"
#include "sim/engine/slot_pool.h"
#include "sim/network/message.h"

namespace dupsim {

class NetworkLink;
class PaymentServer;

struct LoadBalancerOptions {
  bool enabled = false;  // off: requests go straight to the replicas
  Time per_try_timeout = 1 * kSecond;
  std::uint32_t tries = 1;            // 1..255 tries per request, the first included
  bool retry_non_idempotent = false;  // retry a timed-out POST (a charge) on the next replica
};

struct LoadBalancerCounters {
  std::uint64_t requests = 0;
  std::uint64_t retries = 0;           // tries beyond the first
  std::uint64_t gateway_timeouts = 0;  // requests answered "504": every try timed out
  std::uint64_t stale_replies = 0;     // replies to tries the balancer had given up on
};

class LoadBalancer final : public EventHandler {
 public:
  enum EventKind : std::uint32_t { kRequestArrived = 0, kTryTimedOut = 1 };

  LoadBalancer(Scheduler& sim, MessagePool& pool, LoadBalancerOptions options,
               PaymentServer& server, NetworkLink& response_link);

  HandlerId handler_id() const { return self_; }

  // A replica answered a try this balancer forwarded (called by the server).
  void OnReply(Slot message);

  void Handle(const Event& event) override;

  const LoadBalancerCounters& counters() const { return counters_; }

 private:
  struct Record {
    Message original;              // the request as the app sent it: each try is a fresh copy
    std::uint32_t generation = 0;  // bumped on release, so late replies recognise reuse
    EventHandle try_timer;         // the latest try's timeout, cancelled on release
    std::uint8_t tries = 0;
    bool waiting = false;
  };

  void OnRequest(Slot message);
  void Forward(Slot record);
  void OnTryTimedOut(Slot record);
  void Release(Slot record);

  Scheduler& sim_;
  HandlerId self_;
  MessagePool& pool_;
  LoadBalancerOptions options_;
  PaymentServer& server_;
  NetworkLink& response_link_;
  SlotPool<Record> records_;
  LoadBalancerCounters counters_;
};

}  // namespace dupsim
