#include "sim/trace/chrome_trace_writer.h"

#include <array>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "metrics/root_cause.h"
#include "sim/model/trace_detail_fields.h"
#include "sim/trace/trace_detail.h"
#include "sim/trace/trace_names.h"

namespace dupsim {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kPid = 1;
constexpr std::size_t kNoPair = static_cast<std::size_t>(-1);

int TidOf(std::uint8_t lane) {
  return static_cast<int>(lane) + 1;
}

std::string MessageName(std::uint32_t detail) {
  return MessageDetail::UnpackLost(detail).response ? "response" : "request";
}

Json ArgsOf(const TraceRecord& r) {
  Json args = Json::object();
  args["intent"] = r.intent;
  args["checkout"] = r.checkout;
  args["tap"] = r.tap;
  args["attempt"] = r.attempt;
  if (r.peer != r.lane) args["peer"] = LaneLabel(LaneOf(r.peer));
  const Json detail = TraceDetail(r);  // kept alive: items() refers to it
  for (const auto& [key, value] : detail.items()) args[key] = value;
  return args;
}

void WriteEvent(const Json& event, bool& first, std::ostream& out) {
  out << (first ? "\n" : ",\n")
      << event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  first = false;
}

Json Metadata(std::string_view name, int tid, const char* key, Json value) {
  Json event = Json::object();
  event["name"] = name;
  event["ph"] = "M";
  event["pid"] = kPid;
  if (tid >= 0) event["tid"] = tid;
  event["args"] = Json::object({{key, std::move(value)}});
  return event;
}

std::uint64_t AttemptKey(const TraceRecord& r) {
  return (static_cast<std::uint64_t>(r.intent) << 24) |
         (static_cast<std::uint64_t>(r.checkout) << 16) | (static_cast<std::uint64_t>(r.tap) << 8) |
         r.attempt;
}

// For each attempt_sent, the index of the record that ended it (its response or its
// timeout), or kNoPair; for each of those ends, the index of its attempt_sent.
std::vector<std::size_t> PairAttempts(std::span<const TraceRecord> records) {
  std::vector<std::size_t> pair(records.size(), kNoPair);
  std::unordered_map<std::uint64_t, std::size_t> open;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const TraceKind kind = KindOf(records[i].kind);
    if (kind == TraceKind::kAttemptSent) {
      open[AttemptKey(records[i])] = i;
    } else if (kind == TraceKind::kResponse || kind == TraceKind::kAttemptTimedOut) {
      const auto it = open.find(AttemptKey(records[i]));
      if (it == open.end()) continue;
      pair[it->second] = i;
      pair[i] = it->second;
      open.erase(it);
    }
  }
  return pair;
}

Json AttemptSpan(const TraceRecord& at, const char* phase, std::size_t id) {
  Json event = Json::object();
  event["name"] = "HTTP attempt";
  event["cat"] = "http";
  event["ph"] = phase;
  event["id"] = id;
  event["ts"] = at.at;
  event["pid"] = kPid;
  event["tid"] = TidOf(static_cast<std::uint8_t>(Lane::kApp));
  return event;
}

}  // namespace

std::string TraceEventName(const TraceRecord& r) {
  const TraceKind kind = KindOf(r.kind);
  const std::uint32_t d = r.detail;
  const std::string label(KindLabel(kind));
  auto with = [&](std::string_view what) { return label + " (" + std::string(what) + ")"; };
  switch (kind) {
    case TraceKind::kMessageLost:
      return MessageName(d) + " lost" +
             (MessageDetail::UnpackLost(d).partition ? " (partition)" : "");
    case TraceKind::kMessageCopied:
      return MessageName(d) + " copied";
    case TraceKind::kMessageHeld:
      return MessageName(d) + " held back";
    case TraceKind::kCharged: {
      const ChargedDetail charge = ChargedDetail::Unpack(d);
      return charge.duplicate ? with("duplicate: " + std::string(RootCauseName(charge.cause)))
                              : label;
    }
    case TraceKind::kResponse:
    case TraceKind::kLateResponse:
      return d != 0 ? with(ResponseStatusName(d)) : label;
    case TraceKind::kReplied: {
      const RepliedDetail reply = RepliedDetail::Unpack(d);
      std::string what(reply.status != 0 ? ResponseStatusName(reply.status) : "");
      if (reply.replayed) what += what.empty() ? "replayed" : ", replayed";
      return what.empty() ? label : with(what);
    }
    case TraceKind::kAdmission:
      return with(AdmissionName(AdmissionDetail::Unpack(d).action));
    case TraceKind::kProxyTry:
      return ProxyTryDetail::Unpack(d).network_copy ? with("network copy") : label;
    case TraceKind::kQueueWrite:
    case TraceKind::kNotificationDelivered:
      return DeliveryDetail::Unpack(d).deduplicated ? with("deduplicated") : label;
    case TraceKind::kStatusAnswer:
    case TraceKind::kAppStatusAnswer:
      return with(PaymentStatusName(d));
    case TraceKind::kPromptAnswer:
      return with(d != 0 ? "yes" : "no");
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
    case TraceKind::kRetryWait:
    case TraceKind::kGaveUp:
    case TraceKind::kShowSuccess:
    case TraceKind::kShowProcessing:
    case TraceKind::kAppStatusQuery:
    case TraceKind::kProxyRetry:
    case TraceKind::kGatewayTimeout:
    case TraceKind::kRequestArrived:
    case TraceKind::kRequestShed:
    case TraceKind::kRequestRefused:
    case TraceKind::kCommitted:
    case TraceKind::kKilled:
    case TraceKind::kRefunded:
    case TraceKind::kNotificationSent:
    case TraceKind::kNotificationLost:
      return label;
  }
  return "unknown (kind " + std::to_string(r.kind) + ")";  // a kind this version does not know
}

void WriteChromeTrace(std::span<const TraceRecord> records, const TraceMetadata& metadata,
                      std::ostream& out) {
  out << "{\"traceEvents\":[";
  bool first = true;
  WriteEvent(Metadata("process_name", -1, "name",
                      "dupsim: " + metadata.scenario + " under " + metadata.strategy),
             first, out);
  std::array<bool, 256> used{};
  for (const TraceRecord& r : records) used[r.lane] = true;
  for (std::size_t lane = 0; lane < used.size(); ++lane) {
    if (!used[lane]) continue;
    const auto l = static_cast<std::uint8_t>(lane);
    WriteEvent(Metadata("thread_name", TidOf(l), "name", LaneLabel(LaneOf(l))), first, out);
    WriteEvent(Metadata("thread_sort_index", TidOf(l), "sort_index", static_cast<int>(lane)), first,
               out);
  }

  const std::vector<std::size_t> pair = PairAttempts(records);
  for (std::size_t i = 0; i < records.size(); ++i) {
    const TraceRecord& r = records[i];
    Json event = Json::object();
    event["name"] = TraceEventName(r);
    event["cat"] = KindName(KindOf(r.kind));
    event["ph"] = "i";
    event["s"] = "t";
    event["ts"] = r.at;
    event["pid"] = kPid;
    event["tid"] = TidOf(r.lane);
    event["args"] = ArgsOf(r);
    WriteEvent(event, first, out);
    if (pair[i] == kNoPair) continue;
    if (KindOf(r.kind) == TraceKind::kAttemptSent) {
      Json begin = AttemptSpan(r, "b", i);
      begin["args"] = Json::object(
          {{"intent", r.intent}, {"checkout", r.checkout}, {"tap", r.tap}, {"attempt", r.attempt}});
      WriteEvent(begin, first, out);
    } else {
      Json end = AttemptSpan(r, "e", pair[i]);
      end["args"] = Json::object({{"outcome", TraceEventName(r)}});
      WriteEvent(end, first, out);
    }
  }

  Json other = Json::object();
  other["tool"] = "dupsim";
  other["version"] = metadata.tool_version;
  other["scenario"] = metadata.scenario;
  other["source"] = metadata.source;
  other["strategy"] = metadata.strategy;
  other["seed"] = metadata.seed;
  other["intents"] = metadata.intents;
  other["virtual_end_us"] = metadata.virtual_end;
  other["time"] = "virtual: ts is microseconds since the run began";
  out << "\n],\n\"displayTimeUnit\":\"ms\",\n\"otherData\":"
      << other.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "}\n";
}

}  // namespace dupsim
