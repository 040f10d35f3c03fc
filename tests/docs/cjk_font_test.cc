// `dupsim explain --lang zh --format html` is only readable with a CJK font installed
// (`bash setup.sh test` installs fonts-wqy-zenhei): without one, chromium draws every Chinese
// character as the same empty box. Headless chromium renders two different Chinese words in
// the explain page's font stack; their screenshots must both show ink and differ, which boxes
// never do. Like the HTML report's browser tests, this fails rather than skips without chromium.
#include <gtest/gtest.h>
#include <png.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace dupsim {
namespace {

constexpr char kChromium[] = "/usr/bin/chromium";

// As sim/explain/svg_explanation.cc sets it for the diagram's text.
constexpr char kFontStack[] =
    "-apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans CJK SC\", "
    "\"PingFang SC\", \"Microsoft YaHei\", sans-serif";

struct Scratch {
  std::string path;
  Scratch() {
    char dir[] = "/tmp/dupsim_cjk_XXXXXX";
    path = mkdtemp(dir);
  }
  ~Scratch() { std::filesystem::remove_all(path); }
};

// The screenshot's pixels as grey levels, or empty if chromium or libpng failed.
std::vector<std::uint8_t> Render(const Scratch& dir, const std::string& name,
                                 const std::string& text) {
  const std::string html = dir.path + "/" + name + ".html";
  const std::string png = dir.path + "/" + name + ".png";
  std::ofstream(html) << "<!DOCTYPE html><html lang=\"zh\"><meta charset=\"utf-8\">"
                      << "<body style=\"margin:0;background:#fff\"><p style='font: 48px "
                      << kFontStack << "; margin: 10px'>" << text << "</p></body></html>";
  const std::string command = "timeout -k 5 60 " + std::string(kChromium) +
                              " --headless --no-sandbox --disable-gpu --hide-scrollbars "
                              "--no-first-run --user-data-dir='" +
                              dir.path + "/profile-" + name + "' --window-size=600,400 " +
                              "--screenshot='" + png + "' 'file://" + html + "' >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) return {};
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, png.c_str())) return {};
  image.format = PNG_FORMAT_GRAY;
  std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) return {};
  return pixels;
}

std::size_t Ink(const std::vector<std::uint8_t>& pixels) {
  std::size_t n = 0;
  for (std::uint8_t p : pixels) n += p < 128;
  return n;
}

TEST(CjkFont, ChromiumDrawsChineseNotBoxes) {
  ASSERT_EQ(access(kChromium, X_OK), 0)
      << kChromium << " is missing; `bash setup.sh test` installs it with a CJK font";
  const Scratch dir;
  // Four characters each, none shared: as boxes they are the same picture.
  const std::vector<std::uint8_t> a = Render(dir, "a", "重复扣款");
  const std::vector<std::uint8_t> b = Render(dir, "b", "幂等键超");
  ASSERT_FALSE(a.empty()) << "chromium or libpng failed";
  ASSERT_EQ(a.size(), b.size());
  EXPECT_GT(Ink(a), 500u);
  EXPECT_GT(Ink(b), 500u);
  std::size_t differing = 0;
  for (std::size_t i = 0; i < a.size(); ++i) differing += (a[i] < 128) != (b[i] < 128);
  EXPECT_GT(differing, 500u) << "both words look the same: no CJK font, every character a box "
                                "(apt-get install fonts-wqy-zenhei, as `bash setup.sh test` does)";
}

}  // namespace
}  // namespace dupsim
