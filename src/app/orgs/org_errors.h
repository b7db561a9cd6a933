// The field errors the org use cases answer with, shared by their files (org_service.cpp,
// org_move.cpp, org_regions.cpp): one code, one message key, the field it blames.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace zj::app {

//! kInvalidArgument "error.invalid_input", to collect per-field errors in.
inline Error InvalidOrgInput() {
  return Error{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
}

//! An error of `code` whose one field error is `key` on `field`.
inline Error OrgFieldError(ErrorCode code, const std::string& key, const std::string& field,
                           std::vector<std::pair<std::string, std::string>> args = {}) {
  Error e{code, key, field, {}, args};
  e.fields.push_back({field, key, std::move(args)});
  return e;
}

}  // namespace zj::app
