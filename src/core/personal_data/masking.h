// Masked forms of personal data for display (DESIGN.md "Storage": the UI shows
// 110101********1234). A mask never reveals more than the fixed prefix and suffix of a
// well-formed value; malformed or short input reveals less, never more.
#pragma once

#include <string>
#include <string_view>

namespace zj::personal_data {

//! "110101199003071234" → "110101********1234": region prefix and last four kept (GB 11643
//! layout: 6 region digits, 8 birth-date digits, 3 sequence digits, 1 check character). Input
//! of another length keeps at most two characters (and a quarter) at each end.
std::string MaskNationalId(std::string_view id);

//! "13812345678" → "138****5678": network prefix and last four kept. Input of another
//! length keeps at most two characters (and a quarter) at each end.
std::string MaskPhone(std::string_view phone);

//! "张晓林" → "张**": the first character kept, one star for each other (UTF-8 code points);
//! a one-character name is "*".
std::string MaskPersonName(std::string_view name);

}  // namespace zj::personal_data
