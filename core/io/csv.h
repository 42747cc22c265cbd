#pragma once
// CSV text per RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): fields that hold a comma, a
// double quote or a line break are enclosed in double quotes, a double quote inside doubled;
// records end with CRLF.

#include <string>
#include <string_view>
#include <vector>

namespace cf {

std::string csv_field(std::string_view text);

// One record: the fields joined by commas, CRLF at the end.
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace cf
