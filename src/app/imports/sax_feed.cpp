#include "app/imports/sax_feed.h"

#include <algorithm>

#include "app/imports/import_limits.h"

namespace zj::app {

namespace {

Error NotAWorkbook(const std::string& why) {
  return Error{ErrorCode::kInvalidArgument, "error.import.xlsx", why, {}, {}};
}

}  // namespace

SaxFeed::SaxFeed(std::unique_ptr<ZipMember> member, std::size_t chunk, std::uint64_t max_token,
                 void* reader, XML_StartElementHandler start, XML_EndElementHandler end,
                 XML_CharacterDataHandler text)
    : member_(std::move(member)),
      parser_(XML_ParserCreate("UTF-8"), XML_ParserFree),
      reader_(reader),
      chunk_(std::clamp<std::size_t>(chunk, 1, std::size_t{1} << 20)),
      max_token_(max_token) {
  if (!parser_) throw std::bad_alloc();
  XML_SetUserData(parser_.get(), this);
  XML_SetElementHandler(parser_.get(), start, end);
  if (text != nullptr) XML_SetCharacterDataHandler(parser_.get(), text);
  XML_SetStartDoctypeDeclHandler(parser_.get(), OnDoctype);
  XML_SetCommentHandler(parser_.get(), OnComment);
}

void SaxFeed::OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  Of(data).Stop(NotAWorkbook("a document type declaration"));
}

void SaxFeed::OnComment(void* data, const XML_Char*) { Of(data).Mark(); }

void SaxFeed::Stop(Error error) {
  if (!error_) error_ = std::move(error);
  XML_StopParser(parser_.get(), XML_FALSE);
}

void SaxFeed::Suspend() { XML_StopParser(parser_.get(), XML_TRUE); }

void SaxFeed::Mark() { last_event_ = XML_GetCurrentByteIndex(parser_.get()); }

Result<bool> SaxFeed::Step() {
  if (done_) return false;
  XML_Status status = XML_STATUS_OK;
  if (suspended_) {
    status = XML_ResumeParser(parser_.get());
  } else {
    buffer_.resize(chunk_);
    ZJ_ASSIGN_OR_RETURN(const std::size_t n, member_->Read(buffer_.data(), buffer_.size()));
    final_ = n == 0;
    fed_ += static_cast<long long>(n);
    status = XML_Parse(parser_.get(), buffer_.data(), static_cast<int>(n), final_ ? 1 : 0);
  }
  if (error_) return Fail(*error_);
  if (status == XML_STATUS_ERROR) {
    return Fail(NotAWorkbook(member_->name() +
                             ": XML: " + XML_ErrorString(XML_GetErrorCode(parser_.get()))));
  }
  suspended_ = status == XML_STATUS_SUSPENDED;
  if (!suspended_ && final_) done_ = true;
  if (static_cast<std::uint64_t>(fed_ - last_event_) > max_token_) {
    return Fail(import_limits::Exceeded("xml_token", max_token_).With("part", member_->name()));
  }
  return !done_;
}

}  // namespace zj::app
