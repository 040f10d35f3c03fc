#include "reports/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "reports/html_escape.h"

namespace dupsim::svg {

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  std::string s = text;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  if (s == "-0") s = "0";  // -0.04 rounds to "-0.0": one zero reads the same everywhere
  return s;
}

namespace {

std::string_view AnchorName(Anchor anchor) {
  switch (anchor) {
    case Anchor::kStart:
      return "start";
    case Anchor::kMiddle:
      return "middle";
    case Anchor::kEnd:
      return "end";
  }
  return "start";
}

}  // namespace

SvgWriter::SvgWriter(std::string_view css_class, double width, double height,
                     std::string_view label) {
  out_ << "<svg xmlns=\"" << kNamespace << "\" class=\"" << css_class << "\" viewBox=\"0 0 "
       << Number(width) << ' ' << Number(height) << "\" width=\"" << Number(width) << "\" height=\""
       << Number(height) << "\" role=\"img\" aria-label=\"" << EscapeXml(label) << "\">\n";
}

void SvgWriter::BeginGroup(std::string_view css_class) {
  out_ << "<g class=\"" << css_class << "\">\n";
}

void SvgWriter::EndGroup() {
  out_ << "</g>\n";
}

void SvgWriter::Rect(double x, double y, double width, double height, std::string_view css_class,
                     std::string_view fill, std::string_view title) {
  out_ << "<rect class=\"" << css_class << "\" x=\"" << Number(x) << "\" y=\"" << Number(y)
       << "\" width=\"" << Number(std::max(width, 0.0)) << "\" height=\""
       << Number(std::max(height, 0.0)) << '"';
  if (!fill.empty()) out_ << " fill=\"" << fill << '"';
  if (title.empty()) {
    out_ << "/>\n";
  } else {
    out_ << "><title>" << EscapeXml(title) << "</title></rect>\n";
  }
}

void SvgWriter::Line(double x1, double y1, double x2, double y2, std::string_view css_class) {
  out_ << "<line class=\"" << css_class << "\" x1=\"" << Number(x1) << "\" y1=\"" << Number(y1)
       << "\" x2=\"" << Number(x2) << "\" y2=\"" << Number(y2) << "\"/>\n";
}

void SvgWriter::Polyline(const std::vector<Point>& points, std::string_view css_class,
                         std::string_view stroke, std::string_view title) {
  out_ << "<polyline class=\"" << css_class << "\" stroke=\"" << stroke << "\" points=\"";
  const char* separator = "";
  for (const Point& p : points) {
    out_ << separator << Number(p.x) << ',' << Number(p.y);
    separator = " ";
  }
  out_ << '"';
  if (title.empty()) {
    out_ << "/>\n";
  } else {
    out_ << "><title>" << EscapeXml(title) << "</title></polyline>\n";
  }
}

void SvgWriter::Text(double x, double y, std::string_view text, std::string_view css_class,
                     Anchor anchor) {
  out_ << "<text class=\"" << css_class << "\" x=\"" << Number(x) << "\" y=\"" << Number(y) << '"';
  if (anchor != Anchor::kStart) out_ << " text-anchor=\"" << AnchorName(anchor) << '"';
  out_ << '>' << EscapeXml(text) << "</text>\n";
}

void SvgWriter::LabelWithValue(double x, double y, std::string_view label, std::string_view value,
                               std::string_view css_class, std::string_view value_class,
                               double gap) {
  out_ << "<text class=\"" << css_class << "\" x=\"" << Number(x) << "\" y=\"" << Number(y) << "\">"
       << EscapeXml(label) << "<tspan class=\"" << value_class << "\" dx=\"" << Number(gap) << "\">"
       << EscapeXml(value) << "</tspan></text>\n";
}

std::string SvgWriter::Finish() {
  out_ << "</svg>\n";
  return out_.str();
}

LinearScale::LinearScale(double domain_min, double domain_max, double range_min, double range_max)
    : domain_min_(domain_min),
      domain_max_(domain_max),
      range_min_(range_min),
      range_max_(range_max) {}

double LinearScale::operator()(double value) const {
  if (domain_max_ == domain_min_) return range_min_;
  return range_min_ +
         (value - domain_min_) / (domain_max_ - domain_min_) * (range_max_ - range_min_);
}

LogScale::LogScale(double domain_min, double domain_max, double range_min, double range_max)
    : log_min_(std::log10(domain_min)),
      log_max_(std::log10(domain_max)),
      range_min_(range_min),
      range_max_(range_max) {}

double LogScale::operator()(double value) const {
  if (value <= 0 || log_max_ == log_min_) return range_min_;
  const double position = std::max(std::log10(value), log_min_);
  return range_min_ + (position - log_min_) / (log_max_ - log_min_) * (range_max_ - range_min_);
}

namespace {

// The step of NiceTicks: 1, 2 or 5 times a power of ten, closest above max / target.
double NiceStep(double max, int target) {
  const double rough = max / std::max(target, 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  for (const double multiple : {1.0, 2.0, 5.0}) {
    if (multiple * magnitude >= rough) return multiple * magnitude;
  }
  return 10 * magnitude;
}

}  // namespace

std::vector<double> NiceTicks(double max, int target) {
  const double step = NiceStep(max, target);
  std::vector<double> ticks;
  // Multiplying, not adding, keeps 0.3 from becoming 0.30000000000000004 steps later.
  for (int i = 0;; ++i) {
    ticks.push_back(i * step);
    if (i * step >= max * (1 - 1e-9)) break;
  }
  return ticks;
}

int DecimalsForStep(double step) {
  int decimals = 0;
  // A step of 2.5 needs one decimal, 0.25 two: stop where the step is whole at that scale.
  while (decimals < 12) {
    const double scaled = step * std::pow(10.0, decimals);
    if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) break;
    ++decimals;
  }
  return decimals;
}

std::vector<double> LogTicks(double min, double max) {
  const int low = static_cast<int>(std::floor(std::log10(min) + 1e-9));
  int high = static_cast<int>(std::ceil(std::log10(max) - 1e-9));
  if (high <= low) high = low + 1;
  const bool fine = high - low <= 4;
  std::vector<double> candidates;
  for (int e = low; e <= high; ++e) {
    const double decade = std::pow(10.0, e);
    candidates.push_back(decade);
    if (fine && e < high) {
      candidates.push_back(2 * decade);
      candidates.push_back(5 * decade);
    }
  }
  // Trimmed to the last tick at or below `min` and the first at or above `max`: whole empty
  // decades at either end would squeeze the curves into the middle of the chart.
  std::size_t first = 0;
  while (first + 1 < candidates.size() && candidates[first + 1] <= min * (1 + 1e-9)) ++first;
  std::size_t last = candidates.size() - 1;
  while (last > first + 1 && candidates[last - 1] >= max * (1 - 1e-9)) --last;
  return {candidates.begin() + static_cast<std::ptrdiff_t>(first),
          candidates.begin() + static_cast<std::ptrdiff_t>(last) + 1};
}

}  // namespace dupsim::svg
