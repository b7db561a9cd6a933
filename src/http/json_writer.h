// JSON text written straight from the rows, for the answers read most (a member's, a request's
// and an account's detail, and their lists) and the access log line. RapidJSON's SAX Writer
// appends to one buffer; nlohmann::json first builds a std::map per object and then walks it
// again to print, which was a fifth of the CPU of a request's GET (issue 8). Everything else
// keeps nlohmann::json, whose DOM is what parsing and editing need.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// clang-format off
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
// clang-format on

namespace zj::http {

//! An object key: a string literal, checked when the program is compiled to need no escape
//! (ASCII, no quote, backslash or control character), so it is copied as it is at run time.
class JsonKey {
 public:
  template <std::size_t N>
  consteval JsonKey(const char (&text)[N])  // NOLINT(google-explicit-constructor): literals
      : text_(text, N - 1) {
    for (const char c : text_) {
      const auto b = static_cast<unsigned char>(c);
      if (b < 0x20 || b >= 0x80 || c == '"' || c == '\\') {
        throw "a JSON key must be plain ASCII";  // a compile error where the key is written
      }
    }
  }
  constexpr std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

//! Writes one JSON value. Keys and values alternate inside objects: `w.Key("id").Id(7)`.
//! Text that is not valid UTF-8 is written with U+FFFD in place of the bad bytes (as the
//! nlohmann answers do), so one damaged value never makes the whole answer invalid.
class JsonWriter {
 public:
  //! Room for a request's detail (about 2 KB) from the start, instead of growing 256 → 2 KB
  //! through five reallocations.
  JsonWriter() : buffer_(nullptr, 2048), writer_(buffer_) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& Object();
  JsonWriter& EndObject();
  JsonWriter& Array();
  JsonWriter& EndArray();
  JsonWriter& Key(JsonKey key);

  JsonWriter& Str(std::string_view value);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Real(double value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  //! A 64-bit id as a decimal string (JavaScript numbers lose digits past 2^53).
  JsonWriter& Id(std::int64_t id);
  //! The value, or null when absent.
  JsonWriter& OptStr(const std::optional<std::string>& value);
  JsonWriter& OptInt(const std::optional<std::int64_t>& value);
  JsonWriter& OptId(const std::optional<std::int64_t>& id);
  //! The text, or null when it is empty.
  JsonWriter& StrOrNull(std::string_view value);
  //! A JSON object kept as text (an event's detail): written as it is when it parses as an
  //! object, else `{}`.
  JsonWriter& RawObject(std::string_view json);

  //! The text written so far (complete once every Object/Array is closed).
  std::string Take() const { return {buffer_.GetString(), buffer_.GetSize()}; }
  //! The same, without a copy: valid while the writer lives and writes nothing more.
  std::string_view View() const { return {buffer_.GetString(), buffer_.GetSize()}; }

 private:
  //! RapidJSON's Writer plus one thing it lacks: a string known to need no escape, copied in
  //! one piece (the Writer escapes byte by byte, which was most of the cost of an answer).
  class Writer : public rapidjson::Writer<rapidjson::StringBuffer> {
   public:
    using rapidjson::Writer<rapidjson::StringBuffer>::Writer;
    void Plain(std::string_view text);
  };

  rapidjson::StringBuffer buffer_;
  Writer writer_;
};

}  // namespace zj::http
