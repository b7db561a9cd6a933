// The parts of the server's message catalogue (messages.h): messages.cpp holds the shared keys
// (titles, field and input errors, accounts, orgs, …); a module keeps its own file with one
// sorted array (cli_, members_, requests_, hardship_, aid_, competition_, activity_messages.cpp)
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

//! The command line's messages (cli.*), sorted by key.
std::span<const CatalogueEntry> CliMessages();
//! The member registry's: imports, members, transfers, corrections; sorted by key.
std::span<const CatalogueEntry> MemberMessages();
//! The service requests': errors and notices to the worker; sorted by key.
std::span<const CatalogueEntry> RequestMessages();
//! Hardship files and region standards (issue 20), sorted by key.
std::span<const CatalogueEntry> HardshipMessages();
std::span<const CatalogueEntry> HardshipFlowMessages();
//! Aid grants and the rules of aid (issue 20), sorted by key.
std::span<const CatalogueEntry> AidMessages();
//! Legal aid and rights cases (issue 20), sorted by key.
std::span<const CatalogueEntry> LegalMessages();
//! Competitions and honours (issue 21), sorted by key.
std::span<const CatalogueEntry> CompetitionMessages();
//! Activities, check-in, mutual-aid plans and the talent pool (issue 22), sorted by key.
std::span<const CatalogueEntry> ActivityMessages();
//! Mutual-aid plans' use cases (issue 22), sorted by key.
std::span<const CatalogueEntry> MutualAidMessages();
//! Training: courses, classes, attendance, assessment, certificates (issue 22), sorted by key.
std::span<const CatalogueEntry> TrainingMessages();

}  // namespace zj::i18n
