// The language tables and the text helpers: every entry of both tables filled,
// templates filled as written, durations in each language's words, and Chinese text
// measured and wrapped by terminal columns.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <set>

#include "sim/dedup/strategy_registry.h"
#include "sim/engine/duration_text.h"
#include "sim/explain/display_width.h"
#include "sim/explain/explain_summary.h"
#include "sim/explain/explain_text.h"

namespace dupsim {
namespace {

// ExplainText is nothing but string_views, loose or in arrays: read it as one array of them,
// so an entry a table forgot (an empty view) is found whatever its name.
std::vector<std::string_view> Entries(const ExplainText& text) {
  static_assert(sizeof(ExplainText) % sizeof(std::string_view) == 0);
  std::vector<std::string_view> entries(sizeof(ExplainText) / sizeof(std::string_view));
  std::memcpy(static_cast<void*>(entries.data()), &text, sizeof(ExplainText));
  return entries;
}

// Entries empty on purpose: no dedup miss; and Chinese puts nothing between sentences.
constexpr std::size_t kNoMiss = offsetof(ExplainText, dedup_miss) / sizeof(std::string_view);
constexpr std::size_t kSentenceGap = offsetof(ExplainText, sentence_gap) / sizeof(std::string_view);

TEST(ExplainText, EveryEntryOfEveryLanguageIsFilled) {
  for (ExplainLanguage language : {ExplainLanguage::kEnglish, ExplainLanguage::kChinese}) {
    const std::vector<std::string_view> entries = Entries(ExplainTextFor(language));
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (i == kNoMiss) {
        EXPECT_TRUE(entries[i].empty());
      } else if (i == kSentenceGap && language == ExplainLanguage::kChinese) {
        EXPECT_TRUE(entries[i].empty());
      } else {
        EXPECT_FALSE(entries[i].empty())
            << "entry " << i << " of language " << static_cast<int>(language);
      }
    }
  }
}

TEST(ExplainText, ChineseIsATranslationNotACopy) {
  const std::vector<std::string_view> en = Entries(ExplainTextFor(ExplainLanguage::kEnglish));
  const std::vector<std::string_view> zh = Entries(ExplainTextFor(ExplainLanguage::kChinese));
  std::size_t same = 0;
  for (std::size_t i = 0; i < en.size(); ++i) same += en[i] == zh[i];
  // Language-neutral entries only: "{status}" labels, the dash for a missing figure, the empty
  // no-miss entry and the 504 label's code.
  EXPECT_LE(same, 5u);
  const ExplainText& text = ExplainTextFor(ExplainLanguage::kChinese);
  EXPECT_EQ(text.cause[static_cast<std::size_t>(RootCause::kDoubleTap)], "双击");
  EXPECT_EQ(text.cause[static_cast<std::size_t>(RootCause::kClientRetry)], "超时重试");
  EXPECT_NE(
      text.narrative[static_cast<std::size_t>(RootCause::kUserRepayNoConfirmation)].find("幂等键"),
      std::string_view::npos);
}

// Each narrative tells its own cause: no two languages' templates lose a figure.
TEST(ExplainText, NarrativesUseTheSameFiguresInBothLanguages) {
  auto figures = [](std::string_view t) {
    std::set<std::string> names;
    for (std::size_t open = t.find('{'); open != std::string_view::npos;
         open = t.find('{', open + 1)) {
      names.insert(std::string(t.substr(open + 1, t.find('}', open) - open - 1)));
    }
    return names;
  };
  const ExplainText& en = ExplainTextFor(ExplainLanguage::kEnglish);
  const ExplainText& zh = ExplainTextFor(ExplainLanguage::kChinese);
  for (std::size_t i = 0; i < kRootCauseCount; ++i) {
    EXPECT_EQ(figures(en.narrative[i]), figures(zh.narrative[i]))
        << RootCauseName(static_cast<RootCause>(i));
  }
}

TEST(ExplainText, FillReplacesNamedFigures) {
  EXPECT_EQ(Fill("attempt {attempt}{from} lost", {{"attempt", "2"}, {"from", " (tap 2)"}}),
            "attempt 2 (tap 2) lost");
  EXPECT_EQ(Fill("{a}{a} {unknown}", {{"a", "x"}}), "xx {unknown}");
  EXPECT_EQ(Fill("no figures {", {}), "no figures {");
}

// Each language's unit words, as sim/engine/duration_text.h puts them after a number.
TEST(ExplainText, DurationsInEachLanguagesWords) {
  const ExplainText& en = ExplainTextFor(ExplainLanguage::kEnglish);
  const ExplainText& zh = ExplainTextFor(ExplainLanguage::kChinese);
  EXPECT_EQ(DurationMillisToHoursInWords(250 * kMillisecond, en.duration_units), "250 ms");
  EXPECT_EQ(DurationMillisToHoursInWords(3 * kSecond, en.duration_units), "3 s");
  EXPECT_EQ(DurationMillisToHoursInWords(2500 * kMillisecond, en.duration_units), "2.5 s");
  EXPECT_EQ(DurationMillisToHoursInWords(85 * kSecond, en.duration_units), "1.4 min");
  EXPECT_EQ(DurationMillisToHoursInWords(26 * kHour, en.duration_units), "26 h");
  EXPECT_EQ(DurationMillisToHoursInWords(150 * kMillisecond, zh.duration_units), "150 毫秒");
  EXPECT_EQ(DurationMillisToHoursInWords(3 * kSecond, zh.duration_units), "3 秒");
  EXPECT_EQ(DurationMillisToHoursInWords(85 * kSecond, zh.duration_units), "1.4 分钟");
  EXPECT_EQ(DurationMillisToHoursInWords(26 * kHour, zh.duration_units), "26 小时");
  // The counterfactual table's extra p50: English writes its unit close up, Chinese spaced.
  EXPECT_EQ(SignedDurationMillisOneDecimal(100, en.extra_time_unit), "+0.1ms");
  EXPECT_EQ(SignedDurationMillisOneDecimal(-13'800, zh.extra_time_unit), "-13.8 毫秒");
}

TEST(DisplayWidth, ChineseTakesTwoColumns) {
  EXPECT_EQ(DisplayWidth("attempt 1"), 9);
  EXPECT_EQ(DisplayWidth("重复扣款"), 8);
  EXPECT_EQ(DisplayWidth("「支付成功」通知"), 16);
  EXPECT_EQ(DisplayWidth("\u2717 lost"), 6);
  EXPECT_EQ(DisplayWidth("\u201cyou paid\u201d"), 10);
  EXPECT_EQ(DisplayWidth("\xff"), 1);  // not UTF-8: one column, not a crash
}

// What is left of a Chinese cell once its code (a strategy's label) and figures are gone: no
// English word may remain, only "p50", the statistic's own name.
std::string EnglishLeftIn(std::string cell, std::string_view code) {
  if (!code.empty() && cell.rfind(code, 0) == 0) cell.erase(0, code.size());
  for (const std::string_view allowed : {"p50"}) {
    for (std::size_t at; (at = cell.find(allowed)) != std::string::npos;) cell.erase(at, 3);
  }
  std::string left;
  for (char c : cell) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) left += c;
  }
  return left;
}

TEST(ExplainText, TheChineseTitleAndTableLeaveNoEnglishButCode) {
  Explanation e;
  e.scenario = "timeout-retry";
  e.strategy = "none";
  e.cause = RootCause::kClientRetry;
  const std::pair<const char*, Time> rows[] = {
      {"none", 1000}, {"client_debounce(window=1s)", 1100}, {"idempotency_key", 980}};
  for (const auto& [label, p50] : rows) {
    CounterfactualRow row;
    row.strategy = label;
    row.explained = row.strategy == "none";
    row.charges = row.explained ? 2 : 1;
    row.refunds = row.explained ? 1 : 0;
    row.run.confirmed_intents = 10;
    row.run.time_to_confirmation_p50 = p50;
    e.counterfactual.push_back(row);
  }
  const ExplainText& zh = ExplainTextFor(ExplainLanguage::kChinese);
  const std::string title = ExplainTitle(e, zh);
  EXPECT_NE(title.find("策略 none（不去重）"), std::string::npos) << title;
  const CounterfactualTable table = MakeCounterfactualTable(e, zh);
  for (const std::string& heading : table.headings) EXPECT_EQ(EnglishLeftIn(heading, ""), "");
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::string& label = e.counterfactual[r].strategy;
    EXPECT_NE(table.rows[r][0].find("（"), std::string::npos) << table.rows[r][0];  // glossed
    for (const std::string& cell : table.rows[r]) {
      EXPECT_EQ(EnglishLeftIn(cell, label), "") << cell;
    }
  }
  EXPECT_EQ(table.rows[1][6], "+0.1 毫秒");
  EXPECT_EQ(table.rows[2][6], "+0.0 毫秒");  // 20 µs less rounds to no difference, not "-0.0"
  EXPECT_EQ(table.rows[1][0], "client_debounce(window=1s)（客户端防抖）");
  // English shows the names alone.
  EXPECT_EQ(MakeCounterfactualTable(e, ExplainTextFor(ExplainLanguage::kEnglish)).rows[1][0],
            "client_debounce(window=1s)");
}

// Every built-in strategy has its gloss: one added to the registry without one fails here.
TEST(ExplainText, EveryBuiltInStrategyHasAGloss) {
  std::set<std::string_view> glossed(GlossedStrategies().begin(), GlossedStrategies().end());
  std::size_t builtins = 0;
  for (const StrategyInfo* info : StrategyRegistry::Builtin().All()) {
    ++builtins;
    EXPECT_EQ(glossed.count(info->name), 1u) << info->name;
  }
  EXPECT_EQ(glossed.size(), builtins);
  EXPECT_EQ(StrategyShown("my_plugin(x=1)", ExplainTextFor(ExplainLanguage::kChinese)),
            "my_plugin(x=1)");
}

TEST(DisplayWidth, WrapsWordsAndChineseWithoutStartingALineWithPunctuation) {
  EXPECT_EQ(WrapText("the quick brown fox", 10),
            (std::vector<std::string>{"the quick", "brown fox"}));
  const std::vector<std::string> zh = WrapText("用户点击支付，又点了一次。", 12);
  ASSERT_EQ(zh.size(), 2u);
  EXPECT_EQ(zh[0], "用户点击支付，");  // the comma stays with its phrase, one column over
  EXPECT_EQ(zh[1], "又点了一次。");
}

TEST(DisplayWidth, NeverSplitsAWordOrAFigureFromItsUnit) {
  EXPECT_EQ(WrapText("waited 28.343 s then", 14),
            (std::vector<std::string>{"waited", "28.343 s then"}));
  EXPECT_EQ(WrapText("等了 28.343 秒仍未收到确认", 24),
            (std::vector<std::string>{"等了", "28.343 秒仍未收到确认"}));
  // A name longer than the line keeps a line of its own, whole.
  EXPECT_EQ(WrapText("under idempotency_key_per_attempt today", 12),
            (std::vector<std::string>{"under", "idempotency_key_per_attempt", "today"}));
  // The gloss stays with its name: no line ends before "（".
  EXPECT_EQ(WrapText("重放，none（不去重）、order_id（订单号去重）可以避免", 30),
            (std::vector<std::string>{"重放，none（不去重）、", "order_id（订单号去重）可以避免"}));
}

TEST(DisplayWidth, ChineseLinesEndAtPunctuationAndSpacesNotInsideWords) {
  // It used to cut "客户端" into "客户" and "端" to fill the line.
  EXPECT_EQ(WrapText("判定超时。客户端等待 75 毫秒后发出第 2 次请求", 24),
            (std::vector<std::string>{"判定超时。客户端等待", "75 毫秒后发出第 2 次请求"}));
  // Closing punctuation hangs only where there is nowhere earlier to cut: "）、" pushes the
  // name and its gloss to the next line instead of running two columns past the end.
  EXPECT_EQ(WrapText("用同一随机种子重放，idempotency_key（幂等键）、order_id", 30),
            (std::vector<std::string>{"用同一随机种子重放，", "idempotency_key（幂等键）、",
                                      "order_id"}));
  // A run with no punctuation or space longer than a line breaks between characters.
  EXPECT_EQ(WrapText("一二三四五六七八九十", 8),
            (std::vector<std::string>{"一二三四", "五六七八", "九十"}));
}

// Every line of the Chinese narrative ends where Chinese lines may end, at closing punctuation
// or before a space of the text, and fits its width (but for one hanging closing mark), at
// widths where each of its phrases fits a line.
TEST(DisplayWidth, TheChineseNarrativeWrapsAtItsPunctuationAndSpaces) {
  const ExplainText& zh = ExplainTextFor(ExplainLanguage::kChinese);
  const std::string text = Fill(zh.narrative[static_cast<std::size_t>(RootCause::kClientRetry)],
                                {{"first_attempt", "1"},
                                 {"arrived_at", "+0.024s"},
                                 {"fate", Fill(zh.fate_lost, {{"timeout", "2 秒"}})},
                                 {"backoff", "75 毫秒"},
                                 {"dup_attempt", "2"},
                                 {"first_at", "+0.221s"},
                                 {"dup_at", "+2.309s"}}) +
                           Fill(zh.prevented_by, {{"strategies",
                                                   "idempotency_key（幂等键）、"
                                                   "order_id（订单号去重）"}});
  for (int width : {40, 44, 60, 100}) {
    const std::vector<std::string> lines = WrapText(text, width);
    ASSERT_GT(lines.size(), 1u) << width;
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      EXPECT_LE(DisplayWidth(lines[i]), width + 2) << lines[i];  // closing punctuation hangs
      if (i + 1 == lines.size()) break;
      const std::vector<Glyph> glyphs = Glyphs(lines[i]);
      const std::string_view last = glyphs.back().bytes;
      const bool at_punctuation = last == "，" || last == "。" || last == "、" || last == "；" ||
                                  last == "：" || last == "）";
      const bool at_space = text.find(lines[i] + " " + lines[i + 1]) != std::string::npos;
      EXPECT_TRUE(at_punctuation || at_space) << width << ": " << lines[i] << " | " << lines[i + 1];
    }
  }
}

}  // namespace
}  // namespace dupsim
