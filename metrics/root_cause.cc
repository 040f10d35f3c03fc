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
    case RootCause::kCount:
      break;
  }
  return "unknown";
}

RootCause ClassifyDuplicate(const ChargeOrigin& first, const ChargeOrigin& duplicate) {
  switch (duplicate.dedup_miss) {
    case DedupMiss::kKeyExpired:
      return RootCause::kKeyExpired;
    case DedupMiss::kNone:
      break;
  }
  if (duplicate.checkout != first.checkout) return RootCause::kUserRepayNoConfirmation;
  if (duplicate.tap != first.tap) return RootCause::kDoubleTap;
  if (duplicate.attempt != first.attempt) return RootCause::kClientRetry;
  // Same page, tap and attempt: one of the two is the network's copy (whichever arrived first).
  return RootCause::kNetworkDuplicate;
}

}  // namespace dupsim
