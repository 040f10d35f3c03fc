// Text made safe for the HTML report, which is also well-formed XML (polyglot
// XHTML) so that tests and tools can read it with an XML parser. Names and
// descriptions come from scenario files: anything may be in them.
#pragma once

#include <string>
#include <string_view>

namespace dupsim {

// `text` as XML character data or attribute value: & < > " ' escaped; bytes that are
// not valid UTF-8 and control characters XML forbids become U+FFFD, because a single one
// would make the whole file unreadable to an XML parser.
std::string EscapeXml(std::string_view text);

}  // namespace dupsim
