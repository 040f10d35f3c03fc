// A tiny writer of inline SVG for the HTML report's charts, and the axis
// arithmetic they share. Coordinates print with one decimal so the bytes are
// stable; styling is left to CSS classes of the page (html_style.cc); colours
// that carry meaning (a series, a cause) are given per element.
#pragma once

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace dupsim::svg {

inline constexpr std::string_view kNamespace = "http://www.w3.org/2000/svg";

// "12.5", "-3", "0": a coordinate as written into the file.
std::string Number(double value);

struct Point {
  double x = 0;
  double y = 0;
};

enum class Anchor { kStart, kMiddle, kEnd };

// One <svg> element. Text given to the writer is escaped; `css_class` and colours are
// trusted (they come from this code, never from a scenario).
class SvgWriter {
 public:
  // A `width` x `height` viewBox that scales to its container's width; `label` is what a
  // screen reader says for the whole chart.
  SvgWriter(std::string_view css_class, double width, double height, std::string_view label);

  void BeginGroup(std::string_view css_class);
  void EndGroup();

  // `title` becomes a tooltip (an SVG <title> child) when not empty.
  void Rect(double x, double y, double width, double height, std::string_view css_class,
            std::string_view fill = {}, std::string_view title = {});
  void Line(double x1, double y1, double x2, double y2, std::string_view css_class);
  void Polyline(const std::vector<Point>& points, std::string_view css_class,
                std::string_view stroke, std::string_view title = {});
  void Text(double x, double y, std::string_view text, std::string_view css_class,
            Anchor anchor = Anchor::kStart);
  // Two runs of text in one line, the second in its own class, `gap` after the first: a
  // label and its value read together and can never overlap, whatever their lengths.
  void LabelWithValue(double x, double y, std::string_view label, std::string_view value,
                      std::string_view css_class, std::string_view value_class, double gap);

  // The closed element. The writer is spent afterwards.
  std::string Finish();

 private:
  std::ostringstream out_;
};

// Where values land on an axis: [domain_min, domain_max] onto [range_min, range_max].
class LinearScale {
 public:
  LinearScale(double domain_min, double domain_max, double range_min, double range_max);
  double operator()(double value) const;

 private:
  double domain_min_, domain_max_, range_min_, range_max_;
};

// The same on a logarithmic axis. Precondition: 0 < domain_min < domain_max; values below
// domain_min land at range_min.
class LogScale {
 public:
  LogScale(double domain_min, double domain_max, double range_min, double range_max);
  double operator()(double value) const;

 private:
  double log_min_, log_max_, range_min_, range_max_;
};

// Ticks from 0 in steps of 1, 2 or 5 times a power of ten, about `target` of them, the
// last at or above `max` (so the axis ends on a labelled tick). Precondition: max > 0.
std::vector<double> NiceTicks(double max, int target);

// The decimals that tick labels with this spacing need: a step of 0.25 needs 2.
int DecimalsForStep(double step);

// Ticks for a logarithmic axis covering [min, max]: powers of ten, with 2x and 5x between
// them when the range spans at most four decades; from the last tick at or below `min` to
// the first at or above `max`, at least two. Precondition: 0 < min <= max.
std::vector<double> LogTicks(double min, double max);

}  // namespace dupsim::svg
