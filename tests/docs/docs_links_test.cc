// The project is self-contained: no file cites the reference material outside the repository
// that a user's clone does not have, and every link or citation of a Markdown file (docs/...md
// in a comment, [text](path.md#anchor) in Markdown) names a file that exists and, with an
// anchor, a heading in it (GitHub's anchor rules). docs/README.md indexes every docs/ file.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/docs/repo_files.h"

namespace dupsim {
namespace {

namespace fs = std::filesystem;

// Spelled in pieces so this file does not cite them itself.
const std::vector<std::string> kOutsideReferences = {std::string("dedup-in-the") + "-wild",
                                                     std::string("../") + "shared"};

bool IsText(const std::string& content) {
  return content.find('\0') == std::string::npos;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// GitHub's heading anchor: lower case, punctuation dropped (letters, digits, '-', '_' and
// spaces kept), spaces to '-'; a repeated heading gets "-1", "-2", ...
std::string Slug(const std::string& heading) {
  std::string slug;
  for (unsigned char c : heading) {
    if (std::isalnum(c) || c == '-' || c == '_' || c >= 0x80) {
      slug += static_cast<char>(std::tolower(c));
    } else if (c == ' ') {
      slug += '-';
    }
  }
  return slug;
}

std::set<std::string> Anchors(const std::string& markdown) {
  std::set<std::string> anchors;
  std::map<std::string, int> seen;
  bool in_fence = false;
  for (const std::string& line : Lines(markdown)) {
    if (line.rfind("```", 0) == 0) in_fence = !in_fence;
    if (in_fence || line.empty() || line[0] != '#') continue;
    const std::size_t text = line.find_first_not_of('#');
    if (text == std::string::npos || line[text] != ' ') continue;
    std::string slug = Slug(line.substr(text + 1));
    const int n = seen[slug]++;
    if (n > 0) {
      slug += '-';
      slug += std::to_string(n);
    }
    anchors.insert(slug);
  }
  return anchors;
}

// A link's problem, or "" when it resolves: `target` relative to the repository root.
std::string CheckTarget(const fs::path& target, const std::string& anchor) {
  const std::string path = target.lexically_normal().string();
  if (path.rfind("..", 0) == 0) return path + " is outside the repository";
  const fs::path full = fs::path(DUPSIM_SOURCE_DIR) / path;
  if (!fs::exists(full)) return path + " does not exist";
  if (anchor.empty()) return "";
  if (!fs::is_regular_file(full)) return path + " is not a file to hold #" + anchor;
  if (Anchors(ReadRepositoryFile(path)).count(anchor) == 0) {
    return path + " has no heading for #" + anchor;
  }
  return "";
}

TEST(Docs, NoFileCitesReferencesOutsideTheRepository) {
  int files = 0;
  for (const std::string& file : RepositoryFiles()) {
    const std::string content = ReadRepositoryFile(file);
    if (!IsText(content)) continue;
    ++files;
    const std::vector<std::string> lines = Lines(content);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      for (const std::string& outside : kOutsideReferences) {
        EXPECT_EQ(lines[i].find(outside), std::string::npos)
            << file << ":" << i + 1 << " cites " << outside
            << " (a clone has no such file; cite docs/ instead): " << lines[i];
      }
    }
  }
  EXPECT_GT(files, 100);
}

// A docs/ file, with or without a #anchor, as cited in comments, scenario headers and prose.
TEST(Docs, EveryCitedDocsFileAndSectionExists) {
  static const std::regex kCitation(
      R"((^|[^A-Za-z0-9_./-])((?:\.\./)*docs/[A-Za-z0-9_./-]*[A-Za-z0-9_-]\.md)(#[A-Za-z0-9_-]+)?)");
  int citations = 0;
  for (const std::string& file : RepositoryFiles()) {
    const std::string content = ReadRepositoryFile(file);
    if (!IsText(content)) continue;
    const std::vector<std::string> lines = Lines(content);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      for (auto it = std::sregex_iterator(lines[i].begin(), lines[i].end(), kCitation);
           it != std::sregex_iterator(); ++it) {
        std::string path = (*it)[2];
        while (path.rfind("../", 0) == 0) path.erase(0, 3);  // relative to scenarios/ and lessons
        const std::string anchor = (*it)[3].matched ? std::string((*it)[3]).substr(1) : "";
        EXPECT_EQ(CheckTarget(path, anchor), "") << file << ":" << i + 1 << ": " << lines[i];
        ++citations;
      }
    }
  }
  // Every source comment and scenario header that states a sourced fact cites one.
  EXPECT_GE(citations, 45);
}

// [text](relative/path#anchor) in every Markdown file: the file (any kind) and the heading.
TEST(Docs, EveryMarkdownLinkResolves) {
  static const std::regex kLink(R"(\]\(([^)\s]+)\))");
  int links = 0;
  for (const std::string& file : RepositoryFiles()) {
    if (fs::path(file).extension() != ".md") continue;
    const std::vector<std::string> lines = Lines(ReadRepositoryFile(file));
    bool in_fence = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].rfind("```", 0) == 0) in_fence = !in_fence;
      if (in_fence) continue;
      for (auto it = std::sregex_iterator(lines[i].begin(), lines[i].end(), kLink);
           it != std::sregex_iterator(); ++it) {
        const std::string link = (*it)[1];
        if (link.find("://") != std::string::npos || link.rfind("mailto:", 0) == 0) continue;
        const std::size_t hash = link.find('#');
        const std::string path = link.substr(0, hash);
        const std::string anchor = hash == std::string::npos ? "" : link.substr(hash + 1);
        const fs::path target = path.empty() ? fs::path(file) : fs::path(file).parent_path() / path;
        EXPECT_EQ(CheckTarget(target, anchor), "") << file << ":" << i + 1 << ": " << link;
        ++links;
      }
    }
  }
  EXPECT_GE(links, 30);
}

TEST(Docs, TheIndexListsEveryDocsFile) {
  const std::string index = ReadRepositoryFile("docs/README.md");
  ASSERT_FALSE(index.empty());
  int listed = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(DUPSIM_SOURCE_DIR) / "docs")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".md" || name == "README.md") continue;
    EXPECT_NE(index.find("](" + name + ")"), std::string::npos)
        << name << " is not in docs/README.md";
    ++listed;
  }
  EXPECT_GE(listed, 5);
}

TEST(Docs, SlugsFollowGitHub) {
  EXPECT_EQ(Slug("A key store outside the ledger's transaction"),
            "a-key-store-outside-the-ledgers-transaction");
  EXPECT_EQ(Slug("`strategies`"), "strategies");
  EXPECT_EQ(Slug("Check-then-insert races"), "check-then-insert-races");
  EXPECT_EQ(Anchors("# T\n## Sources\n```\n# not a heading\n```\n## Sources\n"),
            (std::set<std::string>{"t", "sources", "sources-1"}));
}

}  // namespace
}  // namespace dupsim
