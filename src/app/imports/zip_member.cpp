#include "app/imports/zip_member.h"

#include <zlib.h>

#include <algorithm>

#include "app/imports/import_limits.h"

namespace zj::app {

namespace {

Error Corrupt(const std::string& name, const std::string& why) {
  return Error{ErrorCode::kInvalidArgument, "error.import.xlsx", name + ": " + why, {}, {}};
}

//! Compressed bytes read from the archive at a time.
constexpr std::size_t kInputChunk = std::size_t{64} * 1024;

}  // namespace

//! A raw-deflate zlib stream; on the heap because zlib's state points back at it.
struct ZipMember::Inflater {
  z_stream stream{};
  bool ready = false;
  ~Inflater() {
    if (ready) inflateEnd(&stream);
  }
};

ZipMember::ZipMember(zip_file_t* file, std::string name, InflateBudget& budget)
    : file_(file, zip_fclose), name_(std::move(name)), budget_(budget) {}

ZipMember::~ZipMember() = default;

Result<std::unique_ptr<ZipMember>> ZipMember::Open(zip_t* archive, const std::string& name,
                                                   InflateBudget& budget) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive, name.c_str(), 0, &st) != 0) return std::unique_ptr<ZipMember>();
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) {
    return Fail(Corrupt(name, "encrypted"));
  }
  if ((st.valid & ZIP_STAT_COMP_METHOD) == 0 ||
      (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE)) {
    return Fail(Corrupt(name, "compression method"));
  }
  zip_file_t* file = zip_fopen(archive, name.c_str(), ZIP_FL_COMPRESSED);
  if (file == nullptr) return Fail(Corrupt(name, "cannot open"));
  std::unique_ptr<ZipMember> member(new ZipMember(file, name, budget));
  if ((st.valid & ZIP_STAT_CRC) != 0) member->expected_crc_ = st.crc;
  if ((st.valid & ZIP_STAT_SIZE) != 0) member->expected_size_ = st.size;
  member->crc_ = static_cast<std::uint32_t>(crc32(0, nullptr, 0));
  if (st.comp_method == ZIP_CM_DEFLATE) {
    member->inflater_ = std::make_unique<Inflater>();
    // Negative window bits: raw deflate data, as a zip member holds it (no zlib header).
    if (inflateInit2(&member->inflater_->stream, -MAX_WBITS) != Z_OK) {
      return Fail(ErrorCode::kInternal, "error.internal", "inflateInit2");
    }
    member->inflater_->ready = true;
  }
  return member;
}

Result<std::size_t> ZipMember::Read(char* out, std::size_t n) {
  if (finished_ || n == 0) return std::size_t{0};
  std::size_t got = 0;
  if (inflater_) {
    ZJ_ASSIGN_OR_RETURN(got, Inflate(out, n));
  } else {
    const zip_int64_t read = zip_fread(file_.get(), out, n);
    if (read < 0) return Fail(Corrupt(name_, "read"));
    got = static_cast<std::size_t>(read);
    compressed_in_ += got;
    if (got == 0) finished_ = true;
  }
  ZJ_RETURN_IF_ERROR(Count(out, got));
  if (finished_) ZJ_RETURN_IF_ERROR(Finish());
  return got;
}

Result<std::size_t> ZipMember::Inflate(char* out, std::size_t n) {
  z_stream& z = inflater_->stream;
  z.next_out = reinterpret_cast<Bytef*>(out);
  z.avail_out = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
  const uInt wanted = z.avail_out;
  for (;;) {
    if (z.avail_in == 0 && !input_done_) {
      input_.resize(kInputChunk);
      const zip_int64_t read = zip_fread(file_.get(), input_.data(), input_.size());
      if (read < 0) return Fail(Corrupt(name_, "read"));
      if (read == 0) input_done_ = true;
      compressed_in_ += static_cast<std::uint64_t>(read);
      z.next_in = reinterpret_cast<Bytef*>(input_.data());
      z.avail_in = static_cast<uInt>(read);
    }
    const int rc = inflate(&z, Z_NO_FLUSH);
    const std::size_t produced = wanted - z.avail_out;
    if (rc == Z_STREAM_END) {
      finished_ = true;
      return produced;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) return Fail(Corrupt(name_, "deflate data"));
    if (produced > 0) return produced;
    if (rc == Z_BUF_ERROR && z.avail_in > 0) return Fail(Corrupt(name_, "deflate data"));
    // No output: zlib needs more input; none left means the data stops before its end.
    if (input_done_ && z.avail_in == 0) return Fail(Corrupt(name_, "truncated deflate data"));
  }
}

Result<void> ZipMember::Count(const char* out, std::size_t n) {
  out_ += n;
  budget_.total += n;
  crc_ = static_cast<std::uint32_t>(
      crc32(crc_, reinterpret_cast<const Bytef*>(out), static_cast<uInt>(n)));
  const import_limits::Limits& limits = budget_.limits;
  if (out_ > limits.member_bytes) {
    return Fail(import_limits::Exceeded("member_bytes", limits.member_bytes).With("part", name_));
  }
  if (budget_.total > limits.archive_bytes) {
    return Fail(import_limits::Exceeded("archive_bytes", limits.archive_bytes));
  }
  // The compressed bytes inflate has consumed (those read, less those still waiting).
  const std::uint64_t consumed =
      compressed_in_ - (inflater_ ? inflater_->stream.avail_in : std::uint64_t{0});
  if (out_ > import_limits::kRatioGraceBytes &&
      out_ > import_limits::kMaxInflateRatio * std::max<std::uint64_t>(consumed, 1)) {
    return Fail(
        import_limits::Exceeded("ratio", import_limits::kMaxInflateRatio).With("part", name_));
  }
  return {};
}

Result<void> ZipMember::Finish() {
  if (expected_size_ && *expected_size_ != out_) return Fail(Corrupt(name_, "size"));
  if (expected_crc_ && *expected_crc_ != crc_) return Fail(Corrupt(name_, "CRC-32"));
  return {};
}

Result<std::optional<std::string>> ReadWholeMember(zip_t* archive, const std::string& name,
                                                   InflateBudget& budget) {
  const std::uint64_t max = budget.limits.part_bytes;
  ZJ_ASSIGN_OR_RETURN(auto member, ZipMember::Open(archive, name, budget));
  if (!member) return std::optional<std::string>();
  std::string out;
  std::string chunk(kInputChunk, '\0');
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(const std::size_t n, member->Read(chunk.data(), chunk.size()));
    if (n == 0) break;
    if (out.size() + n > max) {
      return Fail(import_limits::Exceeded("part_bytes", max).With("part", name));
    }
    out.append(chunk.data(), n);
  }
  return std::optional<std::string>(std::move(out));
}

}  // namespace zj::app
