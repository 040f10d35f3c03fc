// The style sheet of the HTML report, inlined into its <head> so that the file
// stands alone: no fonts, images or scripts to fetch.
#pragma once

#include <string_view>

namespace dupsim {

// CSS without `<` or `&`, so it is valid character data in both HTML and XML.
std::string_view HtmlStyleSheet();

}  // namespace dupsim
