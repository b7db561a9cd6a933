// The sections (门类) A–T of the national industry classification GB/T 4754-2017, with their
// Chinese and English names, and the ownership types an enterprise is recorded with.
#pragma once

#include <span>
#include <string_view>

namespace zj::enterprises {

struct IndustrySection {
  char letter;          //!< 'A'..'T'
  std::string_view zh;  //!< e.g. 制造业
  std::string_view en;  //!< e.g. Manufacturing
};

//! All 20 sections in letter order.
std::span<const IndustrySection> IndustrySections();
//! The section for a one-letter code ("C"), or nullptr.
const IndustrySection* FindIndustry(std::string_view code);

//! True for state, collective, private, foreign, hmt (Hong Kong, Macao, Taiwan) and other.
bool IsOwnership(std::string_view text);

}  // namespace zj::enterprises
