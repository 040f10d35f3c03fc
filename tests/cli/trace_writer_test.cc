// The trace renderers on hand-made records (sim/trace/): names of lanes and
// kinds, event names decoded from details, attempt spans, the JSON Lines bytes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "metrics/root_cause.h"
#include "sim/model/strategy.h"
#include "sim/network/message.h"
#include "sim/trace/chrome_trace_writer.h"
#include "sim/trace/jsonl_trace_writer.h"
#include "sim/trace/trace_names.h"

namespace dupsim {
namespace {

using Json = nlohmann::ordered_json;

constexpr auto kLastKind = TraceKind::kNotificationDelivered;  // the enum's last

bool IsSnakeCase(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  }
  return true;
}

TraceRecord Record(Time at, TraceKind kind, Lane lane, std::uint32_t intent,
                   std::uint8_t attempt = 0, std::uint32_t detail = 0) {
  return TraceRecord{at,
                     intent,
                     static_cast<std::uint8_t>(lane),
                     static_cast<std::uint8_t>(lane),
                     static_cast<std::uint16_t>(kind),
                     0,
                     0,
                     attempt,
                     detail};
}

TEST(TraceNames, EveryLaneAndKindHasItsOwnSnakeCaseNameAndALabel) {
  std::set<std::string_view> lanes;
  for (int l = 0; l < kLaneCount; ++l) {
    const Lane lane = LaneOf(static_cast<std::uint8_t>(l));
    EXPECT_TRUE(IsSnakeCase(LaneName(lane))) << l;
    EXPECT_NE(LaneName(lane), "unknown");
    EXPECT_FALSE(LaneLabel(lane).empty());
    lanes.insert(LaneName(lane));
  }
  EXPECT_EQ(lanes.size(), static_cast<std::size_t>(kLaneCount));
  EXPECT_EQ(LaneName(LaneOf(kLaneCount)), "unknown");

  std::set<std::string_view> kinds;
  const int kinds_count = static_cast<int>(kLastKind) + 1;
  for (int k = 0; k < kinds_count; ++k) {
    const TraceKind kind = KindOf(static_cast<std::uint16_t>(k));
    EXPECT_TRUE(IsSnakeCase(KindName(kind))) << k;
    EXPECT_NE(KindName(kind), "unknown");
    EXPECT_FALSE(KindLabel(kind).empty());
    kinds.insert(KindName(kind));
  }
  EXPECT_EQ(kinds.size(), static_cast<std::size_t>(kinds_count));
  EXPECT_EQ(KindName(KindOf(kinds_count)), "unknown");
  EXPECT_EQ(LaneName(Lane::kLoadBalancer), "load_balancer");
  EXPECT_EQ(KindName(TraceKind::kAttemptSent), "attempt_sent");
  EXPECT_EQ(KindLabel(TraceKind::kAttemptSent), "attempt sent");
}

TEST(TraceNames, DetailEnumsByTheirNumbers) {
  EXPECT_EQ(ResponseStatusName(static_cast<std::uint32_t>(ResponseStatus::kConflict)), "conflict");
  EXPECT_EQ(ResponseStatusName(300), "unknown");
  EXPECT_EQ(AdmissionName(static_cast<std::uint32_t>(Admission::kReplayFirst)), "replay_first");
  EXPECT_EQ(DedupMissName(static_cast<std::uint32_t>(DedupMiss::kKeyExpired)), "key_expired");
  EXPECT_EQ(PaymentStatusName(1), "not_found");
}

TEST(TraceEventNames, DetailsRefineTheKind) {
  EXPECT_EQ(TraceEventName(Record(0, TraceKind::kAttemptSent, Lane::kApp, 0, 1)), "attempt sent");
  EXPECT_EQ(TraceEventName(Record(0, TraceKind::kMessageLost, Lane::kNetwork, 0, 1, 1)),
            "response lost");
  EXPECT_EQ(TraceEventName(Record(0, TraceKind::kMessageLost, Lane::kNetwork, 0, 1, 2)),
            "request lost (partition)");
  const std::uint32_t client_retry =
      (static_cast<std::uint32_t>(RootCause::kClientRetry) + 1) << 8 | 1;
  EXPECT_EQ(TraceEventName(Record(0, TraceKind::kCharged, Lane::kLedger, 0, 2, client_retry)),
            "charged (duplicate: client_retry)");
  EXPECT_EQ(TraceEventName(Record(0, TraceKind::kCharged, Lane::kLedger, 0, 1, 0)), "charged");
  EXPECT_EQ(TraceEventName(Record(0, TraceKind::kResponse, Lane::kServer, 0, 1,
                                  static_cast<std::uint32_t>(ResponseStatus::kDeclined))),
            "response (declined)");
  EXPECT_EQ(TraceEventName(Record(0, TraceKind::kReplied, Lane::kServer, 0, 1, 256)),
            "replied (replayed)");
  EXPECT_EQ(TraceEventName(Record(0, TraceKind::kProxyTry, Lane::kLoadBalancer, 0, 1, 1 | 256)),
            "proxy try (network copy)");
  EXPECT_EQ(TraceEventName(Record(0, TraceKind::kQueueWrite, Lane::kLedger, 0, 1, 2 | 256)),
            "queue write (deduplicated)");
  EXPECT_EQ(TraceEventName(Record(0, static_cast<TraceKind>(999), Lane::kServer, 0)),
            "unknown (kind 999)");
}

TEST(ChromeTraceWriter, PairsEachAttemptWithWhatEndedIt) {
  const std::vector<TraceRecord> records = {
      Record(10, TraceKind::kAttemptSent, Lane::kApp, 5, 1),
      Record(12, TraceKind::kAttemptSent, Lane::kApp, 6, 1),  // never answered: no span
      Record(20, TraceKind::kAttemptTimedOut, Lane::kApp, 5, 1),
      Record(30, TraceKind::kAttemptSent, Lane::kApp, 5, 2),
      Record(40, TraceKind::kResponse, Lane::kServer, 5, 2, 0),
  };
  std::ostringstream out;
  TraceMetadata metadata;
  metadata.scenario = "s";
  metadata.strategy = "none";
  WriteChromeTrace(records, metadata, out);
  const Json trace = Json::parse(out.str());
  std::vector<std::string> spans;
  std::size_t instants = 0;
  for (const Json& e : trace["traceEvents"]) {
    if (e["ph"] == "i") ++instants;
    if (e["ph"] != "b" && e["ph"] != "e") continue;
    spans.push_back(e["ph"].get<std::string>() + std::to_string(e["ts"].get<Time>()) + "#" +
                    std::to_string(e["id"].get<int>()));
  }
  EXPECT_EQ(instants, records.size());
  EXPECT_EQ(spans, (std::vector<std::string>{"b10#0", "e20#0", "b30#3", "e40#3"}));
  // Only the lanes used get a track: App (tid 2) and Server (tid 5).
  std::vector<int> named;
  for (const Json& e : trace["traceEvents"]) {
    if (e["name"] == "thread_name") named.push_back(e["tid"]);
  }
  EXPECT_EQ(named, (std::vector<int>{2, 5}));
  EXPECT_EQ(trace["otherData"]["strategy"], "none");
}

TEST(JsonlTraceWriter, OneLineOfFixedKeysPerRecord) {
  TraceRecord r = Record(20512, TraceKind::kAttemptSent, Lane::kApp, 3, 1);
  r.peer = static_cast<std::uint8_t>(Lane::kServer);
  r.tap = 1;
  std::ostringstream out;
  WriteJsonlTrace(std::vector<TraceRecord>{r, Record(9, TraceKind::kTap, Lane::kUser, 4)}, out);
  EXPECT_EQ(out.str(),
            "{\"t_us\":20512,\"intent\":3,\"lane\":\"app\",\"peer\":\"server\","
            "\"kind\":\"attempt_sent\",\"checkout\":0,\"tap\":1,\"attempt\":1,\"detail\":{}}\n"
            "{\"t_us\":9,\"intent\":4,\"lane\":\"user\",\"peer\":\"user\",\"kind\":\"tap\","
            "\"checkout\":0,\"tap\":0,\"attempt\":0,\"detail\":{}}\n");
}

// The detail in words, one named field per thing it packs, in a fixed order: no reader needs
// sim/model/trace_event.h to know that 257 on a replied record means "200, replayed".
TEST(JsonlTraceWriter, TheDetailInWords) {
  const std::uint32_t client_retry =
      (static_cast<std::uint32_t>(RootCause::kClientRetry) + 1) << 8 | 1;
  const std::vector<std::pair<TraceRecord, std::string>> cases = {
      {Record(0, TraceKind::kMessageLost, Lane::kNetwork, 0, 1, 3),
       R"({"message":"response","partition":true})"},
      {Record(0, TraceKind::kMessageCopied, Lane::kNetwork, 0, 1, 0), R"({"message":"request"})"},
      {Record(0, TraceKind::kReplied, Lane::kServer, 0, 1, 256),
       R"({"status":"ok","replayed":true})"},
      {Record(0, TraceKind::kResponse, Lane::kServer, 0, 1,
              static_cast<std::uint32_t>(ResponseStatus::kGatewayTimeout)),
       R"({"status":"gateway_timeout"})"},
      {Record(0, TraceKind::kCharged, Lane::kLedger, 0, 2, client_retry),
       R"({"ordinal":1,"duplicate":"client_retry"})"},
      {Record(0, TraceKind::kCharged, Lane::kLedger, 0, 1, 0), R"({"ordinal":0})"},
      {Record(0, TraceKind::kAdmission, Lane::kServer, 0, 1,
              static_cast<std::uint32_t>(Admission::kProcess) |
                  static_cast<std::uint32_t>(DedupMiss::kKeyExpired) << 8),
       R"({"admission":"process","miss":"key_expired"})"},
      {Record(0, TraceKind::kPromptAnswer, Lane::kUser, 0, 0, 1), R"({"answer":"yes"})"},
      {Record(0, TraceKind::kAppStatusAnswer, Lane::kServer, 0, 1, 1), R"({"status":"not_found"})"},
      {Record(0, TraceKind::kRetryWait, Lane::kApp, 0, 1, 75), R"({"wait_ms":75})"},
      {Record(0, TraceKind::kProxyTry, Lane::kLoadBalancer, 0, 1, 1 | 256),
       R"({"try":1,"network_copy":true})"},
      {Record(0, TraceKind::kRequestRefused, Lane::kServer, 0, 1, 2), R"({"replica":2})"},
      {Record(0, TraceKind::kQueueWrite, Lane::kLedger, 0, 1, 2 | 256),
       R"({"delivery":2,"deduplicated":true})"},
      {Record(0, TraceKind::kNotificationDelivered, Lane::kConfirmation, 0, 0, 1),
       R"({"delivery":1,"deduplicated":false})"},
      {Record(0, TraceKind::kShowProcessing, Lane::kApp, 0, 1), "{}"},
      {Record(0, TraceKind::kMessageHeld, Lane::kNetwork, 0, 1, 1 | 2500 << 1),
       R"({"message":"response","extra_delay_ms":2500})"},
      {Record(0, static_cast<TraceKind>(999), Lane::kApp, 0, 0, 7), R"({"raw":7})"},
  };
  for (const auto& [record, detail] : cases) {
    std::ostringstream out;
    WriteJsonlTrace(std::vector<TraceRecord>{record}, out);
    const Json line = Json::parse(out.str());
    EXPECT_EQ(line["detail"].dump(), detail) << out.str();
  }
}

}  // namespace
}  // namespace dupsim
