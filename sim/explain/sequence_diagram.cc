#include "sim/explain/sequence_diagram.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <map>
#include <set>

#include "metrics/root_cause.h"
#include "sim/engine/duration_text.h"
#include "sim/explain/trace_collectors.h"
#include "sim/model/strategy.h"
#include "sim/model/trace_detail_fields.h"

namespace dupsim {
namespace {

// Turns records into steps, remembering what later records are measured against.
class DiagramBuilder {
 public:
  DiagramBuilder(const DiagramOptions& options, const ExplainText& text, Time origin)
      : options_(options), text_(text), origin_(origin) {
    first_tap_.fill(-1);
  }

  void Add(const TraceRecord& r);
  SequenceDiagram Finish();

 private:
  // The kinds whose step needs more than one line, or remembers something for later ones.
  void Tap(const TraceRecord& r);
  void PatienceOver(const TraceRecord& r);
  void AttemptTimedOut(const TraceRecord& r);
  void LateResponse(const TraceRecord& r);
  void Response(const TraceRecord& r, bool late);
  void MessageLost(const TraceRecord& r);
  void MessageCopied(const TraceRecord& r);
  void MessageHeld(const TraceRecord& r);
  void AdmissionStep(const TraceRecord& r);
  void Charged(const TraceRecord& r);
  void QueueWrite(const TraceRecord& r);

  static std::string Text(std::string_view text) { return std::string(text); }

  void Arrow(const TraceRecord& r, Lane from, Lane to, std::string label,
             StepStyle style = StepStyle::kMessage) {
    steps_.push_back({r.at - origin_, from, to, std::move(label), style});
  }
  void Note(const TraceRecord& r, Lane lane, std::string label,
            StepStyle style = StepStyle::kNote) {
    Arrow(r, lane, lane, std::move(label), style);
  }

  // " (page 2)", " (tap 2)": where a request came from, unless it is the first page's first tap.
  std::string Where(const TraceRecord& r) const {
    std::string where;
    if (r.checkout >= kFraudCheckout) {
      where = text_.from_scam_page;
    } else if (r.checkout > 0) {
      where = Fill(text_.from_page, {{"page", std::to_string(r.checkout + 1)}});
    }
    if (r.tap > 0) where += text_.from_second_tap;
    return where;
  }
  std::string AttemptFigure(const TraceRecord& r) const { return std::to_string(r.attempt); }
  std::string Wait(Time t) const { return DurationMillisToHoursInWords(t, text_.duration_units); }
  std::string_view Status(std::uint32_t status) const {
    return status < text_.response_status.size() ? text_.response_status[status] : "?";
  }
  std::string_view PaymentStatusText(std::uint32_t status) const {
    return status < text_.payment_status.size() ? text_.payment_status[status] : "?";
  }
  static std::uint32_t AttemptKey(const TraceRecord& r) {
    return (std::uint32_t{r.checkout} << 16) | (std::uint32_t{r.tap} << 8) | r.attempt;
  }
  // Where requests go after the network, and replies before it: the balancer when the scenario
  // has one.
  Lane RequestTarget() const {
    return options_.has_load_balancer ? Lane::kLoadBalancer : Lane::kServer;
  }
  Lane ReplyTarget() const {
    return options_.has_load_balancer ? Lane::kLoadBalancer : Lane::kNetwork;
  }

  const DiagramOptions& options_;
  const ExplainText& text_;
  Time origin_;
  std::array<Time, 256> first_tap_;     // by checkout page, -1 before its first tap
  std::map<std::uint32_t, Time> sent_;  // attempts by AttemptKey, when sent
  std::set<std::uint32_t> answered_;    // attempts whose response the app read
  std::set<std::uint32_t> timed_out_;   // attempts the app stopped waiting for
  std::vector<DiagramStep> steps_;
};

// One case per kind, each one call: a dispatch table, and no default, so a new TraceKind
// fails -Wswitch here. A value this version does not know falls through: the diagram leaves it
// out rather than guess.
void DiagramBuilder::Add(const TraceRecord& r) {
  const std::string attempt = AttemptFigure(r);
  switch (static_cast<TraceKind>(r.kind)) {
    case TraceKind::kTap:
      return Tap(r);
    case TraceKind::kConfirmTap:
      return Arrow(r, Lane::kUser, Lane::kApp,
                   Text(r.tap == 0 ? text_.confirm_tap : text_.confirm_tap_again));
    case TraceKind::kPatienceOver:
      return PatienceOver(r);
    case TraceKind::kPayAgain:
      return Arrow(r, Lane::kUser, Lane::kApp,
                   Fill(text_.pay_again, {{"page", std::to_string(r.checkout + 1)}}));
    case TraceKind::kStatusLookup:
      return Arrow(r, Lane::kUser, Lane::kServer, Text(text_.status_lookup));
    case TraceKind::kStatusAnswer:
      return Arrow(r, Lane::kServer, Lane::kUser,
                   Fill(text_.status_answer, {{"status", Text(PaymentStatusText(r.detail))}}));
    case TraceKind::kScammed:
      return Note(r, Lane::kUser, Text(text_.scammed), StepStyle::kTrouble);
    case TraceKind::kToldPaid:
      return Note(r, Lane::kUser, Text(text_.told_paid));
    case TraceKind::kTapSwallowed:
      return Note(r, Lane::kApp, Text(text_.tap_swallowed));
    case TraceKind::kTapBlocked:
      return Arrow(r, Lane::kApp, Lane::kUser, Text(text_.tap_blocked));
    case TraceKind::kPromptShown:
      return Arrow(r, Lane::kApp, Lane::kUser, Text(text_.prompt_shown));
    case TraceKind::kPromptAnswer:
      return Arrow(r, Lane::kUser, Lane::kApp, Text(r.detail ? text_.prompt_yes : text_.prompt_no));
    case TraceKind::kReviewShown:
      return Arrow(r, Lane::kApp, Lane::kUser, Text(text_.review_shown));
    case TraceKind::kReviewLeft:
      return Arrow(r, Lane::kUser, Lane::kApp, Text(text_.review_left));
    case TraceKind::kAttemptSent:
      sent_[AttemptKey(r)] = r.at;
      return Arrow(r, Lane::kApp, Lane::kNetwork,
                   Fill(text_.attempt_sent, {{"attempt", attempt}, {"from", Where(r)}}));
    case TraceKind::kAttemptTimedOut:
      return AttemptTimedOut(r);
    case TraceKind::kLateResponse:
      return LateResponse(r);
    case TraceKind::kResponse:
      return Response(r, /*late=*/false);
    case TraceKind::kRetryWait:
      return Note(r, Lane::kApp,
                  Fill(text_.retry_wait, {{"wait", Wait(Time{r.detail} * kMillisecond)}}));
    case TraceKind::kGaveUp:
      return Note(r, Lane::kApp, Fill(text_.gave_up, {{"attempt", attempt}}), StepStyle::kTrouble);
    case TraceKind::kShowSuccess:
      return Arrow(r, Lane::kApp, Lane::kUser, Text(text_.show_success));
    case TraceKind::kShowProcessing:
      return Arrow(r, Lane::kApp, Lane::kUser, Text(text_.show_processing));
    case TraceKind::kAppStatusQuery:
      return Arrow(r, Lane::kApp, Lane::kServer, Text(text_.app_status_query));
    case TraceKind::kAppStatusAnswer:
      return Arrow(r, Lane::kServer, Lane::kApp,
                   Fill(text_.app_status_answer, {{"status", Text(PaymentStatusText(r.detail))}}));
    case TraceKind::kMessageLost:
      return MessageLost(r);
    case TraceKind::kMessageCopied:
      return MessageCopied(r);
    case TraceKind::kMessageHeld:
      return MessageHeld(r);
    case TraceKind::kProxyTry:
      Arrow(r, Lane::kNetwork, Lane::kLoadBalancer,
            Fill(ProxyTryDetail::Unpack(r.detail).network_copy ? text_.copy_arrived
                                                               : text_.request_arrived,
                 {{"attempt", attempt}, {"from", Where(r)}}));
      return Arrow(r, Lane::kLoadBalancer, Lane::kServer,
                   Fill(text_.proxy_try, {{"attempt", attempt}}));
    case TraceKind::kProxyRetry:
      return Arrow(r, Lane::kLoadBalancer, Lane::kServer,
                   Fill(text_.proxy_retry, {{"attempt", attempt}}));
    case TraceKind::kGatewayTimeout:
      return Arrow(r, Lane::kLoadBalancer, Lane::kNetwork, Text(text_.gateway_timeout));
    case TraceKind::kRequestArrived:
      return Arrow(r, Lane::kNetwork, Lane::kServer,
                   Fill(r.detail ? text_.copy_arrived : text_.request_arrived,
                        {{"attempt", attempt}, {"from", Where(r)}}));
    case TraceKind::kRequestShed:
      return Note(r, Lane::kServer, Fill(text_.request_shed, {{"attempt", attempt}}),
                  StepStyle::kTrouble);
    case TraceKind::kRequestRefused:
      return Note(r, Lane::kServer, Fill(text_.request_refused, {{"attempt", attempt}}),
                  StepStyle::kTrouble);
    case TraceKind::kAdmission:
      return AdmissionStep(r);
    case TraceKind::kCommitted:
      return Arrow(r, Lane::kServer, Lane::kLedger,
                   Text(r.detail ? text_.committed_then_crash : text_.committed));
    case TraceKind::kCharged:
      return Charged(r);
    case TraceKind::kQueueWrite:
      return QueueWrite(r);
    case TraceKind::kRefunded:
      return Arrow(r, Lane::kBackOffice, Lane::kLedger,
                   Fill(text_.refunded, {{"ordinal", std::to_string(r.detail + 1)}}));
    case TraceKind::kReplied: {
      const RepliedDetail reply = RepliedDetail::Unpack(r.detail);
      return Arrow(r, Lane::kServer, ReplyTarget(),
                   Fill(reply.replayed ? text_.replayed : text_.replied,
                        {{"status", Text(Status(reply.status))}}));
    }
    case TraceKind::kKilled:
      return Note(r, Lane::kServer, Fill(text_.killed, {{"attempt", attempt}}),
                  StepStyle::kTrouble);
    case TraceKind::kNotificationSent:
      return Arrow(r, Lane::kLedger, Lane::kConfirmation, Text(text_.notification_sent));
    case TraceKind::kNotificationLost:
      return Arrow(r, Lane::kConfirmation, Lane::kUser, Text(text_.notification_lost),
                   StepStyle::kLost);
    case TraceKind::kNotificationDelivered:
      return Arrow(
          r, Lane::kConfirmation, Lane::kUser,
          Text(DeliveryDetail::Unpack(r.detail).deduplicated ? text_.notification_ignored
                                                             : text_.notification_delivered));
  }
}

void DiagramBuilder::Tap(const TraceRecord& r) {
  if (r.tap == 0 && first_tap_[r.checkout] < 0) first_tap_[r.checkout] = r.at;
  Arrow(r, Lane::kUser, Lane::kApp,
        std::string(r.tap == 0 ? text_.tap : text_.tap_again) +
            (r.checkout > 0 ? Where(TraceRecord{.checkout = r.checkout}) : ""));
}

void DiagramBuilder::PatienceOver(const TraceRecord& r) {
  const Time since = first_tap_[r.checkout] >= 0 ? first_tap_[r.checkout] : origin_;
  Note(r, Lane::kUser, Fill(text_.patience_over, {{"wait", Wait(r.at - since)}}),
       StepStyle::kTrouble);
}

void DiagramBuilder::AttemptTimedOut(const TraceRecord& r) {
  const auto sent = sent_.find(AttemptKey(r));
  const Time waited = sent == sent_.end() ? 0 : r.at - sent->second;
  timed_out_.insert(AttemptKey(r));
  Note(r, Lane::kApp,
       Fill(text_.attempt_timed_out, {{"attempt", AttemptFigure(r)}, {"wait", Wait(waited)}}),
       StepStyle::kTrouble);
}

// A response no one waits for: dropped by the balancer, or discarded by the app.
void DiagramBuilder::LateResponse(const TraceRecord& r) {
  if (static_cast<Lane>(r.lane) == Lane::kLoadBalancer) {
    Note(r, Lane::kLoadBalancer, Fill(text_.balancer_drops, {{"status", Text(Status(r.detail))}}),
         StepStyle::kLate);
    return;
  }
  Response(r, /*late=*/true);
}

void DiagramBuilder::Response(const TraceRecord& r, bool late) {
  // Discarded either because its attempt timed out (late) or because the attempt had its
  // answer already (a copy, or the original after its copy): not the same story.
  std::string_view label = text_.response;
  if (late) {
    label = answered_.count(AttemptKey(r)) != 0 && timed_out_.count(AttemptKey(r)) == 0
                ? text_.answered_response
                : text_.late_response;
  } else {
    answered_.insert(AttemptKey(r));
  }
  Arrow(
      r, Lane::kNetwork, Lane::kApp,
      Fill(label,
           {{"status", Text(Status(r.detail))}, {"attempt", AttemptFigure(r)}, {"from", Where(r)}}),
      late ? StepStyle::kLate : StepStyle::kMessage);
}

void DiagramBuilder::MessageLost(const TraceRecord& r) {
  const MessageDetail lost = MessageDetail::UnpackLost(r.detail);
  std::string label = Fill(lost.response ? text_.response_lost : text_.request_lost,
                           {{"attempt", AttemptFigure(r)}, {"from", Where(r)}});
  if (lost.partition) label += text_.cut_by_partition;
  Arrow(r, Lane::kNetwork, lost.response ? Lane::kApp : RequestTarget(), std::move(label),
        StepStyle::kLost);
}

void DiagramBuilder::MessageCopied(const TraceRecord& r) {
  Note(r, Lane::kNetwork,
       Fill(MessageDetail::UnpackCopied(r.detail).response ? text_.response_copied
                                                           : text_.request_copied,
            {{"attempt", AttemptFigure(r)}}),
       StepStyle::kTrouble);
}

void DiagramBuilder::MessageHeld(const TraceRecord& r) {
  const MessageDetail held = MessageDetail::UnpackHeld(r.detail);
  Note(r, Lane::kNetwork,
       Fill(held.response ? text_.response_held : text_.request_held,
            {{"attempt", AttemptFigure(r)},
             {"wait", Wait(Time{held.extra_delay_ms} * kMillisecond)}}),
       StepStyle::kTrouble);
}

void DiagramBuilder::AdmissionStep(const TraceRecord& r) {
  const AdmissionDetail admission = AdmissionDetail::Unpack(r.detail);
  const std::uint32_t action = admission.action;
  const std::uint32_t miss = admission.miss;
  std::string label(miss > 0 && miss < text_.dedup_miss.size()
                        ? text_.dedup_miss[miss]
                        : (action < text_.admission.size() ? text_.admission[action] : "?"));
  if (options_.uses_key_store) {
    Arrow(r, Lane::kServer, Lane::kKeyStore, std::move(label),
          miss > 0 ? StepStyle::kTrouble : StepStyle::kMessage);
  } else if (action != static_cast<std::uint32_t>(Admission::kProcess) || miss > 0) {
    Note(r, Lane::kServer, std::move(label));  // a strategy's own table decided
  }
}

void DiagramBuilder::Charged(const TraceRecord& r) {
  const ChargedDetail charge = ChargedDetail::Unpack(r.detail);
  const std::string ordinal = std::to_string(charge.ordinal + 1);
  if (!charge.duplicate || charge.cause == RootCause::kCount) {
    Note(r, Lane::kLedger, Fill(text_.charge, {{"ordinal", ordinal}}), StepStyle::kCharge);
    return;
  }
  Note(r, Lane::kLedger,
       Fill(text_.duplicate_charge,
            {{"ordinal", ordinal},
             {"cause", Text(text_.cause[static_cast<std::size_t>(charge.cause)])}}),
       StepStyle::kDuplicate);
}

void DiagramBuilder::QueueWrite(const TraceRecord& r) {
  const DeliveryDetail d = DeliveryDetail::Unpack(r.detail);
  const std::uint32_t delivery = d.delivery;
  if (d.deduplicated) {
    Note(r, Lane::kLedger,
         Fill(text_.queue_redelivery_dropped, {{"delivery", std::to_string(delivery)}}));
  } else if (delivery > 1) {
    Note(r, Lane::kLedger, Fill(text_.queue_redelivered, {{"delivery", std::to_string(delivery)}}),
         StepStyle::kTrouble);
  }
}

SequenceDiagram DiagramBuilder::Finish() {
  SequenceDiagram diagram;
  std::array<bool, kLaneCount> used{};
  for (const DiagramStep& s : steps_) {
    used[static_cast<std::size_t>(s.from)] = true;
    used[static_cast<std::size_t>(s.to)] = true;
  }
  for (int lane = 0; lane < kLaneCount; ++lane) {
    if (used[static_cast<std::size_t>(lane)]) diagram.lanes.push_back(static_cast<Lane>(lane));
  }
  diagram.steps = std::move(steps_);
  return diagram;
}

}  // namespace

Time FirstTapAt(std::span<const TraceRecord> story) {
  for (const TraceRecord& r : story) {
    if (static_cast<TraceKind>(r.kind) == TraceKind::kTap) return r.at;
  }
  return story.empty() ? 0 : story.front().at;
}

SequenceDiagram BuildSequenceDiagram(std::span<const TraceRecord> story,
                                     const DiagramOptions& options, const ExplainText& text) {
  DiagramBuilder builder(options, text, FirstTapAt(story));
  for (const TraceRecord& r : story) builder.Add(r);
  return builder.Finish();
}

std::size_t ColumnOf(const SequenceDiagram& diagram, Lane lane) {
  const auto it = std::find(diagram.lanes.begin(), diagram.lanes.end(), lane);
  assert(it != diagram.lanes.end());
  return static_cast<std::size_t>(it - diagram.lanes.begin());
}

}  // namespace dupsim
