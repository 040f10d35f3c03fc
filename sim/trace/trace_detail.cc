#include "sim/trace/trace_detail.h"

#include "metrics/root_cause.h"
#include "sim/trace/trace_names.h"

namespace dupsim {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::uint32_t kFlag = 256;  // the bit above a byte that some kinds set

std::string_view MessageName(std::uint32_t detail) {
  return (detail & 1) != 0 ? "response" : "request";
}

std::string_view RootCauseOf(std::uint32_t charged_detail) {
  const std::uint32_t cause = (charged_detail >> 8) - 1;
  return cause < kRootCauseCount ? RootCauseName(static_cast<RootCause>(cause)) : "unknown";
}

}  // namespace

Json TraceDetail(const TraceRecord& r) {
  const std::uint32_t d = r.detail;
  Json out = Json::object();
  switch (KindOf(r.kind)) {
    case TraceKind::kStatusAnswer:
    case TraceKind::kAppStatusAnswer:
      out["status"] = PaymentStatusName(d);
      break;
    case TraceKind::kPromptAnswer:
      out["answer"] = d != 0 ? "yes" : "no";
      break;
    case TraceKind::kResponse:
    case TraceKind::kLateResponse:
      out["status"] = ResponseStatusName(d);
      break;
    case TraceKind::kRetryWait:
      out["wait_ms"] = d;
      break;
    case TraceKind::kMessageLost:
      out["message"] = MessageName(d);
      out["partition"] = d >= 2;
      break;
    case TraceKind::kMessageCopied:
      out["message"] = MessageName(d);
      break;
    case TraceKind::kMessageHeld:
      out["message"] = MessageName(d);
      out["extra_delay_ms"] = d >> 1;
      break;
    case TraceKind::kProxyTry:
      out["try"] = d & 0xff;
      out["network_copy"] = (d & kFlag) != 0;
      break;
    case TraceKind::kProxyRetry:
      out["try"] = d;
      break;
    case TraceKind::kRequestArrived:
      out["network_copy"] = d != 0;
      break;
    case TraceKind::kRequestShed:
    case TraceKind::kRequestRefused:
    case TraceKind::kKilled:
      out["replica"] = d;
      break;
    case TraceKind::kAdmission:
      out["admission"] = AdmissionName(d & 0xff);
      if ((d >> 8) != 0) out["miss"] = DedupMissName(d >> 8);
      break;
    case TraceKind::kCommitted:
      out["crashed_before_reply"] = d != 0;
      break;
    case TraceKind::kReplied:
      out["status"] = ResponseStatusName(d & 0xff);
      out["replayed"] = (d & kFlag) != 0;
      break;
    case TraceKind::kCharged:
      out["ordinal"] = d & 0xff;
      if ((d >> 8) != 0) out["duplicate"] = RootCauseOf(d);
      break;
    case TraceKind::kRefunded:
      out["ordinal"] = d;
      break;
    case TraceKind::kQueueWrite:
    case TraceKind::kNotificationDelivered:
      out["delivery"] = d & 0xff;
      out["deduplicated"] = (d & kFlag) != 0;
      break;
    default:
      if (d != 0) out["raw"] = d;
      break;
  }
  return out;
}

}  // namespace dupsim
