// Text as people type it on Chinese keyboards and in Excel: full-width ASCII forms
// (U+FF01–U+FF5E, e.g. "１３８" or "ｘ") and the ideographic space U+3000, turned into their
// plain ASCII equivalents before anything is validated. Hand-written: ICU's NFKC would do this
// too, but also rewrites much else (e.g. circled digits, ligatures), and core/ has no
// dependencies; this is the exact, narrow mapping GB 18030 input methods produce.
#pragma once

#include <string>
#include <string_view>

namespace zj::text {

//! `s` with full-width ASCII forms turned into ASCII and U+3000 into a space; everything else,
//! including invalid UTF-8, is copied unchanged.
std::string ToHalfWidth(std::string_view s);

//! `s` without leading and trailing spaces, tabs, CR/LF, no-break spaces (U+00A0) and
//! ideographic spaces (U+3000).
std::string_view TrimSpaces(std::string_view s);

}  // namespace zj::text
