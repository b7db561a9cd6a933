// The founding list as an XLSX workbook (libxlsxwriter): one sheet, header row
// 序号/单位名称/统一社会信用代码/行业/职工人数/所在区县/所在街道/负责建会的工会/联系方式, then one
// row per enterprise.
#pragma once

#include <string>
#include <vector>

#include "app/coverage/coverage_service.h"
#include "core/result.h"

namespace zj::app {

//! The workbook's bytes. libxlsxwriter 1.1.4 (bookworm) writes only to files, so it goes
//! through a private temporary file that is removed again.
Result<std::string> FoundingListWorkbook(const std::vector<FoundingItem>& rows);

}  // namespace zj::app
