#include "http/json_writer.h"

#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

namespace zj::http {

namespace {

bool ValidUtf8(std::string_view text) {
  rapidjson::MemoryStream in(text.data(), text.size());
  struct Discard {
    void Put(char) {}
  } out;
  while (in.Tell() < text.size()) {
    if (!rapidjson::UTF8<>::Validate(in, out)) return false;
  }
  return true;
}

enum class Text {
  kPlain,    //!< valid UTF-8 without quote, backslash or control character: copied as it is
  kEscape,   //!< valid UTF-8 with something JSON must escape
  kInvalid,  //!< not UTF-8
};

// Eight bytes at a time with the classic SWAR tests (hand-written: no package offers a "does
// this need a JSON escape" scan; byte by byte it was half the cost of a member's JSON). UTF-8 is
// validated only when some byte is not ASCII: names are, ids, dates, codes and statuses not.
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// A high bit in every byte of w below n (n <= 128), and maybe in bytes above such a byte: exact
// for "is there one".
constexpr std::uint64_t Below(std::uint64_t w, std::uint64_t n) {
  return (w - kOnes * n) & ~w & kHighBits;
}
constexpr std::uint64_t Equal(std::uint64_t w, std::uint64_t c) {
  return Below(w ^ (kOnes * c), 1);
}

Text Classify(std::string_view text) {
  std::uint64_t high = 0;
  std::uint64_t special = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, text.data() + i, sizeof w);
    high |= w;
    special |= Below(w, 0x20) | Equal(w, '"') | Equal(w, '\\');
  }
  if (i < text.size()) {  // the last 1-7 bytes, in a word padded with 'a' (nothing special)
    std::uint64_t w = kOnes * 'a';
    std::memcpy(&w, text.data() + i, text.size() - i);
    high |= w;
    special |= Below(w, 0x20) | Equal(w, '"') | Equal(w, '\\');
  }
  if ((high & kHighBits) != 0 && !ValidUtf8(text)) return Text::kInvalid;
  return special != 0 ? Text::kEscape : Text::kPlain;
}

}  // namespace

void JsonWriter::Writer::Plain(std::string_view text) {
  Prefix(rapidjson::kStringType);
  char* out = os_->Push(text.size() + 2);
  out[0] = '"';
  std::memcpy(out + 1, text.data(), text.size());
  out[text.size() + 1] = '"';
  EndValue(true);
}

JsonWriter& JsonWriter::Object() {
  writer_.StartObject();
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  writer_.EndObject();
  return *this;
}

JsonWriter& JsonWriter::Array() {
  writer_.StartArray();
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  writer_.EndArray();
  return *this;
}

JsonWriter& JsonWriter::Key(JsonKey key) {
  writer_.Plain(key.text());
  return *this;
}

JsonWriter& JsonWriter::Str(std::string_view value) {
  const Text kind = Classify(value);
  if (kind == Text::kPlain) {
    writer_.Plain(value);
  } else if (kind == Text::kEscape) {
    writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  } else {  // rare: let nlohmann replace the bad bytes, as the rest of the API does
    const std::string quoted = nlohmann::json(std::string(value))
                                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    writer_.RawValue(quoted.data(), quoted.size(), rapidjson::kStringType);
  }
  return *this;
}

JsonWriter& JsonWriter::Int(std::int64_t value) {
  writer_.Int64(value);
  return *this;
}

JsonWriter& JsonWriter::Real(double value) {
  writer_.Double(value);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  writer_.Bool(value);
  return *this;
}

JsonWriter& JsonWriter::Null() {
  writer_.Null();
  return *this;
}

JsonWriter& JsonWriter::Id(std::int64_t id) {
  // Digits and a sign need no escape: written as they are, without a std::string.
  std::array<char, 24> text{};
  const char* end = std::to_chars(text.data(), text.data() + text.size(), id).ptr;
  writer_.Plain({text.data(), static_cast<std::size_t>(end - text.data())});
  return *this;
}

JsonWriter& JsonWriter::OptStr(const std::optional<std::string>& value) {
  return value ? Str(*value) : Null();
}

JsonWriter& JsonWriter::OptInt(const std::optional<std::int64_t>& value) {
  return value ? Int(*value) : Null();
}

JsonWriter& JsonWriter::OptId(const std::optional<std::int64_t>& id) {
  return id ? Id(*id) : Null();
}

JsonWriter& JsonWriter::StrOrNull(std::string_view value) {
  return value.empty() ? Null() : Str(value);
}

JsonWriter& JsonWriter::RawObject(std::string_view json) {
  // Parsed (without a DOM) only to be sure the stored text is one well-formed object.
  rapidjson::Reader reader;
  rapidjson::MemoryStream in(json.data(), json.size());
  rapidjson::BaseReaderHandler<> check;
  const std::size_t first = json.find_first_not_of(" \t\r\n");
  const bool object = first != std::string_view::npos && json[first] == '{';
  if (object && !reader.Parse<rapidjson::kParseValidateEncodingFlag>(in, check).IsError()) {
    writer_.RawValue(json.data(), json.size(), rapidjson::kObjectType);
  } else {
    writer_.StartObject();
    writer_.EndObject();
  }
  return *this;
}

}  // namespace zj::http
