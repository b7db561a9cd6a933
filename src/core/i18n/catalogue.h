// The parts of the server's message catalogue (messages.h): messages.cpp holds the shared and
// older keys; a module adds its own file with one sorted array (e.g. hardship_messages.cpp)
// rather than growing messages.cpp, and is listed in messages.cpp's Parts().
#pragma once

#include <span>
#include <string_view>

namespace zj::i18n {

struct CatalogueEntry {
  std::string_view key;
  std::string_view zh;
  std::string_view en;
};

//! Hardship files and region standards (issue 20), sorted by key.
std::span<const CatalogueEntry> HardshipMessages();

}  // namespace zj::i18n
