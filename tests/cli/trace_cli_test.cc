// `dupsim trace` end to end: the Chrome trace parses and has what Perfetto needs
// (named tracks, instants with ts/pid/tid/name, time that never goes back), a
// payment's steps come in the order they happen, duplicates carry their cause,
// the JSON Lines form matches it record for record, bytes are deterministic,
// and bad input is one line with exit status 2.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/cli/dupsim_process.h"

namespace dupsim {
namespace {

using Json = nlohmann::ordered_json;

// Runs `dupsim trace ARGS --output FILE` in `dir`, expects success, returns the file.
std::string TraceFile(const ScratchDir& dir, std::vector<std::string> args,
                      const std::string& name = "trace.out") {
  const std::string path = dir.path() + "/" + name;
  args.insert(args.begin(), "trace");
  args.insert(args.end(), {"--output", path});
  const ProcessResult r = RunDupsimBinary(args);
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  return ReadFile(path);
}

Json ChromeTrace(const ScratchDir& dir, const std::vector<std::string>& args) {
  return Json::parse(TraceFile(dir, args, "trace.json"));
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<Json> Instants(const Json& trace) {
  std::vector<Json> instants;
  for (const Json& e : trace["traceEvents"]) {
    if (e["ph"] == "i") instants.push_back(e);
  }
  return instants;
}

const std::vector<std::string> kDoubleTapNone = {"double_tap", "--strategy", "none", "--intents",
                                                 "100"};

TEST(TraceCli, ChromeTraceHasNamedTracksAndWellFormedInstants) {
  const ScratchDir dir;
  const Json trace = ChromeTrace(dir, kDoubleTapNone);
  ASSERT_TRUE(trace.is_object());
  ASSERT_TRUE(trace["traceEvents"].is_array());
  EXPECT_EQ(trace["displayTimeUnit"], "ms");
  const Json& other = trace["otherData"];
  EXPECT_EQ(other["tool"], "dupsim");
  EXPECT_EQ(other["version"], DUPSIM_EXPECTED_VERSION);
  EXPECT_EQ(other["scenario"], "double-tap-basics");
  EXPECT_EQ(other["strategy"], "none");
  EXPECT_EQ(other["seed"], 7);
  EXPECT_EQ(other["intents"], 100);
  const std::int64_t end = other["virtual_end_us"].get<std::int64_t>();
  EXPECT_GT(end, 0);

  std::map<int, std::string> thread_names;
  std::set<int> sorted_threads;
  for (const Json& e : trace["traceEvents"]) {
    if (e["ph"] != "M") continue;
    if (e["name"] == "thread_name") thread_names[e["tid"].get<int>()] = e["args"]["name"];
    if (e["name"] == "thread_sort_index") sorted_threads.insert(e["tid"].get<int>());
  }
  std::map<int, std::int64_t> last_ts;
  std::set<std::string> names;
  const std::vector<Json> instants = Instants(trace);
  ASSERT_GT(instants.size(), 500u);
  for (const Json& e : instants) {
    ASSERT_TRUE(e.contains("ts") && e.contains("pid") && e.contains("tid") && e.contains("name"))
        << e.dump();
    EXPECT_EQ(e["s"], "t");
    EXPECT_EQ(e["pid"], 1);
    const int tid = e["tid"].get<int>();
    EXPECT_TRUE(thread_names.count(tid)) << "no thread_name for tid " << tid;
    EXPECT_TRUE(sorted_threads.count(tid)) << "no thread_sort_index for tid " << tid;
    const std::int64_t ts = e["ts"].get<std::int64_t>();
    EXPECT_GE(ts, last_ts[tid]) << e.dump();  // never backwards on a track
    EXPECT_LE(ts, end);
    last_ts[tid] = ts;
    names.insert(e["name"].get<std::string>());
  }
  // The parties of a double tap's story, each on its own named track.
  for (const char* lane : {"User", "App", "Network", "Server", "Ledger", "Confirmation"}) {
    bool found = false;
    for (const auto& [tid, name] : thread_names) found = found || name == lane;
    EXPECT_TRUE(found) << lane;
  }
  for (const char* name : {"tap", "attempt sent", "request arrived", "admission (process)",
                           "committed", "charged", "replied", "response", "shows success",
                           "notification sent", "notification delivered", "told paid"}) {
    EXPECT_TRUE(names.count(name)) << name;
  }
}

TEST(TraceCli, HttpAttemptsAreAsyncSpansFromSentToAnswer) {
  const ScratchDir dir;
  const Json trace = ChromeTrace(dir, {"timeout_retry", "--strategy", "none"});
  std::map<std::uint64_t, std::int64_t> begun;
  std::size_t spans = 0;
  bool timed_out = false;
  for (const Json& e : trace["traceEvents"]) {
    if (e["ph"] == "b") {
      EXPECT_EQ(e["cat"], "http");
      EXPECT_TRUE(begun.emplace(e["id"].get<std::uint64_t>(), e["ts"].get<std::int64_t>()).second);
    } else if (e["ph"] == "e") {
      const auto it = begun.find(e["id"].get<std::uint64_t>());
      ASSERT_NE(it, begun.end()) << e.dump();
      EXPECT_GE(e["ts"].get<std::int64_t>(), it->second);
      EXPECT_EQ(e["name"], "HTTP attempt");
      timed_out = timed_out || e["args"]["outcome"] == "attempt timed out";
      begun.erase(it);
      ++spans;
    }
  }
  EXPECT_TRUE(begun.empty());
  EXPECT_GE(spans, 100u);
  EXPECT_TRUE(timed_out);
}

TEST(TraceCli, AnIntentsStepsComeInTheOrderTheyHappen) {
  const ScratchDir dir;
  const Json trace = ChromeTrace(dir, kDoubleTapNone);
  std::vector<std::string> story;
  std::int64_t last = 0;
  for (const Json& e : Instants(trace)) {
    if (e["args"]["intent"] != 0) continue;
    story.push_back(e["cat"]);
    EXPECT_GE(e["ts"].get<std::int64_t>(), last);
    last = e["ts"].get<std::int64_t>();
  }
  std::size_t at = 0;
  for (const char* step : {"tap", "attempt_sent", "request_arrived", "admission", "committed",
                           "charged", "replied", "response", "show_success"}) {
    const auto it = std::find(story.begin() + static_cast<std::ptrdiff_t>(at), story.end(), step);
    ASSERT_NE(it, story.end()) << step << " missing or out of order";
    at = static_cast<std::size_t>(it - story.begin()) + 1;
  }
}

TEST(TraceCli, ADoubleTapsSecondChargeIsLabelledADuplicate) {
  const ScratchDir dir;
  const Json trace = ChromeTrace(dir, kDoubleTapNone);
  std::map<std::uint32_t, std::vector<Json>> charges;
  for (const Json& e : Instants(trace)) {
    if (e["cat"] == "charged") charges[e["args"]["intent"].get<std::uint32_t>()].push_back(e);
  }
  EXPECT_EQ(charges.size(), 100u);  // every intent charged at least once
  std::size_t twice = 0;
  for (const auto& [intent, list] : charges) {
    EXPECT_EQ(list.front()["name"], "charged") << intent;
    EXPECT_FALSE(list.front()["args"].contains("duplicate"));
    if (list.size() < 2) continue;
    ++twice;
    EXPECT_EQ(list.size(), 2u) << intent;
    EXPECT_EQ(list[1]["name"], "charged (duplicate: double_tap)") << intent;
    EXPECT_EQ(list[1]["args"]["duplicate"], "double_tap");
    EXPECT_EQ(list[1]["args"]["tap"], 1);  // the second tap's request
  }
  EXPECT_GE(twice, 1u);
}

TEST(TraceCli, JsonLinesMatchTheChromeInstantsKeyForKey) {
  const ScratchDir dir;
  const std::vector<Json> instants = Instants(ChromeTrace(dir, kDoubleTapNone));
  std::vector<std::string> args = kDoubleTapNone;
  args.insert(args.end(), {"--format", "jsonl"});
  const std::vector<std::string> lines = Lines(TraceFile(dir, args, "trace.jsonl"));
  ASSERT_EQ(lines.size(), instants.size());
  const std::vector<std::string> keys = {"t_us",     "intent", "lane",    "peer",  "kind",
                                         "checkout", "tap",    "attempt", "detail"};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Json line = Json::parse(lines[i]);
    std::vector<std::string> got;
    for (const auto& [key, value] : line.items()) got.push_back(key);
    ASSERT_EQ(got, keys) << lines[i];
    EXPECT_EQ(line["t_us"], instants[i]["ts"]) << lines[i];
    EXPECT_EQ(line["kind"], instants[i]["cat"]) << lines[i];
    EXPECT_EQ(line["intent"], instants[i]["args"]["intent"]) << lines[i];
    EXPECT_TRUE(line["lane"].is_string() && line["peer"].is_string());
    EXPECT_NE(line["lane"], "unknown");
    EXPECT_NE(line["kind"], "unknown");
    // The detail in words is the instant's args beyond the record's place and peer.
    Json args = instants[i]["args"];
    for (const char* key : {"intent", "checkout", "tap", "attempt", "peer"}) args.erase(key);
    EXPECT_TRUE(line["detail"].is_object()) << lines[i];
    EXPECT_EQ(line["detail"], args) << lines[i];
  }
}

TEST(TraceCli, SameSeedSameBytes) {
  const ScratchDir dir;
  for (const char* format : {"chrome", "jsonl"}) {
    const std::vector<std::string> args = {"repeat_or_mistake", "--intents", "150", "--format",
                                           format};
    const std::string first = TraceFile(dir, args, "a");
    EXPECT_EQ(first, TraceFile(dir, args, "b")) << format;
    std::vector<std::string> other_seed = args;
    other_seed.insert(other_seed.end(), {"--seed", "8"});
    EXPECT_NE(first, TraceFile(dir, other_seed, "c")) << format;
  }
}

TEST(TraceCli, DefaultsToAHundredIntentsTheFirstStrategyAndStandardOutput) {
  const ScratchDir dir;
  const ProcessResult r = RunDupsimBinary({"trace", "double_tap"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const Json trace = Json::parse(r.out);
  EXPECT_EQ(trace["otherData"]["intents"], 100);
  EXPECT_EQ(trace["otherData"]["strategy"], "none");  // double_tap lists it first
  EXPECT_EQ(r.out, TraceFile(dir, {"double_tap"}));
}

TEST(TraceCli, StrategyFlagPicksTheStrategy) {
  const ScratchDir dir;
  const Json trace =
      ChromeTrace(dir, {"double_tap", "--strategy", "idempotency_key", "--intents", "200"});
  EXPECT_EQ(trace["otherData"]["strategy"], "idempotency_key");
  for (const Json& e : Instants(trace)) {
    EXPECT_FALSE(e["args"].contains("duplicate")) << e.dump();
  }
}

void ExpectUsageError(const std::vector<std::string>& args, const std::string& message) {
  std::string joined;
  for (const std::string& a : args) joined += " " + a;
  SCOPED_TRACE("dupsim" + joined);
  const ProcessResult r = RunDupsimBinary(args);
  EXPECT_EQ(r.exit_status, 2) << r.err;
  EXPECT_EQ(r.out, "");
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.rfind("dupsim: error: ", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "not one line: " << r.err;
  EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
}

TEST(TraceCli, BadInputIsOneLineAndStatusTwo) {
  ExpectUsageError({"trace", "double_tap", "--intents", "100001"},
                   "--intents: 100001 intents are too many to trace (at most 100000");
  ExpectUsageError({"trace", "double_tap", "--intents", "1000000"},
                   "trace fewer, e.g. --intents 100");
  ExpectUsageError({"trace", "double_tap", "--intents", "0"}, "--intents: must be at least 1");
  ExpectUsageError({"trace", "double_tap", "--format", "svg"},
                   "--format: unknown value 'svg' (known: chrome, jsonl)");
  ExpectUsageError({"trace", "double_tap", "--format", "josnl"},
                   "--format: unknown value 'josnl'; did you mean 'jsonl'? (known: chrome, jsonl)");
  ExpectUsageError({"trace"}, "trace: missing SCENARIO");
  ExpectUsageError({"trace", "no_such_scenario"}, "no_such_scenario");
  ExpectUsageError({"trace", "/no/such/dir/scenario.yaml"}, "/no/such/dir/scenario.yaml");
  ExpectUsageError({"trace", "double_tap", "timeout_retry"}, "one SCENARIO at a time");
  ExpectUsageError({"trace", "double_tap", "--strategy", "no_such_strategy"}, "--strategy");
  ExpectUsageError({"trace", "double_tap", "--strategy", "none", "--strategy", "none"},
                   "--strategy: given more than once");
  ExpectUsageError({"trace", "double_tap", "--output", "/no/such/dir/trace.json"}, "--output");
}

TEST(TraceCli, HelpNamesTheFormatsAndPerfetto) {
  const ProcessResult r = RunDupsimBinary({"trace", "--help"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("Usage: dupsim trace SCENARIO"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ui.perfetto.dev"), std::string::npos);
  EXPECT_NE(r.out.find("t_us, intent,"), std::string::npos);
}

}  // namespace
}  // namespace dupsim
