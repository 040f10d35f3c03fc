// The HTML report as a browser shows it: Debian's chromium, headless, renders
// the sample check report; the screenshot must not be blank and must show the
// duplicate-rate bars, and the DOM chromium built must hold the SVG charts.
// The browser is part of the test environment (`bash setup.sh test`): without
// it these tests fail rather than skip, so a CI image missing it is noticed.
#include <gtest/gtest.h>
#include <png.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "reports/html_charts.h"
#include "reports/html_report.h"
#include "tests/cli/dupsim_process.h"
#include "tests/reports/sample_report.h"

namespace dupsim {
namespace {

constexpr char kChromium[] = "/usr/bin/chromium";
constexpr int kWidth = 1200;
constexpr int kHeight = 2000;

bool ChromiumInstalled() {
  return access(kChromium, X_OK) == 0;
}

constexpr char kMissingChromium[] =
    "/usr/bin/chromium is missing: the HTML report's browser tests need it. "
    "`bash setup.sh test` installs it (Debian's chromium package).";

// Writes the sample check report into `dir` and returns its path.
std::string WriteSampleReport(const ScratchDir& dir) {
  std::ostringstream html;
  HtmlReport().Render(SampleCheckedReport(), html);
  return dir.Write("report.html", html.str());
}

// Runs headless chromium on `html_path` with `flags`, stdout to `out_path`. `timeout` bounds
// it at 60 s (then kills it) so a hung browser fails the test instead of stalling CI. Each
// run has its own profile: two tests running at once must not find each other's browser.
int RunChromium(const ScratchDir& dir, const std::string& flags, const std::string& html_path,
                const std::string& out_path) {
  const std::string command = "timeout -k 5 60 " + std::string(kChromium) +
                              " --headless --no-sandbox --disable-gpu --hide-scrollbars"
                              " --no-first-run --user-data-dir='" +
                              dir.path() + "/profile' " + flags + " 'file://" + html_path +
                              "' > '" + out_path + "' 2> '" + dir.path() + "/chromium.log'";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator<(const Rgb& o) const { return std::tie(r, g, b) < std::tie(o.r, o.g, o.b); }
  bool Near(const Rgb& o, int tolerance) const {
    return std::abs(r - o.r) <= tolerance && std::abs(g - o.g) <= tolerance &&
           std::abs(b - o.b) <= tolerance;
  }
};

Rgb ParseHexColour(std::string_view hex) {  // "#rrggbb"
  const auto channel = [&](std::size_t at) {
    return static_cast<std::uint8_t>(std::stoi(std::string(hex.substr(at, 2)), nullptr, 16));
  };
  return {channel(1), channel(3), channel(5)};
}

struct Image {
  int width = 0;
  int height = 0;
  std::vector<Rgb> pixels;  // row by row
};

// Decodes a PNG file with libpng's simplified API; an empty image if it cannot.
Image ReadPng(const std::string& path) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  Image image;
  if (!png_image_begin_read_from_file(&png, path.c_str())) return image;
  png.format = PNG_FORMAT_RGB;
  std::vector<png_byte> bytes(PNG_IMAGE_SIZE(png));
  if (!png_image_finish_read(&png, nullptr, bytes.data(), 0, nullptr)) {
    png_image_free(&png);
    return image;
  }
  image.width = static_cast<int>(png.width);
  image.height = static_cast<int>(png.height);
  image.pixels.resize(bytes.size() / 3);
  for (std::size_t i = 0; i < image.pixels.size(); ++i) {
    image.pixels[i] = {bytes[3 * i], bytes[3 * i + 1], bytes[3 * i + 2]};
  }
  return image;
}

TEST(HtmlScreenshot, ChromiumRendersChartsNotABlankPage) {
  ASSERT_TRUE(ChromiumInstalled()) << kMissingChromium;
  const ScratchDir dir;
  const std::string html = WriteSampleReport(dir);
  const std::string png = dir.path() + "/report.png";
  ASSERT_EQ(RunChromium(dir,
                        "--window-size=" + std::to_string(kWidth) + "," + std::to_string(kHeight) +
                            " --screenshot='" + png + "'",
                        html, "/dev/null"),
            0)
      << ReadFile(dir.path() + "/chromium.log");
  const Image image = ReadPng(png);
  ASSERT_EQ(image.width, kWidth) << "no screenshot: " << ReadFile(dir.path() + "/chromium.log");
  ASSERT_EQ(image.height, kHeight);

  // Not blank: many colours (text, bars, lines anti-aliased) and a good share of pixels that
  // differ from the page's background, the commonest colour.
  std::map<Rgb, std::size_t> histogram;
  for (const Rgb& p : image.pixels) ++histogram[p];
  EXPECT_GE(histogram.size(), 200u);
  const auto background =
      std::max_element(histogram.begin(), histogram.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  const double foreground =
      1.0 - static_cast<double>(background->second) / static_cast<double>(image.pixels.size());
  EXPECT_GE(foreground, 0.2) << "the page is mostly one colour";

  // The duplicate-rate bars: solid rectangles of their colour, several of them, in the
  // first scenario's chart well inside the window.
  const Rgb bar = ParseHexColour(kDuplicateRateBarColour);
  std::size_t bar_pixels = 0;
  int left = image.width, right = -1, top = image.height, bottom = -1;
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      if (!image.pixels[static_cast<std::size_t>(y) * image.width + x].Near(bar, 2)) continue;
      ++bar_pixels;
      left = std::min(left, x);
      right = std::max(right, x);
      top = std::min(top, y);
      bottom = std::max(bottom, y);
    }
  }
  // The `none` bar of the sample alone (9.98% on an axis to 15%) is hundreds of pixels wide
  // and 18 high.
  EXPECT_GE(bar_pixels, 5000u) << "no duplicate-rate bars on screen";
  EXPECT_GE(right - left, 300);
  EXPECT_GE(bottom - top, 15);
}

TEST(HtmlScreenshot, ChromiumDomHoldsTheSvgCharts) {
  ASSERT_TRUE(ChromiumInstalled()) << kMissingChromium;
  const ScratchDir dir;
  const std::string html = WriteSampleReport(dir);
  const std::string dom_path = dir.path() + "/dom.html";
  ASSERT_EQ(RunChromium(dir, "--dump-dom", html, dom_path), 0)
      << ReadFile(dir.path() + "/chromium.log");
  const std::string dom = ReadFile(dom_path);
  const auto count = [&](const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = dom.find(needle); at != std::string::npos;
         at = dom.find(needle, at + 1)) {
      ++n;
    }
    return n;
  };
  // Three charts per scenario, two scenarios (plus the small legend swatches).
  EXPECT_EQ(count("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"duplicate-rate\""), 2u);
  EXPECT_EQ(count("class=\"root-causes\""), 2u);
  EXPECT_EQ(count("class=\"confirmation-cdf\""), 2u);
  EXPECT_EQ(count("<rect class=\"bar\""), 2u);  // the zero rate draws none
  EXPECT_EQ(count("<polyline "), 3u);
  EXPECT_NE(dom.find("<section class=\"card check\" id=\"check\">"), std::string::npos);
}

}  // namespace
}  // namespace dupsim
