#include "app/coverage/founding_xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/enterprises/industry.h"

namespace zj::app {

namespace {

struct TempPath {
  std::string path;
  ~TempPath() {
    if (!path.empty()) ::unlink(path.c_str());
  }
};

Error WriteFailed(const std::string& why) {
  return Error{ErrorCode::kInternal, "error.internal", "xlsx export: " + why, {}, {}};
}

}  // namespace

Result<std::string> FoundingListWorkbook(const std::vector<FoundingItem>& rows) {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern =
      std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/zhijia-export-XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) return Fail(WriteFailed("cannot create a temporary file"));
  ::close(fd);
  TempPath temp{pattern};

  lxw_workbook* workbook = workbook_new(temp.path.c_str());
  if (workbook == nullptr) return Fail(WriteFailed("workbook_new"));
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "建会名单");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  static constexpr const char* kHeader[] = {"序号",     "单位名称", "统一社会信用代码",
                                            "行业",     "职工人数", "所在区县",
                                            "所在街道", "负责工会", "联系方式"};
  for (lxw_col_t col = 0; col < 9; ++col) {
    worksheet_write_string(sheet, 0, col, kHeader[col], bold);
  }
  worksheet_set_column(sheet, 1, 1, 40, nullptr);
  worksheet_set_column(sheet, 2, 2, 22, nullptr);
  worksheet_set_column(sheet, 3, 3, 30, nullptr);
  worksheet_set_column(sheet, 5, 6, 20, nullptr);
  worksheet_set_column(sheet, 7, 7, 30, nullptr);
  worksheet_set_column(sheet, 8, 8, 24, nullptr);
  lxw_row_t r = 1;
  for (const auto& item : rows) {
    const EnterpriseView& e = item.enterprise;
    const auto* industry = enterprises::FindIndustry(e.row.industry);
    const std::string industry_text =
        e.row.industry + (industry != nullptr ? " " + std::string(industry->zh) : "");
    worksheet_write_number(sheet, r, 0, static_cast<double>(r), nullptr);
    worksheet_write_string(sheet, r, 1, e.row.name.c_str(), nullptr);
    worksheet_write_string(sheet, r, 2, e.row.uscc.c_str(), nullptr);
    worksheet_write_string(sheet, r, 3, industry_text.c_str(), nullptr);
    worksheet_write_number(sheet, r, 4, static_cast<double>(e.row.employees), nullptr);
    worksheet_write_string(sheet, r, 5, item.district_name.c_str(), nullptr);
    worksheet_write_string(sheet, r, 6, e.region_name.c_str(), nullptr);
    worksheet_write_string(sheet, r, 7, item.org_name.c_str(), nullptr);
    worksheet_write_string(sheet, r, 8, item.org_contact.c_str(), nullptr);
    ++r;
  }
  if (workbook_close(workbook) != LXW_NO_ERROR) return Fail(WriteFailed("workbook_close"));
  std::ifstream in(temp.path, std::ios::binary);
  if (!in) return Fail(WriteFailed("cannot read back"));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace zj::app
