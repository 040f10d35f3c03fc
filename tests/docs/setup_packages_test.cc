// The README's list of Debian packages is the one setup.sh installs: both files are parsed, the
// base list and the extras of `setup.sh test` compared as sets, and the test extras hold a CJK
// font so that `explain --lang zh --format html` draws Chinese instead of boxes.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "tests/docs/repo_files.h"

namespace dupsim {
namespace {

using Packages = std::set<std::string>;

Packages Words(const std::string& text) {
  Packages words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.insert(w);
  return words;
}

// setup.sh: `packages=(...)` (over several lines) and `[ "$mode" = test ] && packages+=(...)`.
void ParseSetup(const std::string& script, Packages* base, Packages* test) {
  static const std::regex kBase(R"(\npackages=\(([^)]*)\))");
  static const std::regex kTest(R"(\n\[ "\$mode" = test \] && packages\+=\(([^)]*)\))");
  std::smatch m;
  if (std::regex_search(script, m, kBase)) *base = Words(m[1]);
  if (std::regex_search(script, m, kTest)) *test = Words(m[1]);
}

// README: "Only Debian packages are installed (`BASE`, and for `setup.sh test` also `TEST`...".
void ParseReadme(const std::string& readme, Packages* base, Packages* test) {
  static const std::regex kSentence(R"(Only Debian packages are installed \(`([^`]*)`([^;]*);)");
  static const std::regex kAlso(R"(also\s+`([^`]*)`)");
  std::smatch m;
  if (!std::regex_search(readme, m, kSentence)) return;
  *base = Words(m[1]);
  const std::string rest = m[2];
  std::smatch also;
  if (std::regex_search(rest, also, kAlso)) *test = Words(also[1]);
}

TEST(SetupPackages, ReadmeListsWhatSetupInstalls) {
  Packages setup_base, setup_test, readme_base, readme_test;
  ParseSetup(ReadRepositoryFile("setup.sh"), &setup_base, &setup_test);
  ParseReadme(ReadRepositoryFile("README.md"), &readme_base, &readme_test);
  ASSERT_FALSE(setup_base.empty()) << "setup.sh: no packages=(...) list";
  ASSERT_FALSE(setup_test.empty()) << "setup.sh: no packages+=(...) for test mode";
  ASSERT_FALSE(readme_base.empty())
      << "README.md: no \"Only Debian packages are installed (`...`\"";
  EXPECT_EQ(readme_base, setup_base);
  EXPECT_EQ(readme_test, setup_test);
  // What the build needs beyond a compiler.
  for (const char* p : {"make", "cmake", "libxml2-dev", "libpng-dev"}) {
    EXPECT_EQ(setup_base.count(p), 1u) << p;
  }
}

TEST(SetupPackages, TestModeInstallsTheBrowserAndACjkFont) {
  Packages base, test;
  ParseSetup(ReadRepositoryFile("setup.sh"), &base, &test);
  EXPECT_EQ(test.count("chromium"), 1u);
  EXPECT_TRUE(test.count("fonts-wqy-zenhei") == 1 || test.count("fonts-noto-cjk") == 1)
      << "setup.sh test installs no CJK font: explain --lang zh would draw boxes";
}

TEST(SetupPackages, ParsersReadTheirFormats) {
  Packages base, test;
  ParseSetup("#!/bin/sh\npackages=(a b\n   c)\n[ \"$mode\" = test ] && packages+=(d e)\n", &base,
             &test);
  EXPECT_EQ(base, (Packages{"a", "b", "c"}));
  EXPECT_EQ(test, (Packages{"d", "e"}));
  ParseReadme(
      "Only Debian packages are installed (`a b\nc`, and for `setup.sh test` also `d`: "
      "why); nothing",
      &base, &test);
  EXPECT_EQ(base, (Packages{"a", "b", "c"}));
  EXPECT_EQ(test, (Packages{"d"}));
}

}  // namespace
}  // namespace dupsim
