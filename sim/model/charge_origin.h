// Where a charge came from and why a duplicate happened: the vocabulary the parties
// record (fakes/ledger.h), the trace reports (sim/model/trace_detail_fields.h) and the
// metrics count (metrics/root_cause.h classifies a duplicate's origin into its cause).
#pragma once

#include <array>
#include <cstdint>

#include "sim/model/dedup_miss.h"

namespace dupsim {

enum class RootCause : std::uint8_t {
  kDoubleTap,                // a second tap on the same checkout page
  kClientRetry,              // the app retried an attempt that had in fact been charged
  kUserRepayNoConfirmation,  // no confirmation in time: the user paid again on a new page
  kNetworkDuplicate,         // the network delivered one request twice
  kKeyExpired,               // the server had forgotten the key (its TTL ran out) when it came back
  kCrashReplay,              // the server committed, crashed before replying, and the app retried
  kProxyRetry,               // a load balancer retried a timed-out charge on another replica
  kFraudInduced,             // a scammer talked the user into paying again after a confirmation
  kReplicationLag,           // the key was claimed on another replica, not replicated here yet
  kConcurrentInFlight,       // check-then-insert: two requests checked before either inserted
  kQueueRedelivery,          // the ledger writer's queue delivered one charge command twice
  kCount,
};

inline constexpr std::size_t kRootCauseCount = static_cast<std::size_t>(RootCause::kCount);

// Counts per cause, indexed by RootCause.
using RootCauseCounts = std::array<std::uint64_t, kRootCauseCount>;

// Checkout pages numbered from here on were opened at a scammer's request (fakes/user.h),
// after the user had been told they paid; pay-again pages stay below it.
inline constexpr std::uint8_t kFraudCheckout = 0x80;

// Where one charge request came from, as the ledger records it.
struct ChargeOrigin {
  std::uint8_t checkout = 0;          // 0: first page; n: the n-th pay-again
  std::uint8_t tap = 0;               // 0: the page's first tap
  std::uint8_t attempt = 1;           // 1-based HTTP attempt
  bool network_copy = false;          // a copy the network made
  bool crashed_before_reply = false;  // committed by a server that crashed before answering
  std::uint8_t proxy_try = 1;         // 1-based try of the load balancer that forwarded it
  std::uint8_t delivery = 1;          // 1-based delivery of the ledger writer's queue
  DedupMiss dedup_miss = DedupMiss::kNone;
};

}  // namespace dupsim
