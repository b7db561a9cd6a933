// An expat (SAX) parser fed chunk by chunk from one zip member, for the parts of a workbook that
// may be big (shared strings, worksheets). It refuses a document type declaration (no XLSX part
// has one, and entities are how XML expands itself), and a token that expat would buffer whole
// past import_limits::kMaxXmlTokenBytes. Handlers may stop the parse with an error, or suspend
// it (the sheet reader suspends after each row, so rows never pile up in memory).
#pragma once

#include <expat.h>

#include <memory>
#include <optional>
#include <string>

#include "app/imports/zip_member.h"
#include "core/result.h"

namespace zj::app {

class SaxFeed {
 public:
  //! Parses `member`, `chunk` decompressed bytes at a time, refusing a token longer than
  //! `max_token` bytes. The handlers get this feed as their user data, and `reader` through
  //! reader().
  SaxFeed(std::unique_ptr<ZipMember> member, std::size_t chunk, std::uint64_t max_token,
          void* reader, XML_StartElementHandler start, XML_EndElementHandler end,
          XML_CharacterDataHandler text);
  SaxFeed(const SaxFeed&) = delete;  // expat holds a pointer to it
  SaxFeed& operator=(const SaxFeed&) = delete;

  //! The feed a handler was called for (its user data).
  static SaxFeed& Of(void* data) { return *static_cast<SaxFeed*>(data); }
  void* reader() const { return reader_; }

  //! Parses the next chunk, or resumes a suspended parse of the last one. True while there is
  //! more to parse; false once the whole member was parsed. The first error a handler gave
  //! (Stop), a malformed document ("error.import.xlsx") or a limit comes back as an error.
  Result<bool> Step();

  //! For handlers: aborts the parse with `error` (Step returns it).
  void Stop(Error error);
  //! For handlers: suspends the parse after the current event (Step returns true).
  void Suspend();
  //! For handlers: notes that the parser has reported an event here (the token bound).
  void Mark();

 private:
  static void OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int);
  static void OnComment(void* data, const XML_Char*);

  std::unique_ptr<ZipMember> member_;
  std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser_;
  void* reader_;
  std::size_t chunk_;
  std::uint64_t max_token_;
  std::string buffer_;
  std::optional<Error> error_;
  long long fed_ = 0;         //!< bytes given to the parser
  long long last_event_ = 0;  //!< byte index of the last event reported
  bool suspended_ = false;
  bool final_ = false;  //!< the parser was told the document ends
  bool done_ = false;
};

}  // namespace zj::app
