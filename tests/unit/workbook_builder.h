// Workbooks written part by part for the import tests: text parts compressed by libzip, and
// members whose deflate data the test makes itself (RawMember), so a test can declare any size
// or CRC and build a gibibyte bomb in milliseconds: deflate data of one block made once and
// repeated (a full flush makes each copy a stream of its own) instead of a minute of deflating.
#pragma once

#include <gtest/gtest.h>
#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zj::testing_workbooks {

//! A member whose deflate data the test made itself: libzip copies it as it is, with the size
//! and CRC-32 the test declares (as it copies a member from another archive).
struct RawMember {
  std::string deflated;
  zip_uint64_t size = 0;
  std::uint32_t crc = 0;
  std::size_t at = 0;
};

inline zip_int64_t RawSource(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* m = static_cast<RawMember*>(state);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      m->at = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      const std::size_t n = std::min<std::size_t>(len, m->deflated.size() - m->at);
      std::memcpy(data, m->deflated.data() + m->at, n);
      m->at += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
      st->size = m->size;
      st->comp_size = m->deflated.size();
      st->comp_method = ZIP_CM_DEFLATE;
      st->crc = m->crc;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      return -1;
  }
}

//! Raw deflate data of `text` from a fresh compressor, ending with a full flush (so copies of
//! it can follow one another) or, when `last`, with the final block.
inline std::string Deflated(std::string_view text, bool last) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, text.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, last ? Z_FINISH : Z_FULL_FLUSH), last ? Z_STREAM_END : Z_OK);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

//! `head`, then `filler` `times` times, then `tail`, as one member's deflate data.
inline RawMember Repeated(const std::string& head, const std::string& filler, int times,
                          const std::string& tail) {
  RawMember m;
  m.deflated = Deflated(head, false);
  const std::string block = Deflated(filler, false);
  for (int i = 0; i < times; ++i) m.deflated += block;
  m.deflated += Deflated(tail, true);
  m.size = head.size() + filler.size() * static_cast<std::uint64_t>(times) + tail.size();
  const auto crc_of = [](const std::string& s) {
    return crc32(0, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size()));
  };
  uLong crc = crc_of(head);
  const uLong filler_crc = crc_of(filler);
  for (int i = 0; i < times; ++i) {
    crc = crc32_combine(crc, filler_crc, static_cast<z_off_t>(filler.size()));
  }
  m.crc = static_cast<std::uint32_t>(crc32_combine(crc, crc_of(tail), tail.size()));
  return m;
}

inline const std::string kWorkbookXml =
    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"名册\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
inline const std::string kRels =
    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
    "</Relationships>";

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

//! A workbook of these parts: text (compressed by libzip) or raw members.
inline std::string Book(const std::vector<std::pair<std::string, std::string>>& parts,
                        std::vector<std::pair<std::string, RawMember>> raw = {}) {
  const std::string path = ::testing::TempDir() + "/zj_limits_test.xlsx";
  std::remove(path.c_str());
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  for (const auto& [name, text] : parts) {
    zip_file_add(z, name.c_str(), zip_source_buffer(z, text.data(), text.size(), 0), 0);
  }
  for (auto& [name, member] : raw) {
    zip_file_add(z, name.c_str(), zip_source_function(z, RawSource, &member), 0);
  }
  EXPECT_EQ(zip_close(z), 0) << zip_strerror(z);
  return Slurp(path);
}

}  // namespace zj::testing_workbooks
