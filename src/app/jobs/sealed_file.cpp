#include "app/jobs/sealed_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <vector>

namespace zj::app {

namespace {

// "ZJSEAL1" and a NUL: tells a sealed file from anything else, and its format's version.
constexpr std::string_view kMagic{"ZJSEAL1\0", 8};
constexpr std::size_t kChunk = std::size_t{64} * 1024;
constexpr std::size_t kHeader = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kTagBytes = crypto_secretstream_xchacha20poly1305_ABYTES;
static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == 32);

void EnsureSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

Error Unreadable(const std::string& detail) {
  return Error{ErrorCode::kFailedPrecondition, "error.jobs.file_unreadable", detail, {}, {}};
}

Error Io(const std::string& what) {
  return Error{ErrorCode::kInternal, "error.internal", what + ": " + std::strerror(errno), {}, {}};
}

Result<void> WriteAll(int fd, const unsigned char* data, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return Fail(Io("write"));
    }
    data += w;
    n -= static_cast<std::size_t>(w);
  }
  return {};
}

//! Reads up to n bytes (fewer only at the end of the file).
Result<std::size_t> ReadFull(int fd, unsigned char* data, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = ::read(fd, data + got, n - got);
    if (r < 0) {
      if (errno == EINTR) continue;
      return Fail(Io("read"));
    }
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  return got;
}

//! An open descriptor, closed when destroyed.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

//! Decrypts the sealed file chunk by chunk, handing each chunk's plain bytes to `sink`.
Result<void> DecryptEach(
    const std::string& path, const FileKey& key,
    const std::function<Result<void>(const unsigned char*, std::size_t)>& sink) {
  EnsureSodium();
  Fd in{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (in.fd < 0) return Fail(Unreadable("cannot open " + path + ": " + std::strerror(errno)));
  unsigned char head[kMagic.size() + kHeader];
  ZJ_ASSIGN_OR_RETURN(const std::size_t got, ReadFull(in.fd, head, sizeof head));
  if (got != sizeof head || std::memcmp(head, kMagic.data(), kMagic.size()) != 0) {
    return Fail(Unreadable("not a sealed file: " + path));
  }
  crypto_secretstream_xchacha20poly1305_state state;
  if (crypto_secretstream_xchacha20poly1305_init_pull(&state, head + kMagic.size(), key.data()) !=
      0) {
    return Fail(Unreadable("bad header: " + path));
  }
  std::vector<unsigned char> cipher(kChunk + kTagBytes);
  std::vector<unsigned char> plain(kChunk);
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(const std::size_t n, ReadFull(in.fd, cipher.data(), cipher.size()));
    if (n < kTagBytes) return Fail(Unreadable("cut short: " + path));
    unsigned long long plain_n = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&state, plain.data(), &plain_n, &tag,
                                                   cipher.data(), n, nullptr, 0) != 0) {
      sodium_memzero(plain.data(), plain.size());
      return Fail(Unreadable("altered or not ours: " + path));
    }
    auto sunk = sink(plain.data(), static_cast<std::size_t>(plain_n));
    sodium_memzero(plain.data(), static_cast<std::size_t>(plain_n));
    ZJ_RETURN_IF_ERROR(sunk);
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      unsigned char extra = 0;
      ZJ_ASSIGN_OR_RETURN(const std::size_t more, ReadFull(in.fd, &extra, 1));
      if (more != 0) return Fail(Unreadable("bytes after the end: " + path));
      return {};
    }
    if (n < cipher.size()) return Fail(Unreadable("cut short: " + path));
  }
}

}  // namespace

// --- FileKey ---------------------------------------------------------------------------------

FileKey FileKey::Random() {
  EnsureSodium();
  FileKey key;
  crypto_secretstream_xchacha20poly1305_keygen(key.bytes_.data());
  return key;
}

Result<FileKey> FileKey::Open(const Vault& vault, const store::Blob& sealed) {
  ZJ_ASSIGN_OR_RETURN(std::string plain, vault.Open(kFileKeyField, sealed));
  if (plain.size() != 32) {
    sodium_memzero(plain.data(), plain.size());
    return Fail(Unreadable("a file key of the wrong size"));
  }
  FileKey key;
  std::memcpy(key.bytes_.data(), plain.data(), 32);
  sodium_memzero(plain.data(), plain.size());
  return key;
}

FileKey::~FileKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

Result<store::Blob> FileKey::Seal(const Vault& vault) const {
  return vault.Seal(kFileKeyField,
                    std::string_view(reinterpret_cast<const char*>(bytes_.data()), bytes_.size()));
}

// --- SealedFileWriter --------------------------------------------------------------------------

struct SealedFileWriter::State {
  crypto_secretstream_xchacha20poly1305_state stream;
};

SealedFileWriter::SealedFileWriter(std::string path, int fd, const FileKey& key)
    : path_(std::move(path)), fd_(fd), key_(key), state_(std::make_unique<State>()) {}

SealedFileWriter::~SealedFileWriter() {
  if (!finished_) Abandon();
  sodium_memzero(state_.get(), sizeof(State));
}

Result<std::unique_ptr<SealedFileWriter>> SealedFileWriter::Create(const std::string& path,
                                                                   const FileKey& key) {
  EnsureSodium();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Fail(Io("create " + path));
  std::unique_ptr<SealedFileWriter> w(new SealedFileWriter(path, fd, key));
  unsigned char head[kMagic.size() + kHeader];
  std::memcpy(head, kMagic.data(), kMagic.size());
  crypto_secretstream_xchacha20poly1305_init_push(&w->state_->stream, head + kMagic.size(),
                                                  key.data());
  ZJ_RETURN_IF_ERROR(WriteAll(fd, head, sizeof head));
  w->buffer_.reserve(kChunk);
  return w;
}

Result<void> SealedFileWriter::WriteChunk(const unsigned char* data, std::size_t n, bool last) {
  unsigned char out[kChunk + kTagBytes];
  unsigned long long out_n = 0;
  crypto_secretstream_xchacha20poly1305_push(
      &state_->stream, out, &out_n, data, n, nullptr, 0,
      last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
  return WriteAll(fd_, out, static_cast<std::size_t>(out_n));
}

Result<void> SealedFileWriter::Append(std::string_view bytes) {
  if (finished_ || fd_ < 0) return Fail(ErrorCode::kInternal, "error.internal", "writer closed");
  if (head_.size() < 8) head_.append(bytes.substr(0, 8 - head_.size()));
  bytes_ += static_cast<std::int64_t>(bytes.size());
  while (!bytes.empty()) {
    // A full chunk is written only once more bytes follow it: the last chunk carries the
    // final tag, so a file cut at a chunk boundary is still told from a whole one.
    if (buffer_.size() == kChunk) {
      ZJ_RETURN_IF_ERROR(
          WriteChunk(reinterpret_cast<const unsigned char*>(buffer_.data()), kChunk, false));
      sodium_memzero(buffer_.data(), buffer_.size());
      buffer_.clear();
    }
    const std::size_t take = std::min(bytes.size(), kChunk - buffer_.size());
    buffer_.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
  }
  return {};
}

Result<void> SealedFileWriter::Finish() {
  if (finished_ || fd_ < 0) return Fail(ErrorCode::kInternal, "error.internal", "writer closed");
  ZJ_RETURN_IF_ERROR(
      WriteChunk(reinterpret_cast<const unsigned char*>(buffer_.data()), buffer_.size(), true));
  sodium_memzero(buffer_.data(), buffer_.size());
  buffer_.clear();
  if (::fsync(fd_) != 0) return Fail(Io("fsync " + path_));
  ::close(fd_);
  fd_ = -1;
  finished_ = true;
  return {};
}

void SealedFileWriter::Abandon() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!finished_) ::unlink(path_.c_str());
  finished_ = true;
  sodium_memzero(buffer_.data(), buffer_.size());
  buffer_.clear();
}

// --- PlainFile -----------------------------------------------------------------------------

Result<PlainFile> PlainFile::Create(const std::string& dir) {
  // mkstemp and unlink at once rather than O_TMPFILE: the same nameless file, on any file
  // system.
  std::string name = dir + "/plain-XXXXXX";
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) return Fail(Io("temporary file in " + dir));
  ::unlink(name.c_str());
  return PlainFile(fd);
}

PlainFile::~PlainFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::string PlainFile::path() const { return "/proc/self/fd/" + std::to_string(fd_); }

Result<PlainFile> OpenSealedFile(const std::string& sealed_path, const FileKey& key,
                                 const std::string& dir) {
  ZJ_ASSIGN_OR_RETURN(PlainFile plain, PlainFile::Create(dir));
  ZJ_RETURN_IF_ERROR(
      DecryptEach(sealed_path, key, [&](const unsigned char* data, std::size_t n) -> Result<void> {
        return WriteAll(plain.fd(), data, n);
      }));
  if (::lseek(plain.fd(), 0, SEEK_SET) < 0) return Fail(Io("seek"));
  return plain;
}

Result<std::int64_t> SealFile(const std::string& plain_path, const std::string& sealed_path,
                              const FileKey& key) {
  // Read through a descriptor of its own (a PlainFile's offset is left alone).
  Fd in{::open(plain_path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (in.fd < 0) return Fail(Io("open " + plain_path));
  ZJ_ASSIGN_OR_RETURN(auto writer, SealedFileWriter::Create(sealed_path, key));
  std::vector<char> buffer(kChunk);
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(
        const std::size_t n,
        ReadFull(in.fd, reinterpret_cast<unsigned char*>(buffer.data()), buffer.size()));
    if (n == 0) break;
    ZJ_RETURN_IF_ERROR(writer->Append(std::string_view(buffer.data(), n)));
  }
  sodium_memzero(buffer.data(), buffer.size());
  ZJ_RETURN_IF_ERROR(writer->Finish());
  return writer->bytes();
}

Result<ScratchFile> ScratchFile::Create(const std::string& dir, const std::string& name) {
  std::string folder = dir + "/scratch-XXXXXX";
  if (::mkdtemp(folder.data()) == nullptr) return Fail(Io("scratch folder in " + dir));
  return ScratchFile(folder, folder + "/" + name);
}

ScratchFile::~ScratchFile() {
  if (folder_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(folder_, ec);
}

void RemoveScratch(const std::string& dir) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().filename().string().starts_with("scratch-")) {
      std::filesystem::remove_all(entry.path(), ec);
    }
  }
}

}  // namespace zj::app
