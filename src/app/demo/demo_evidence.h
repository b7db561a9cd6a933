// The demo's evidence files (issue 20): small valid PDFs and PNGs made in code (no binary files
// in the repository), attached through the real use case (app/attachments), so they are
// sealed, listed and downloadable like any upload.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/accounts/actor.h"
#include "app/application.h"
#include "core/result.h"

namespace zj::app::demo {

//! A one-page PDF 1.4 whose page shows `lines` (ASCII, one per '\n') in Helvetica, with a
//! correct cross-reference table.
std::string SamplePdf(std::string_view lines);

//! A `width` × `height` PNG (8-bit RGB, stored deflate): a light page with a darker band, like
//! a photographed certificate.
std::string SamplePng(int width, int height, std::uint32_t rgb);

//! Attaches `bytes` named `name` to the owner as `actor` (audited, sealed, counted).
Result<void> AttachSample(Application& app, const Actor& actor, std::string_view owner_kind,
                          std::int64_t owner_id, const std::string& stage, const std::string& name,
                          const std::string& bytes);

}  // namespace zj::app::demo
