// A Beast body type for uploads (rosters, registers): the bytes are sealed into a file of the
// files folder as they arrive (app/jobs/sealed_file.h), so an upload of any allowed size costs
// a chunk of memory, and nothing of it is ever on disk in plain text.
#pragma once

#include <boost/beast/core/buffers_range.hpp>
#include <boost/beast/http.hpp>
#include <boost/optional.hpp>
#include <optional>
#include <string_view>

#include "app/jobs/job_service.h"

namespace zj::http {

struct SealedUploadBody {
  struct value_type {
    app::Upload upload;            //!< set before the body is read
    std::optional<Error> failure;  //!< why the bytes could not be kept
  };

  //! Beast's body reader: each buffer is appended to the sealed file.
  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(boost::beast::http::header<isRequest, Fields>&, value_type& body) : body_(body) {}

    void init(const boost::optional<std::uint64_t>&, boost::beast::error_code& ec) {
      ec = {};
      if (!body_.upload.writer)
        ec = boost::beast::errc::make_error_code(boost::beast::errc::io_error);
    }

    template <class ConstBufferSequence>
    std::size_t put(const ConstBufferSequence& buffers, boost::beast::error_code& ec) {
      ec = {};
      std::size_t n = 0;
      for (const auto b : boost::beast::buffers_range_ref(buffers)) {
        auto appended = body_.upload.writer->Append(
            std::string_view(static_cast<const char*>(b.data()), b.size()));
        if (!appended) {
          body_.failure = std::move(appended).error();
          ec = boost::beast::errc::make_error_code(boost::beast::errc::io_error);
          return n;
        }
        n += b.size();
      }
      return n;
    }

    void finish(boost::beast::error_code& ec) { ec = {}; }

   private:
    value_type& body_;
  };
};

}  // namespace zj::http
