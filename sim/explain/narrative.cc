#include "sim/explain/narrative.h"

#include <cstdlib>
#include <functional>

#include "sim/engine/duration_text.h"
#include "sim/explain/sequence_diagram.h"
#include "sim/explain/trace_collectors.h"
#include "sim/model/trace_detail_fields.h"

namespace dupsim {
namespace {

using RecordTest = std::function<bool(const TraceRecord&)>;

bool Is(const TraceRecord& r, TraceKind kind) {
  return static_cast<TraceKind>(r.kind) == kind;
}

bool SameAttempt(const TraceRecord& a, const TraceRecord& b) {
  return a.checkout == b.checkout && a.tap == b.tap && a.attempt == b.attempt;
}

// The story's figures, looked up by what the parties reported.
class StoryFacts {
 public:
  StoryFacts(const std::vector<TraceRecord>& story, const ExplainText& text)
      : story_(story), text_(text), origin_(FirstTapAt(story)) {
    for (const TraceRecord& r : story_) {
      if (!Is(r, TraceKind::kCharged)) continue;
      const ChargedDetail charge = ChargedDetail::Unpack(r.detail);
      if (charge.ordinal == 0 && first_ == nullptr) first_ = &r;
      if (charge.ordinal == 1 && duplicate_ == nullptr) duplicate_ = &r;
    }
  }

  bool Complete() const { return first_ != nullptr && duplicate_ != nullptr; }
  const TraceRecord& first() const { return *first_; }
  const TraceRecord& duplicate() const { return *duplicate_; }
  // Of the two charged requests, the one the app sent first (lower attempt) and its repeat:
  // a slow original may well be charged after its retry.
  const TraceRecord& original() const {
    return duplicate_->attempt < first_->attempt ? *duplicate_ : *first_;
  }
  const TraceRecord& repeat() const {
    return duplicate_->attempt < first_->attempt ? *first_ : *duplicate_;
  }

  const TraceRecord* Find(const RecordTest& test) const {
    for (const TraceRecord& r : story_) {
      if (test(r)) return &r;
    }
    return nullptr;
  }
  const TraceRecord* FindLastBefore(Time before, const RecordTest& test) const {
    const TraceRecord* found = nullptr;
    for (const TraceRecord& r : story_) {
      if (r.at > before) break;
      if (test(r)) found = &r;
    }
    return found;
  }

  std::string At(Time t) const { return SignedDurationSecondsThreeDecimals(t - origin_); }
  std::string At(const TraceRecord* r) const { return r ? At(r->at) : std::string(text_.absent); }
  std::string Duration(Time t) const {
    return DurationMillisToHoursInWords(t, text_.duration_units);
  }

  // The client's timeout, as the story measured it: from an attempt's send to its timeout.
  std::string Timeout() const {
    for (const TraceRecord& r : story_) {
      if (!Is(r, TraceKind::kAttemptTimedOut)) continue;
      if (const TraceRecord* sent = Find([&](const TraceRecord& s) {
            return Is(s, TraceKind::kAttemptSent) && SameAttempt(s, r);
          })) {
        return Duration(r.at - sent->at);
      }
    }
    return std::string(text_.absent);
  }

  // The back-off before the repeated attempt.
  std::string Backoff() const {
    const TraceRecord* wait = Find([&](const TraceRecord& r) {
      return Is(r, TraceKind::kRetryWait) && r.checkout == repeat().checkout &&
             r.tap == repeat().tap && r.attempt + 1 == repeat().attempt;
    });
    return Duration(wait ? Time{wait->detail} * kMillisecond : 0);
  }

  // What became of the answer to the original attempt.
  std::string Fate() const {
    auto about_original = [&](TraceKind kind) {
      return Find([&](const TraceRecord& r) { return Is(r, kind) && SameAttempt(r, original()); });
    };
    const TraceRecord* lost = Find([&](const TraceRecord& r) {
      return Is(r, TraceKind::kMessageLost) && MessageDetail::UnpackLost(r.detail).response &&
             SameAttempt(r, original());
    });
    std::string_view fate = text_.fate_unknown;
    if (lost) {
      fate = text_.fate_lost;
    } else if (about_original(TraceKind::kLateResponse)) {
      fate = text_.fate_late;
    } else if (about_original(TraceKind::kGatewayTimeout)) {
      fate = text_.fate_gateway;
    }
    return Fill(fate, {{"timeout", Timeout()}});
  }

  std::string TapGap() const {
    const TraceRecord* taps[2] = {nullptr, nullptr};
    for (const TraceRecord& r : story_) {
      if (Is(r, TraceKind::kTap) && r.checkout == duplicate().checkout && r.tap < 2 &&
          !taps[r.tap]) {
        taps[r.tap] = &r;
      }
    }
    return taps[0] && taps[1] ? Duration(taps[1]->at - taps[0]->at) : std::string(text_.absent);
  }

  // How long the user waited on the page before the one that charged twice.
  std::string Patience() const {
    const TraceRecord* over = FindLastBefore(
        duplicate().at, [&](const TraceRecord& r) { return Is(r, TraceKind::kPatienceOver); });
    if (!over) return std::string(text_.absent);
    const TraceRecord* tap = Find([&](const TraceRecord& r) {
      return Is(r, TraceKind::kTap) && r.checkout == over->checkout && r.tap == 0;
    });
    return Duration(over->at - (tap ? tap->at : origin_));
  }

  std::string Confirmation() const {
    if (FindLastBefore(duplicate().at,
                       [](const TraceRecord& r) { return Is(r, TraceKind::kNotificationLost); })) {
      return std::string(text_.confirmation_lost);
    }
    const TraceRecord* delivered = Find([](const TraceRecord& r) {
      return Is(r, TraceKind::kNotificationDelivered) &&
             !DeliveryDetail::Unpack(r.detail).deduplicated;
    });
    if (!delivered) return std::string(text_.confirmation_none);
    return Fill(text_.confirmation_late, {{"notified_at", At(delivered)}});
  }

  // When the app answered the first payment's success with "processing" only.
  std::string Processing() const {
    const bool shown = FindLastBefore(duplicate().at, [](const TraceRecord& r) {
                         return Is(r, TraceKind::kShowProcessing);
                       }) != nullptr;
    return shown ? std::string(text_.app_said_processing) : "";
  }

  std::string Lookup() const {
    const TraceRecord* answer = FindLastBefore(
        duplicate().at, [](const TraceRecord& r) { return Is(r, TraceKind::kStatusAnswer); });
    if (!answer || answer->detail >= text_.payment_status.size()) return "";
    return Fill(text_.lookup_said, {{"status", std::string(text_.payment_status[answer->detail])}});
  }

  std::string CopyGap() const {
    const TraceRecord* arrivals[2] = {nullptr, nullptr};
    for (const TraceRecord& r : story_) {
      if (Is(r, TraceKind::kRequestArrived) && SameAttempt(r, duplicate()) && r.detail < 2 &&
          !arrivals[r.detail]) {
        arrivals[r.detail] = &r;
      }
    }
    if (!arrivals[0] || !arrivals[1]) return std::string(text_.absent);
    return Duration(std::llabs(arrivals[1]->at - arrivals[0]->at));
  }

  // What the client sent again, outermost first as the root causes are.
  std::string Repeat(const std::string& dup_attempt) const {
    if (duplicate().checkout != first().checkout) return std::string(text_.repeat_page);
    if (duplicate().tap != first().tap) return std::string(text_.repeat_tap);
    if (duplicate().attempt != first().attempt) {
      return Fill(text_.repeat_retry, {{"dup_attempt", dup_attempt}});
    }
    if (Find([&](const TraceRecord& r) {
          return Is(r, TraceKind::kRequestArrived) && r.detail == 1 && SameAttempt(r, first());
        })) {
      return std::string(text_.repeat_copy);
    }
    return std::string(text_.repeat_other);
  }

  std::string TryGap() const {
    const TraceRecord* first_try = Find([&](const TraceRecord& r) {
      return Is(r, TraceKind::kProxyTry) && SameAttempt(r, duplicate());
    });
    const TraceRecord* retry = Find([&](const TraceRecord& r) {
      return Is(r, TraceKind::kProxyRetry) && SameAttempt(r, duplicate());
    });
    return first_try && retry ? Duration(retry->at - first_try->at) : std::string(text_.absent);
  }

  // Between the two charged requests' arrivals at the server.
  std::string ArrivalGap() const {
    auto arrival = [&](const TraceRecord& charge) {
      return Find([&](const TraceRecord& r) {
        return Is(r, TraceKind::kRequestArrived) && SameAttempt(r, charge);
      });
    };
    const TraceRecord* a = arrival(first());
    const TraceRecord* b = arrival(duplicate());
    return a && b ? Duration(std::llabs(b->at - a->at)) : std::string(text_.absent);
  }

  std::string ArrivedAt() const {
    return At(Find([&](const TraceRecord& r) {
      return Is(r, TraceKind::kRequestArrived) && SameAttempt(r, original());
    }));
  }

  std::string Delivery() const {
    // The write that charged again, not a redelivery the inbox dropped.
    const TraceRecord* write = FindLastBefore(duplicate().at, [&](const TraceRecord& r) {
      if (!Is(r, TraceKind::kQueueWrite)) return false;
      const DeliveryDetail d = DeliveryDetail::Unpack(r.detail);
      return !d.deduplicated && d.delivery > 1;
    });
    return write ? std::to_string(DeliveryDetail::Unpack(write->detail).delivery)
                 : std::string(text_.absent);
  }

 private:
  const std::vector<TraceRecord>& story_;
  const ExplainText& text_;
  Time origin_;
  const TraceRecord* first_ = nullptr;
  const TraceRecord* duplicate_ = nullptr;
};

std::string PreventedBy(const Explanation& e, const ExplainText& text) {
  std::string names;
  for (const CounterfactualRow& row : e.counterfactual) {
    // A strategy that never charged the intent stopped the payment, not the duplicate.
    if (row.explained || row.charges != 1) continue;
    if (!names.empty()) names += text.list_separator;
    names += StrategyShown(row.strategy, text);
  }
  if (names.empty()) return std::string(text.prevented_by_none);
  return Fill(text.prevented_by, {{"strategies", names}});
}

}  // namespace

std::string Narrative(const Explanation& e, const ExplainText& text) {
  const StoryFacts facts(e.story, text);
  std::string story;
  if (facts.Complete()) {
    const TraceRecord& first = facts.first();
    const TraceRecord& dup = facts.duplicate();
    const std::string dup_attempt = std::to_string(facts.repeat().attempt);
    auto found_at = [&](TraceKind kind) {
      return facts.At(facts.Find([&](const TraceRecord& r) { return Is(r, kind); }));
    };
    const TraceRecord* commit = facts.Find(
        [&](const TraceRecord& r) { return Is(r, TraceKind::kCommitted) && SameAttempt(r, dup); });
    story = Fill(text.narrative[static_cast<std::size_t>(e.cause)],
                 {{"first_at", facts.At(first.at)},
                  {"dup_at", facts.At(dup.at)},
                  {"gap", facts.Duration(dup.at - first.at)},
                  {"first_attempt", std::to_string(facts.original().attempt)},
                  {"arrived_at", facts.ArrivedAt()},
                  {"arrival_gap", facts.ArrivalGap()},
                  {"dup_attempt", dup_attempt},
                  {"tap_gap", facts.TapGap()},
                  {"fate", facts.Fate()},
                  {"timeout", facts.Timeout()},
                  {"backoff", facts.Backoff()},
                  {"confirmation", facts.Confirmation()},
                  {"processing", facts.Processing()},
                  {"patience", facts.Patience()},
                  {"lookup", facts.Lookup()},
                  {"copy_gap", facts.CopyGap()},
                  {"repeat", facts.Repeat(dup_attempt)},
                  {"try_gap", facts.TryGap()},
                  {"told_at", found_at(TraceKind::kToldPaid)},
                  {"scam_at", found_at(TraceKind::kScammed)},
                  {"commit_at", facts.At(commit)},
                  {"delivery", facts.Delivery()}});
  }
  const std::string prevented = PreventedBy(e, text);
  if (story.empty()) return prevented;
  return story + std::string(text.sentence_gap) + prevented;
}

}  // namespace dupsim
