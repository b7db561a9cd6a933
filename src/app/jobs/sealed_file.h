// Files at rest that hold personal data (uploaded rosters, import reports, exports): each is
// encrypted with its own random key by libsodium's secretstream (XChaCha20-Poly1305 in 64 KiB
// chunks, so it is written as the bytes arrive and read back in bounded memory, and a file cut
// short or altered is refused); the key itself is sealed by the personal-data key ring and
// kept in the database, never beside the file. A reader gets the plain bytes only in an
// unlinked temporary file: it has no name, so nothing else can open it, and the kernel frees
// it when it is closed or the process dies (kill -9 included).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! The field name under which a file key is sealed by the vault.
inline constexpr std::string_view kFileKeyField = "jobs.file_key";

//! A file's own key (32 bytes); wiped when destroyed.
class FileKey {
 public:
  //! A fresh random key.
  static FileKey Random();
  //! The key sealed by the vault, from its sealed form; kFailedPrecondition when unreadable.
  static Result<FileKey> Open(const Vault& vault, const store::Blob& sealed);
  FileKey(const FileKey&) = default;
  FileKey& operator=(const FileKey&) = default;
  ~FileKey();
  //! The key sealed by the vault, for the database.
  Result<store::Blob> Seal(const Vault& vault) const;
  const unsigned char* data() const { return bytes_.data(); }

 private:
  FileKey() = default;
  std::array<unsigned char, 32> bytes_{};
};

//! Writes a sealed file as its plain bytes arrive. Not thread-safe. A writer destroyed before
//! Finish removes its file.
class SealedFileWriter {
 public:
  //! Creates `path` (must not exist; mode 0600). kInternal when it cannot be created.
  static Result<std::unique_ptr<SealedFileWriter>> Create(const std::string& path,
                                                          const FileKey& key);
  ~SealedFileWriter();
  SealedFileWriter(const SealedFileWriter&) = delete;
  SealedFileWriter& operator=(const SealedFileWriter&) = delete;

  Result<void> Append(std::string_view bytes);
  //! Writes the last chunk, flushes to disk and closes.
  Result<void> Finish();
  //! Closes and removes the file.
  void Abandon();
  const std::string& path() const { return path_; }
  bool finished() const { return finished_; }
  //! Plain bytes appended so far.
  std::int64_t bytes() const { return bytes_; }
  //! The first bytes appended (up to 8), e.g. to tell a zip from text.
  const std::string& head() const { return head_; }

 private:
  SealedFileWriter(std::string path, int fd, const FileKey& key);
  Result<void> WriteChunk(const unsigned char* data, std::size_t n, bool last);

  std::string path_;
  int fd_ = -1;
  FileKey key_;
  struct State;
  std::unique_ptr<State> state_;
  std::string buffer_;
  std::string head_;
  std::int64_t bytes_ = 0;
  bool finished_ = false;
};

//! The plain bytes of a sealed file in an unlinked temporary file; closed (and so freed) when
//! destroyed. Readable and writable through path() while it lives.
class PlainFile {
 public:
  //! An empty one in `dir`.
  static Result<PlainFile> Create(const std::string& dir);
  PlainFile(PlainFile&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  PlainFile& operator=(PlainFile&&) = delete;
  ~PlainFile();
  //! "/proc/self/fd/N": opens the same (nameless) file.
  std::string path() const;
  int fd() const { return fd_; }

 private:
  explicit PlainFile(int fd) : fd_(fd) {}
  int fd_ = -1;
};

//! Decrypts the sealed file at `sealed_path` into a new PlainFile in `dir`.
//! kFailedPrecondition "error.jobs.file_unreadable" when it is missing, cut short or altered.
Result<PlainFile> OpenSealedFile(const std::string& sealed_path, const FileKey& key,
                                 const std::string& dir);
//! Seals the bytes of the plain file at `plain_path` into a new file at `sealed_path`;
//! returns the plain size.
Result<std::int64_t> SealFile(const std::string& plain_path, const std::string& sealed_path,
                              const FileKey& key);

//! A private folder (mode 0700) holding one named file while it lives, for writers that need
//! a name (the table writer picks CSV or XLSX by the name's ending): removed with its file
//! when destroyed; folders left by a process that died are removed by RemoveScratch.
class ScratchFile {
 public:
  //! A folder "scratch-XXXXXX" in `dir`, with `name` to be created in it.
  static Result<ScratchFile> Create(const std::string& dir, const std::string& name);
  ScratchFile(ScratchFile&& other) noexcept : folder_(std::move(other.folder_)) {
    path_ = std::move(other.path_);
    other.folder_.clear();
  }
  ScratchFile& operator=(ScratchFile&&) = delete;
  ~ScratchFile();
  const std::string& path() const { return path_; }

 private:
  ScratchFile(std::string folder, std::string path)
      : folder_(std::move(folder)), path_(std::move(path)) {}
  std::string folder_;
  std::string path_;
};

//! Removes the scratch folders in `dir` (at start: a process that died left them).
void RemoveScratch(const std::string& dir);

}  // namespace zj::app
