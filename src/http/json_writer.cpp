#include "http/json_writer.h"

#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

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

}  // namespace

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

JsonWriter& JsonWriter::Key(std::string_view key) {
  writer_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  return *this;
}

JsonWriter& JsonWriter::Str(std::string_view value) {
  if (ValidUtf8(value)) {
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
  const std::string text = std::to_string(id);
  writer_.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
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
