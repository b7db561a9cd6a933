#include "core/attachments/attachment_check.h"

#include <array>

#include "core/text/field_limits.h"

namespace zj::attachments {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix, std::size_t at = 0) {
  return s.size() >= at + prefix.size() && s.substr(at, prefix.size()) == prefix;
}

Error FileError(std::string key, std::vector<std::pair<std::string, std::string>> args = {}) {
  Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "attachment", {}, {}};
  e.fields.push_back({"file", std::move(key), std::move(args)});
  return e;
}

Error NameError(std::string key, std::vector<std::pair<std::string, std::string>> args = {}) {
  Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "attachment name", {}, {}};
  e.fields.push_back({"file_name", std::move(key), std::move(args)});
  return e;
}

std::string Mebibytes(std::int64_t bytes) {
  return std::to_string(bytes / (std::int64_t{1024} * 1024));
}

//! True for well-formed UTF-8 without control characters (C0, DEL, C1).
bool PrintableUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      n = 1;
      cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      n = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    constexpr std::array<std::uint32_t, 5> kMin{0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return false;
    i += n;
  }
  return true;
}

}  // namespace

// Written by hand rather than with libmagic: five fixed signatures are a few lines each, while
// libmagic's answers depend on the magic database installed beside the server (and its parser
// of untrusted bytes has had its share of CVEs), and it is not a pure function to test.
std::optional<std::string> MediaTypeOf(std::string_view head) {
  if (StartsWith(head, "%PDF-")) return "application/pdf";
  if (StartsWith(head, "\xFF\xD8\xFF")) return "image/jpeg";
  if (StartsWith(head, "\x89PNG\r\n\x1A\n")) return "image/png";
  if (StartsWith(head, "RIFF") && StartsWith(head, "WEBP", 8)) return "image/webp";
  // ISO base media file: a box size, "ftyp", then the major brand (ISO/IEC 23008-12).
  if (StartsWith(head, "ftyp", 4) && head.size() >= 12) {
    const std::string_view brand = head.substr(8, 4);
    for (const std::string_view heic : {"heic", "heix", "heim", "heis", "hevc", "hevx"}) {
      if (brand == heic) return "image/heic";
    }
    if (brand == "mif1" || brand == "msf1") return "image/heif";
  }
  return std::nullopt;
}

Result<std::string> CheckFile(std::string_view head, std::int64_t size,
                              const AttachmentLimits& limits) {
  if (size <= 0 || head.empty()) return Fail(FileError("error.attachment.empty"));
  if (size > limits.file_bytes) {
    return Fail(
        FileError("error.attachment.too_large", {{"max_mb", Mebibytes(limits.file_bytes)}}));
  }
  auto type = MediaTypeOf(head);
  if (!type) return Fail(FileError("error.attachment.type"));
  return *type;
}

Result<void> CheckRoom(std::int64_t files, std::int64_t bytes, std::int64_t size,
                       const AttachmentLimits& limits) {
  if (files + 1 > limits.owner_files || bytes + size > limits.owner_bytes) {
    return Fail(
        FileError("error.attachment.owner_full", {{"max_files", std::to_string(limits.owner_files)},
                                                  {"max_mb", Mebibytes(limits.owner_bytes)}}));
  }
  return {};
}

Result<std::string> CleanFileName(std::string_view name) {
  if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (name.empty()) return Fail(NameError("error.field.required"));
  if (!PrintableUtf8(name)) return Fail(NameError("error.attachment.name"));
  if (auto too_long = text::CheckLength("file_name", name, text::TextKind::kFileName)) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "attachment name", {}, {}};
    e.fields.push_back(std::move(*too_long));
    return Fail(std::move(e));
  }
  return std::string(name);
}

std::string ContentDisposition(std::string_view name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string ascii;
  std::string encoded;
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    if (plain) {
      ascii.push_back(ch);
      encoded.push_back(ch);
    } else {
      if (c < 0x80) ascii.push_back('_');
      encoded.push_back('%');
      encoded.push_back(kHex[c >> 4]);
      encoded.push_back(kHex[c & 0x0F]);
    }
  }
  // A name all of Chinese characters keeps its extension at least: "证明.pdf" → "file.pdf".
  if (ascii.empty() || ascii.front() == '.') ascii = "file" + ascii;
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace zj::attachments
