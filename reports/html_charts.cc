#include "reports/html_charts.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <string>

#include "reports/html_escape.h"
#include "reports/html_format.h"
#include "reports/percent_format.h"
#include "reports/svg_chart.h"
#include "sim/engine/duration_text.h"

namespace dupsim {
namespace {

using svg::Anchor;
using svg::LinearScale;
using svg::SvgWriter;

// Tableau 10 and a navy: distinct hues that stay apart for most colour-blind readers,
// none of them the duplicate-rate indigo.
constexpr std::array<std::string_view, kRootCauseCount> kRootCauseColours = {
    "#f28e2b",  // double_tap
    "#4e79a7",  // client_retry
    "#e15759",  // user_repay_no_confirmation
    "#76b7b2",  // network_duplicate
    "#59a14f",  // key_expired
    "#edc948",  // crash_replay
    "#b07aa1",  // proxy_retry
    "#ff9da7",  // fraud_induced
    "#9c755f",  // replication_lag
    "#bab0ac",  // concurrent_in_flight
    "#2f4b7c",  // queue_redelivery
};

// The CDF lines, one per strategy in report order (category10).
constexpr std::array<std::string_view, 10> kSeriesColours = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
};

std::string_view SeriesColour(std::size_t index) {
  return kSeriesColours[index % kSeriesColours.size()];
}

// Strategies often confirm alike (a server-side key changes nothing the user waits for), and
// identical solid lines would hide all but the last drawn; dashes let the colours beneath show.
std::string SeriesLineClass(std::size_t index) {
  return "cdf dash-" + std::to_string(index % 4);
}

// A whisker shorter than this many pixels is drawn as nothing: at this size its two caps merge
// into a stub that reads as a bar.
constexpr double kMinWhiskerWidth = 3;

// The first run before `index` whose times to confirmation are the same curve, or nullptr: its
// line lies exactly under this one's, which the legend says, since no dash pattern can.
const RunResult* SameCurveBefore(const std::vector<const RunResult*>& runs, std::size_t index) {
  for (std::size_t i = 0; i < index; ++i) {
    if (runs[i]->time_to_confirmation_percentiles.size() > 1 &&
        runs[i]->time_to_confirmation_percentiles ==
            runs[index]->time_to_confirmation_percentiles) {
      return runs[i];
    }
  }
  return nullptr;
}

// Whether dark text reads better than white on `colour` ("#rrggbb"): by its luminance.
bool IsLightColour(std::string_view colour) {
  const auto channel = [&](std::size_t at) {
    return std::stoi(std::string(colour.substr(at, 2)), nullptr, 16) / 255.0;
  };
  return 0.299 * channel(1) + 0.587 * channel(3) + 0.114 * channel(5) > 0.6;
}

// The geometry the horizontal bar charts share: one row per strategy, its label and value
// on a line of text above its bar. Strategy names run to 90 characters; above the bar they
// have the chart's whole width and never collide with bars or axis labels.
struct BarRows {
  static constexpr double kWidth = 960;
  static constexpr double kLeft = 14;    // half a "0%" tick label fits left of the axis
  static constexpr double kRight = 930;  // half a "100.5%" tick label fits right of it
  static constexpr double kTop = 4;
  static constexpr double kRowHeight = 50;
  static constexpr double kLabelBaseline = 15;  // from the top of the row
  static constexpr double kBarTop = 23;
  static constexpr double kBarHeight = 18;

  std::size_t rows = 0;

  double RowTop(std::size_t row) const { return kTop + static_cast<double>(row) * kRowHeight; }
  double BarTop(std::size_t row) const { return RowTop(row) + kBarTop; }
  double BarMiddle(std::size_t row) const { return BarTop(row) + kBarHeight / 2; }
  double AxisY() const { return RowTop(rows) + 2; }
  double Height() const { return AxisY() + 26; }
};

// Vertical grid lines behind the bars, the axis under them, and labelled ticks.
void WriteValueAxis(const BarRows& layout, const LinearScale& x, const std::vector<double>& ticks,
                    const std::function<std::string(double)>& label, SvgWriter& svg) {
  svg.BeginGroup("axis");
  for (const double tick : ticks) {
    svg.Line(x(tick), BarRows::kTop, x(tick), layout.AxisY(), tick == 0 ? "baseline" : "grid");
  }
  svg.Line(BarRows::kLeft, layout.AxisY(), BarRows::kRight, layout.AxisY(), "axis-line");
  for (const double tick : ticks) {
    svg.Line(x(tick), layout.AxisY(), x(tick), layout.AxisY() + 5, "tick");
    svg.Text(x(tick), layout.AxisY() + 19, label(tick), "tick-label", Anchor::kMiddle);
  }
  svg.EndGroup();
}

void WriteCaption(std::string_view title, std::string_view note, std::ostream& out) {
  out << "<figcaption><span class=\"chart-title\">" << title
      << "</span> <span class=\"chart-note\">" << note << "</span></figcaption>\n";
}

// "2.5%" for ticks 2.5 percentage points apart: as many decimals as the step needs.
std::function<std::string(double)> PercentTickLabel(const std::vector<double>& ticks) {
  const int decimals = ticks.size() > 1 ? svg::DecimalsForStep((ticks[1] - ticks[0]) * 100) : 0;
  return [decimals](double fraction) {
    if (fraction == 0) return std::string("0%");  // "0.00%" says nothing "0%" does not
    char text[32];
    std::snprintf(text, sizeof text, "%.*f%%", decimals, fraction * 100);
    return std::string(text);
  };
}

// "1.5" for an axis of duplicates per intent past 1, where percentages stop reading naturally.
std::function<std::string(double)> PerIntentTickLabel(const std::vector<double>& ticks) {
  const int decimals = ticks.size() > 1 ? svg::DecimalsForStep(ticks[1] - ticks[0]) : 0;
  return [decimals](double value) {
    if (value == 0) return std::string("0");
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return std::string(text);
  };
}

// Ticks for a count axis: whole numbers only, however few duplicates there are.
std::vector<double> CountTicks(std::uint64_t max) {
  std::vector<double> ticks = svg::NiceTicks(static_cast<double>(max), 5);
  if (ticks.size() > 1 && ticks[1] - ticks[0] < 1) {
    ticks.clear();
    for (std::uint64_t i = 0; i <= max; ++i) ticks.push_back(static_cast<double>(i));
  }
  return ticks;
}

}  // namespace

std::string_view RootCauseColour(RootCause cause) {
  return kRootCauseColours[static_cast<std::size_t>(cause)];
}

void WriteDuplicateRateChart(const std::vector<const RunResult*>& runs, std::ostream& out) {
  // The axis reaches every bar and whisker: duplicates per intent can pass 1 (100%).
  double highest = 0;
  bool per_intent = false;
  for (const RunResult* r : runs) {
    if (r->duplicate_rate.trials == 0) continue;
    highest = std::max({highest, r->duplicate_rate.rate, r->duplicate_rate.ci95.high});
    per_intent |= ReadsPerIntent(r->duplicate_rate);
  }
  // With nothing measured the axis still needs a length; 1% is as good as any.
  const std::vector<double> ticks = svg::NiceTicks(highest > 0 ? highest : 0.01, 5);
  const BarRows layout{runs.size()};
  const LinearScale x(0, ticks.back(), BarRows::kLeft, BarRows::kRight);

  out << "<figure class=\"chart duplicate-rate\">\n";
  WriteCaption("Duplicate rate",
               "duplicate charges per intent, by strategy; whiskers: 95% interval", out);
  SvgWriter svg("duplicate-rate", BarRows::kWidth, layout.Height(),
                "Duplicate rate per strategy with 95% intervals");
  WriteValueAxis(layout, x, ticks, per_intent ? PerIntentTickLabel(ticks) : PercentTickLabel(ticks),
                 svg);
  for (std::size_t row = 0; row < runs.size(); ++row) {
    const RunResult& r = *runs[row];
    const RateEstimate& rate = r.duplicate_rate;
    svg.LabelWithValue(BarRows::kLeft, layout.RowTop(row) + BarRows::kLabelBaseline,
                       r.strategy_config,
                       rate.trials > 0 ? FormatRateWithInterval(rate) : "no intents", "bar-label",
                       "bar-value", 10);
    if (rate.trials == 0) continue;
    if (rate.count > 0) {
      svg.Rect(BarRows::kLeft, layout.BarTop(row), x(rate.rate) - BarRows::kLeft,
               BarRows::kBarHeight, "bar", kDuplicateRateBarColour,
               r.strategy_config + ": " + FormatRateWithInterval(rate));
    }
    const double middle = layout.BarMiddle(row);
    const double low = x(rate.ci95.low);
    const double high = x(rate.ci95.high);
    // A zero rate's whisker narrower than its caps would draw a black stub, not an interval;
    // the label says "0% (0-0.019%)" instead.
    if (high - low < kMinWhiskerWidth) continue;
    svg.Line(low, middle, high, middle, "ci");
    svg.Line(low, middle - 6, low, middle + 6, "ci");
    svg.Line(high, middle - 6, high, middle + 6, "ci");
  }
  out << svg.Finish() << "</figure>\n";
}

void WriteRootCauseChart(const std::vector<const RunResult*>& runs, std::ostream& out) {
  std::uint64_t most = 0;
  std::array<bool, kRootCauseCount> occurs{};
  for (const RunResult* r : runs) {
    most = std::max(most, r->duplicate_charges);
    for (std::size_t c = 0; c < kRootCauseCount; ++c) occurs[c] |= r->duplicates_by_cause[c] > 0;
  }
  out << "<figure class=\"chart root-causes\">\n";
  WriteCaption("Duplicates by root cause",
               "duplicate charges by strategy, split by why they happened", out);
  if (most == 0) {
    out << "<p class=\"empty\">No duplicate charges under any strategy.</p>\n</figure>\n";
    return;
  }
  const std::vector<double> ticks = CountTicks(most);
  const BarRows layout{runs.size()};
  const LinearScale x(0, ticks.back(), BarRows::kLeft, BarRows::kRight);

  SvgWriter svg("root-causes", BarRows::kWidth, layout.Height(),
                "Duplicate charges per strategy, stacked by root cause");
  WriteValueAxis(
      layout, x, ticks,
      [](double tick) { return GroupThousands(static_cast<std::uint64_t>(tick)); }, svg);
  for (std::size_t row = 0; row < runs.size(); ++row) {
    const RunResult& r = *runs[row];
    svg.LabelWithValue(BarRows::kLeft, layout.RowTop(row) + BarRows::kLabelBaseline,
                       r.strategy_config,
                       GroupThousands(r.duplicate_charges) +
                           (r.duplicate_charges == 1 ? " duplicate" : " duplicates"),
                       "bar-label", "bar-value", 10);
    double left = BarRows::kLeft;
    for (std::size_t c = 0; c < kRootCauseCount; ++c) {
      const std::uint64_t n = r.duplicates_by_cause[c];
      if (n == 0) continue;
      const auto cause = static_cast<RootCause>(c);
      const double width = x(static_cast<double>(n)) - BarRows::kLeft;
      const int share = static_cast<int>(
          100.0 * static_cast<double>(n) / static_cast<double>(r.duplicate_charges) + 0.5);
      svg.Rect(left, layout.BarTop(row), width, BarRows::kBarHeight, "segment",
               RootCauseColour(cause),
               std::string(RootCauseName(cause)) + ": " + GroupThousands(n) + " (" +
                   std::to_string(share) + "%)");
      // The count inside its segment when it fits; the tooltip and the legend say the rest.
      // 7.5 px a digit is a wide sans-serif's at 12 px, so the estimate errs on the safe side.
      const std::string count = GroupThousands(n);
      if (width >= 10 + 7.5 * static_cast<double>(count.size())) {
        svg.Text(left + width / 2, layout.BarMiddle(row) + 4, count,
                 IsLightColour(RootCauseColour(cause)) ? "segment-label dark" : "segment-label",
                 Anchor::kMiddle);
      }
      left += width;
    }
  }
  out << svg.Finish();
  out << "<ul class=\"legend\">\n";
  for (std::size_t c = 0; c < kRootCauseCount; ++c) {
    if (!occurs[c]) continue;
    const auto cause = static_cast<RootCause>(c);
    out << "<li><span class=\"swatch\" style=\"background:" << RootCauseColour(cause)
        << "\"></span>" << RootCauseName(cause) << "</li>\n";
  }
  out << "</ul>\n</figure>\n";
}

namespace {

// The CDF's plot area inside its SVG; room left for the percent labels, below for the time
// labels and the axis title.
struct CdfLayout {
  static constexpr double kWidth = 960;
  static constexpr double kHeight = 330;
  static constexpr double kLeft = 52;
  static constexpr double kRight = 930;
  static constexpr double kTop = 12;
  static constexpr double kBottom = 282;
};

bool HasPercentiles(const RunResult& r) {
  return r.time_to_confirmation_percentiles.size() > 1;
}

// The percent grid on the left and the log time ticks below.
void WriteCdfAxes(const svg::LogScale& x, const LinearScale& y, const std::vector<double>& ticks,
                  SvgWriter& svg) {
  using L = CdfLayout;
  svg.BeginGroup("axis");
  for (const int percent : {0, 25, 50, 75, 100}) {
    svg.Line(L::kLeft, y(percent), L::kRight, y(percent), percent == 0 ? "axis-line" : "grid");
    svg.Text(L::kLeft - 8, y(percent) + 4, std::to_string(percent) + "%", "tick-label",
             Anchor::kEnd);
  }
  for (const double tick : ticks) {
    svg.Line(x(tick), L::kTop, x(tick), L::kBottom, "grid");
    svg.Line(x(tick), L::kBottom, x(tick), L::kBottom + 5, "tick");
    svg.Text(x(tick), L::kBottom + 19, DurationInWholeUnits(tick), "tick-label", Anchor::kMiddle);
  }
  svg.Text((L::kLeft + L::kRight) / 2, L::kBottom + 42, "time from first tap (log scale)",
           "axis-title", Anchor::kMiddle);
  svg.EndGroup();
}

// One line per confirmed run through its percentiles.
void WriteCdfLines(const std::vector<const RunResult*>& runs, const svg::LogScale& x,
                   const LinearScale& y, SvgWriter& svg) {
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const RunResult& r = *runs[i];
    if (!HasPercentiles(r)) continue;
    const auto& p = r.time_to_confirmation_percentiles;
    std::vector<svg::Point> points;
    points.reserve(p.size());
    // Entry k is the k-th percentile, whatever the vector's length (101 by contract).
    const double last = static_cast<double>(p.size() - 1);
    for (std::size_t k = 0; k < p.size(); ++k) {
      points.push_back({x(static_cast<double>(p[k])), y(100.0 * static_cast<double>(k) / last)});
    }
    svg.Polyline(points, SeriesLineClass(i), SeriesColour(i), r.strategy_config);
  }
}

// A swatch, the strategy and its p50 and p99 per line drawn, then the runs without one.
void WriteCdfLegend(const std::vector<const RunResult*>& runs,
                    const std::vector<std::string>& unconfirmed, std::ostream& out) {
  out << "<ul class=\"legend\">\n";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const RunResult& r = *runs[i];
    if (!HasPercentiles(r)) continue;
    out << "<li><svg xmlns=\"" << svg::kNamespace
        << "\" class=\"swatch-line\" viewBox=\"0 0 28 6\" aria-hidden=\"true\"><line class=\""
        << SeriesLineClass(i) << "\" stroke=\"" << SeriesColour(i)
        << "\" x1=\"0\" y1=\"3\" x2=\"28\" y2=\"3\"/></svg>" << EscapeXml(r.strategy_config)
        << " <span class=\"legend-value\">p50 " << DurationMicrosToHours(r.time_to_confirmation_p50)
        << " \u00B7 p99 " << DurationMicrosToHours(r.time_to_confirmation_p99);
    if (const RunResult* same = SameCurveBefore(runs, i)) {
      out << " \u00B7 same curve as " << EscapeXml(same->strategy_config);
    }
    out << "</span></li>\n";
  }
  out << "</ul>\n";
  if (!unconfirmed.empty()) {
    out << "<p class=\"chart-note\">No intent confirmed, so no line: ";
    for (std::size_t i = 0; i < unconfirmed.size(); ++i) {
      out << (i > 0 ? ", " : "") << EscapeXml(unconfirmed[i]);
    }
    out << ".</p>\n";
  }
}

}  // namespace

void WriteConfirmationCdfChart(const std::vector<const RunResult*>& runs, std::ostream& out) {
  out << "<figure class=\"chart confirmation-cdf\">\n";
  WriteCaption("Time to confirmation",
               "share of confirmed intents whose user knew they had paid within a time, from the "
               "first tap",
               out);
  // A log axis needs a positive start: a confirmation at 0 µs is drawn at 1 µs.
  double fastest = 0, slowest = 0;
  std::vector<std::string> unconfirmed;
  for (const RunResult* r : runs) {
    if (!HasPercentiles(*r)) {
      unconfirmed.push_back(r->strategy_config);
      continue;
    }
    const auto& p = r->time_to_confirmation_percentiles;
    const double low = std::max<double>(static_cast<double>(p.front()), 1);
    const double high = std::max<double>(static_cast<double>(p.back()), low);
    fastest = fastest == 0 ? low : std::min(fastest, low);
    slowest = std::max(slowest, high);
  }
  if (fastest == 0) {
    out << "<p class=\"empty\">No intent was confirmed under any strategy.</p>\n</figure>\n";
    return;
  }
  const std::vector<double> ticks = svg::LogTicks(fastest, slowest);
  using L = CdfLayout;
  const svg::LogScale x(ticks.front(), ticks.back(), L::kLeft, L::kRight);
  const LinearScale y(0, 100, L::kBottom, L::kTop);
  SvgWriter svg("confirmation-cdf", L::kWidth, L::kHeight,
                "Cumulative distribution of the time to confirmation, one line per strategy");
  WriteCdfAxes(x, y, ticks, svg);
  WriteCdfLines(runs, x, y, svg);
  out << svg.Finish();
  WriteCdfLegend(runs, unconfirmed, out);
  out << "</figure>\n";
}

}  // namespace dupsim
