// The note on knobs that never fired: its exact words in the table, one line for
// every strategy or one per strategy, and its JSON array read back unchanged.
#include "reports/idle_mechanism_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "reports/json_reader.h"
#include "reports/json_report.h"
#include "reports/table_report.h"
#include "tests/reports/sample_report.h"

namespace dupsim {
namespace {

const IdleMechanism kRetries{"retries", "client.retry.max_attempts", "3"};
const IdleMechanism kPayAgains{"pay-agains", "user.pay_again_without_confirmation", "0.3"};

// One run of the scenario "<test>/s" under `config`.
RunResult RunOf(std::string config, std::vector<IdleMechanism> idle) {
  static const std::string kScenario = "s", kSource = "<test>/s.yaml";
  RunResult r;
  r.scenario = kScenario;
  r.scenario_source = kSource;
  r.strategy = config;
  r.strategy_config = std::move(config);
  r.idle_mechanisms = std::move(idle);
  return r;
}

std::vector<std::string> NoteLines(const std::string& text) {
  std::vector<std::string> notes;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  note, ", 0) == 0) notes.push_back(line);
  }
  return notes;
}

TEST(IdleMechanismText, ListsEachWithItsKeyAndValue) {
  EXPECT_EQ(IdleMechanismList({kRetries, kPayAgains}),
            "retries (client.retry.max_attempts 3), pay-agains "
            "(user.pay_again_without_confirmation 0.3)");
  EXPECT_EQ(IdleMechanismList({}), "");
}

TEST(IdleMechanismText, OneLineWhenEveryStrategySharesTheList) {
  const std::vector<RunResult> runs = {RunOf("none", {kRetries, kPayAgains}),
                                       RunOf("idempotency_key", {kRetries, kPayAgains})};
  EXPECT_EQ(IdleMechanismNotes(runs),
            (std::vector<std::string>{
                "note, every strategy: configured but never fired: retries "
                "(client.retry.max_attempts 3), pay-agains (user.pay_again_without_confirmation "
                "0.3)"}));
}

TEST(IdleMechanismText, OneLinePerStrategyWhenTheListsDiffer) {
  const std::vector<RunResult> runs = {RunOf("none", {kRetries}), RunOf("order_id", {}),
                                       RunOf("idempotency_key", {kRetries, kPayAgains})};
  EXPECT_EQ(IdleMechanismNotes(runs),
            (std::vector<std::string>{
                "note, none: configured but never fired: retries (client.retry.max_attempts 3)",
                "note, idempotency_key: configured but never fired: retries "
                "(client.retry.max_attempts 3), pay-agains (user.pay_again_without_confirmation "
                "0.3)"}));
}

TEST(IdleMechanismText, ALoneRunIsNamedByItsStrategy) {
  const std::vector<RunResult> runs = {RunOf("none", {kRetries})};
  EXPECT_EQ(IdleMechanismNotes(runs),
            (std::vector<std::string>{
                "note, none: configured but never fired: retries (client.retry.max_attempts 3)"}));
}

TEST(IdleMechanismText, NothingIdleMeansNoNote) {
  const std::vector<RunResult> runs = {RunOf("none", {}), RunOf("idempotency_key", {})};
  EXPECT_TRUE(IdleMechanismNotes(runs).empty());
  std::ostringstream out;
  Report report;
  report.results = runs;
  TableReport().Render(report, out);
  EXPECT_TRUE(NoteLines(out.str()).empty()) << out.str();
}

TEST(IdleMechanismText, TheTableEndsEachScenarioWithItsNote) {
  std::ostringstream out;
  TableReport().Render(SampleReport(), out);
  EXPECT_EQ(NoteLines(out.str()),
            (std::vector<std::string>{
                "  note, every strategy: configured but never fired: status queries "
                "(user.status_query.probability 0.5)",
                "  note, idempotency_key(ttl=24h): configured but never fired: legitimate repeats "
                "(user.legitimate_repeat.probability 0.2), scam attempts (user.fraud.probability "
                "0.01)"}));
}

TEST(IdleMechanismText, JsonCarriesTheListAndReadsItBack) {
  std::ostringstream out;
  JsonReport().Render(SampleReport(), out);
  const auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["results"][0]["idle_mechanisms"],
            nlohmann::json::parse(R"([{"mechanism": "status queries",
                                       "key": "user.status_query.probability",
                                       "value": "0.5"}])"));
  EXPECT_EQ(doc["results"][2]["idle_mechanisms"].size(), 2u);

  const Report back = ReadJsonReport(out.str(), "r.json");
  ASSERT_EQ(back.results.size(), 3u);
  for (std::size_t i = 0; i < back.results.size(); ++i) {
    EXPECT_EQ(back.results[i].idle_mechanisms, SampleReport().results[i].idle_mechanisms) << i;
  }
  std::ostringstream table, table_back;
  TableReport().Render(SampleReport(), table);
  TableReport().Render(back, table_back);
  EXPECT_EQ(table_back.str(), table.str());
}

TEST(IdleMechanismText, AnEmptyListIsAnEmptyArray) {
  Report report;
  report.results = {RunOf("none", {})};
  std::ostringstream out;
  JsonReport().Render(report, out);
  const auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["results"][0]["idle_mechanisms"], nlohmann::json::array());
}

}  // namespace
}  // namespace dupsim
