#include "sim/trace/trace_names.h"

#include "sim/model/admission.h"
#include "sim/model/dedup_miss.h"
#include "sim/model/payment_status.h"
#include "sim/network/message.h"

namespace dupsim {
namespace {

struct Names {
  std::string_view name;
  std::string_view label;
};

constexpr Names kUnknown{"unknown", "unknown"};

// One table each, as switches so that a lane or kind added to the enums without a name here
// is a compiler warning (-Wswitch), which the build does not allow.
Names LaneNames(Lane lane) {
  switch (lane) {
    case Lane::kUser:
      return {"user", "User"};
    case Lane::kApp:
      return {"app", "App"};
    case Lane::kNetwork:
      return {"network", "Network"};
    case Lane::kLoadBalancer:
      return {"load_balancer", "Load balancer"};
    case Lane::kServer:
      return {"server", "Server"};
    case Lane::kKeyStore:
      return {"key_store", "Key store"};
    case Lane::kLedger:
      return {"ledger", "Ledger"};
    case Lane::kConfirmation:
      return {"confirmation", "Confirmation"};
    case Lane::kBackOffice:
      return {"back_office", "Back office"};
  }
  return kUnknown;
}

Names KindNames(TraceKind kind) {
  switch (kind) {
    case TraceKind::kTap:
      return {"tap", "tap"};
    case TraceKind::kConfirmTap:
      return {"confirm_tap", "confirm tap"};
    case TraceKind::kPatienceOver:
      return {"patience_over", "patience over"};
    case TraceKind::kPayAgain:
      return {"pay_again", "pays again"};
    case TraceKind::kStatusLookup:
      return {"status_lookup", "status look-up"};
    case TraceKind::kStatusAnswer:
      return {"status_answer", "status answer"};
    case TraceKind::kScammed:
      return {"scammed", "scammed"};
    case TraceKind::kToldPaid:
      return {"told_paid", "told paid"};
    case TraceKind::kTapSwallowed:
      return {"tap_swallowed", "tap swallowed"};
    case TraceKind::kTapBlocked:
      return {"tap_blocked", "tap blocked"};
    case TraceKind::kPromptShown:
      return {"prompt_shown", "prompt shown"};
    case TraceKind::kPromptAnswer:
      return {"prompt_answer", "prompt answer"};
    case TraceKind::kReviewShown:
      return {"review_shown", "review shown"};
    case TraceKind::kReviewLeft:
      return {"review_left", "review left"};
    case TraceKind::kAttemptSent:
      return {"attempt_sent", "attempt sent"};
    case TraceKind::kAttemptTimedOut:
      return {"attempt_timed_out", "attempt timed out"};
    case TraceKind::kResponse:
      return {"response", "response"};
    case TraceKind::kLateResponse:
      return {"late_response", "late response"};
    case TraceKind::kRetryWait:
      return {"retry_wait", "retry wait"};
    case TraceKind::kGaveUp:
      return {"gave_up", "gave up"};
    case TraceKind::kShowSuccess:
      return {"show_success", "shows success"};
    case TraceKind::kShowProcessing:
      return {"show_processing", "shows processing"};
    case TraceKind::kAppStatusQuery:
      return {"app_status_query", "status query"};
    case TraceKind::kAppStatusAnswer:
      return {"app_status_answer", "status query answer"};
    case TraceKind::kMessageLost:
      return {"message_lost", "message lost"};
    case TraceKind::kMessageCopied:
      return {"message_copied", "message copied"};
    case TraceKind::kMessageHeld:
      return {"message_held", "message held back"};
    case TraceKind::kProxyTry:
      return {"proxy_try", "proxy try"};
    case TraceKind::kProxyRetry:
      return {"proxy_retry", "proxy retry"};
    case TraceKind::kGatewayTimeout:
      return {"gateway_timeout", "gateway timeout"};
    case TraceKind::kRequestArrived:
      return {"request_arrived", "request arrived"};
    case TraceKind::kRequestShed:
      return {"request_shed", "request shed"};
    case TraceKind::kRequestRefused:
      return {"request_refused", "request refused (replica down)"};
    case TraceKind::kAdmission:
      return {"admission", "admission"};
    case TraceKind::kCommitted:
      return {"committed", "committed"};
    case TraceKind::kReplied:
      return {"replied", "replied"};
    case TraceKind::kKilled:
      return {"killed", "killed by a crash"};
    case TraceKind::kCharged:
      return {"charged", "charged"};
    case TraceKind::kQueueWrite:
      return {"queue_write", "queue write"};
    case TraceKind::kRefunded:
      return {"refunded", "refunded"};
    case TraceKind::kNotificationSent:
      return {"notification_sent", "notification sent"};
    case TraceKind::kNotificationLost:
      return {"notification_lost", "notification lost"};
    case TraceKind::kNotificationDelivered:
      return {"notification_delivered", "notification delivered"};
  }
  return kUnknown;
}

}  // namespace

std::string_view LaneName(Lane lane) {
  return LaneNames(lane).name;
}
std::string_view LaneLabel(Lane lane) {
  return LaneNames(lane).label;
}
std::string_view KindName(TraceKind kind) {
  return KindNames(kind).name;
}
std::string_view KindLabel(TraceKind kind) {
  return KindNames(kind).label;
}

std::string_view ResponseStatusName(std::uint32_t status) {
  if (status > 0xff) return "unknown";  // the enum is a byte: larger values are not its
  switch (static_cast<ResponseStatus>(status)) {
    case ResponseStatus::kOk:
      return "ok";
    case ResponseStatus::kRejected:
      return "rejected";
    case ResponseStatus::kGatewayTimeout:
      return "gateway_timeout";
    case ResponseStatus::kDeclined:
      return "declined";
    case ResponseStatus::kConflict:
      return "conflict";
  }
  return "unknown";
}

std::string_view PaymentStatusName(std::uint32_t status) {
  if (status > 0xff) return "unknown";
  switch (static_cast<PaymentStatus>(status)) {
    case PaymentStatus::kCharged:
      return "charged";
    case PaymentStatus::kNotFound:
      return "not_found";
    case PaymentStatus::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::string_view AdmissionName(std::uint32_t admission) {
  switch (static_cast<Admission>(admission)) {
    case Admission::kProcess:
      return "process";
    case Admission::kWaitForFirst:
      return "wait_for_first";
    case Admission::kReplayFirst:
      return "replay_first";
    case Admission::kDecline:
      return "decline";
    case Admission::kConflict:
      return "conflict";
  }
  return "unknown";
}

std::string_view DedupMissName(std::uint32_t miss) {
  if (miss > 0xff) return "unknown";
  switch (static_cast<DedupMiss>(miss)) {
    case DedupMiss::kNone:
      return "none";
    case DedupMiss::kKeyExpired:
      return "key_expired";
    case DedupMiss::kReplicationLag:
      return "replication_lag";
    case DedupMiss::kConcurrentInFlight:
      return "concurrent_in_flight";
  }
  return "unknown";
}

}  // namespace dupsim
