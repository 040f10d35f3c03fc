#include "sim/trace/trace_detail.h"

#include "metrics/root_cause.h"
#include "sim/model/trace_detail_fields.h"
#include "sim/trace/trace_names.h"

namespace dupsim {
namespace {

using Json = nlohmann::ordered_json;

std::string_view MessageName(const MessageDetail& m) {
  return m.response ? "response" : "request";
}

}  // namespace

Json TraceDetail(const TraceRecord& r) {
  const std::uint32_t d = r.detail;
  Json out = Json::object();
  switch (KindOf(r.kind)) {
    case TraceKind::kStatusAnswer:
    case TraceKind::kAppStatusAnswer:
      out["status"] = PaymentStatusName(d);
      return out;
    case TraceKind::kPromptAnswer:
      out["answer"] = d != 0 ? "yes" : "no";
      return out;
    case TraceKind::kResponse:
    case TraceKind::kLateResponse:
      out["status"] = ResponseStatusName(d);
      return out;
    case TraceKind::kRetryWait:
      out["wait_ms"] = d;
      return out;
    case TraceKind::kMessageLost: {
      const MessageDetail m = MessageDetail::UnpackLost(d);
      out["message"] = MessageName(m);
      out["partition"] = m.partition;
      return out;
    }
    case TraceKind::kMessageCopied:
      out["message"] = MessageName(MessageDetail::UnpackLost(d));
      return out;
    case TraceKind::kMessageHeld: {
      const MessageDetail m = MessageDetail::UnpackHeld(d);
      out["message"] = MessageName(m);
      out["extra_delay_ms"] = m.extra_delay_ms;
      return out;
    }
    case TraceKind::kProxyTry: {
      const ProxyTryDetail t = ProxyTryDetail::Unpack(d);
      out["try"] = t.try_number;
      out["network_copy"] = t.network_copy;
      return out;
    }
    case TraceKind::kProxyRetry:
      out["try"] = d;
      return out;
    case TraceKind::kRequestArrived:
      out["network_copy"] = d != 0;
      return out;
    case TraceKind::kRequestShed:
    case TraceKind::kRequestRefused:
    case TraceKind::kKilled:
      out["replica"] = d;
      return out;
    case TraceKind::kAdmission: {
      const AdmissionDetail a = AdmissionDetail::Unpack(d);
      out["admission"] = AdmissionName(a.action);
      if (a.miss != 0) out["miss"] = DedupMissName(a.miss);
      return out;
    }
    case TraceKind::kCommitted:
      out["crashed_before_reply"] = d != 0;
      return out;
    case TraceKind::kReplied: {
      const RepliedDetail reply = RepliedDetail::Unpack(d);
      out["status"] = ResponseStatusName(reply.status);
      out["replayed"] = reply.replayed;
      return out;
    }
    case TraceKind::kCharged: {
      const ChargedDetail charge = ChargedDetail::Unpack(d);
      out["ordinal"] = charge.ordinal;
      if (charge.duplicate) out["duplicate"] = RootCauseName(charge.cause);
      return out;
    }
    case TraceKind::kRefunded:
      out["ordinal"] = d;
      return out;
    case TraceKind::kQueueWrite:
    case TraceKind::kNotificationDelivered: {
      const DeliveryDetail delivery = DeliveryDetail::Unpack(d);
      out["delivery"] = delivery.delivery;
      out["deduplicated"] = delivery.deduplicated;
      return out;
    }
    case TraceKind::kTap:
    case TraceKind::kConfirmTap:
    case TraceKind::kPatienceOver:
    case TraceKind::kPayAgain:
    case TraceKind::kStatusLookup:
    case TraceKind::kScammed:
    case TraceKind::kToldPaid:
    case TraceKind::kTapSwallowed:
    case TraceKind::kTapBlocked:
    case TraceKind::kPromptShown:
    case TraceKind::kReviewShown:
    case TraceKind::kReviewLeft:
    case TraceKind::kAttemptSent:
    case TraceKind::kAttemptTimedOut:
    case TraceKind::kGaveUp:
    case TraceKind::kShowSuccess:
    case TraceKind::kShowProcessing:
    case TraceKind::kAppStatusQuery:
    case TraceKind::kGatewayTimeout:
    case TraceKind::kNotificationSent:
    case TraceKind::kNotificationLost:
      break;  // no detail: a number here is kept raw, below
  }
  // A kind without detail, or one this version does not know.
  if (d != 0) out["raw"] = d;
  return out;
}

}  // namespace dupsim
