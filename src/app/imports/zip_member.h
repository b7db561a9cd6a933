// One member of a zip archive, inflated chunk by chunk with every byte counted against the
// bounds of import_limits.h: decompressed bytes of the member and of the whole archive, and the
// ratio of decompressed to compressed bytes while it inflates. Nothing is allocated from the
// sizes the archive declares. The inflating is zlib's; only the counting is ours, because libzip
// (zip_fread) does not tell how many compressed bytes it has consumed, so a bomb's ratio would
// only show once it had inflated whole. The CRC-32 and size the archive records are checked at
// the end, as libzip would.
#pragma once

#include <zip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/imports/import_limits.h"
#include "core/result.h"

namespace zj::app {

//! Decompressed bytes read from one archive so far, shared by its members, and the bounds.
struct InflateBudget {
  std::uint64_t total = 0;
  import_limits::Limits limits;
};

class ZipMember {
 public:
  //! Opens the member `name`; nullptr when the archive has none. kInvalidArgument
  //! "error.import.xlsx" when it is encrypted or compressed other than stored or deflated
  //! (what every XLSX writer uses). `archive` and `budget` must outlive the member.
  static Result<std::unique_ptr<ZipMember>> Open(zip_t* archive, const std::string& name,
                                                 InflateBudget& budget);
  ~ZipMember();
  ZipMember(const ZipMember&) = delete;
  ZipMember& operator=(const ZipMember&) = delete;

  //! Up to `n` decompressed bytes into `out`; 0 at the end. kInvalidArgument
  //! "error.import.limit.{member_bytes,archive_bytes,ratio}" past a bound, "error.import.xlsx"
  //! for corrupt data or a CRC or size that does not match.
  Result<std::size_t> Read(char* out, std::size_t n);

  //! The member's name in the archive.
  const std::string& name() const { return name_; }

 private:
  struct Inflater;
  ZipMember(zip_file_t* file, std::string name, InflateBudget& budget);
  Result<std::size_t> Inflate(char* out, std::size_t n);
  Result<void> Count(const char* out, std::size_t n);
  Result<void> Finish();

  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file_;
  std::string name_;
  InflateBudget& budget_;
  std::unique_ptr<Inflater> inflater_;  //!< null for a stored member
  std::string input_;                   //!< compressed bytes read, not yet inflated
  std::uint64_t compressed_in_ = 0;     //!< compressed bytes read from the archive
  std::uint64_t out_ = 0;               //!< decompressed bytes given out
  std::uint32_t crc_ = 0;
  std::optional<std::uint32_t> expected_crc_;
  std::optional<std::uint64_t> expected_size_;
  bool input_done_ = false;
  bool finished_ = false;
};

//! A whole (small) member, at most limits.part_bytes decompressed bytes (else
//! "error.import.limit.part_bytes"), or nullopt when the archive has none.
Result<std::optional<std::string>> ReadWholeMember(zip_t* archive, const std::string& name,
                                                   InflateBudget& budget);

}  // namespace zj::app
