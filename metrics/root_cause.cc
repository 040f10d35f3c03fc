#include "metrics/root_cause.h"

namespace dupsim {

std::string_view RootCauseName(RootCause cause) {
  switch (cause) {
    case RootCause::kDoubleTap:
      return "double_tap";
    case RootCause::kClientRetry:
      return "client_retry";
    case RootCause::kUserRepayNoConfirmation:
      return "user_repay_no_confirmation";
    case RootCause::kNetworkDuplicate:
      return "network_duplicate";
    case RootCause::kKeyExpired:
      return "key_expired";
    case RootCause::kCrashReplay:
      return "crash_replay";
    case RootCause::kProxyRetry:
      return "proxy_retry";
    case RootCause::kReplicationLag:
      return "replication_lag";
    case RootCause::kConcurrentInFlight:
      return "concurrent_in_flight";
    case RootCause::kQueueRedelivery:
      return "queue_redelivery";
    case RootCause::kFraudInduced:
      return "fraud_induced";
    case RootCause::kCount:
      break;
  }
  return "unknown";
}

RootCause ClassifyDuplicate(const ChargeOrigin& first, const ChargeOrigin& duplicate) {
  // A scammed payment is a deliberate new checkout with a new key: it would have been charged
  // whatever the dedup, and the intent's first charge is never one (the user had been told).
  if (duplicate.checkout >= kFraudCheckout) return RootCause::kFraudInduced;
  // The miss is flagged on whichever request checked second, and that one may well commit
  // first: then the pair's unflagged charge is the duplicate, let through by the same miss.
  const DedupMiss miss =
      duplicate.dedup_miss != DedupMiss::kNone ? duplicate.dedup_miss : first.dedup_miss;
  switch (miss) {
    case DedupMiss::kKeyExpired:
      return RootCause::kKeyExpired;
    case DedupMiss::kReplicationLag:
      return RootCause::kReplicationLag;
    case DedupMiss::kConcurrentInFlight:
      return RootCause::kConcurrentInFlight;
    case DedupMiss::kNone:
      break;
  }
  if (duplicate.checkout != first.checkout) return RootCause::kUserRepayNoConfirmation;
  if (duplicate.tap != first.tap) return RootCause::kDoubleTap;
  if (duplicate.attempt != first.attempt) {
    // The app retried because the answer never came; if that was the server dying after
    // its commit, the crash is the cause, not the retry policy.
    return first.crashed_before_reply ? RootCause::kCrashReplay : RootCause::kClientRetry;
  }
  if (duplicate.proxy_try != first.proxy_try) return RootCause::kProxyRetry;
  if (duplicate.delivery != first.delivery) return RootCause::kQueueRedelivery;
  // Same page, tap, attempt and try: one of the two is the network's copy (whichever came first).
  return RootCause::kNetworkDuplicate;
}

}  // namespace dupsim
