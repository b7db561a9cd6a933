#include "core/i18n/messages.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "core/i18n/catalogue.h"

namespace zj::i18n {

namespace {

using Entry = CatalogueEntry;

// Keep sorted by key (checked by a unit test) so lookups can binary-search. A plain array: the
// deduction guide of std::array folds over every entry, past clang's nesting limit of 256.
constexpr Entry kCatalogue[] = {
    Entry{"error.audit.forbidden", "只有工作人员和管理员可以查看审计日志",
          "Only staff and administrators may read the audit log"},
    Entry{"error.auth.csrf", "请求缺少有效的 CSRF 令牌，请刷新页面后重试",
          "The request lacks a valid CSRF token; reload the page and try again"},
    Entry{"error.auth.forbidden", "您的角色无权执行此操作", "Your role does not allow this"},
    Entry{"error.auth.invalid_credentials", "用户名或密码不正确", "Wrong user name or password"},
    Entry{"error.auth.unauthenticated", "请先登录", "Please sign in first"},
    Entry{"error.auth.use_portal", "职工请在职工门户用手机号和验证码登录",
          "Workers sign in to the worker portal with their phone and a code"},
    Entry{"error.binding.already_bound", "您的账号已绑定会员信息",
          "Your account is bound to a member record already"},
    Entry{"error.binding.decided", "该绑定申请已处理", "This binding has been decided already"},
    Entry{"error.binding.no_match", "未找到姓名与身份证号相符的会员，请核对后重试",
          "No member matches this name and ID number; check them and try again"},
    Entry{"error.body_too_large", "请求内容过大（上限 {limit} 字节）",
          "The request body is too large (limit {limit} bytes)"},
    Entry{"error.calendar.backwards", "日历文件第 {line} 行：日期范围的结束早于开始",
          "Calendar file, line {line}: the range ends before it starts"},
    Entry{"error.calendar.both", "日历文件第 {line} 行：同一天既是假日又是调休上班日",
          "Calendar file, line {line}: a day is both a holiday and a working day"},
    Entry{"error.calendar.date", "日历文件第 {line} 行：日期应为 YYYY-MM-DD 格式的真实日期",
          "Calendar file, line {line}: dates are real dates written YYYY-MM-DD"},
    Entry{"error.calendar.keyword", "日历文件第 {line} 行：每行应以 year、off 或 work 开头",
          "Calendar file, line {line}: a line starts with year, off or work"},
    Entry{"error.calendar.other_year", "文件中的年份（{year}）与要载入的年份（{expected}）不一致",
          "The text is for {year}, not for {expected}"},
    Entry{"error.calendar.outside_year", "日历文件第 {line} 行：日期不在本文件的年份内",
          "Calendar file, line {line}: the date lies outside the file's year"},
    Entry{"error.calendar.second_year", "日历文件第 {line} 行：一个文件只能有一行 year",
          "Calendar file, line {line}: a file has one year line only"},
    Entry{"error.calendar.weekday", "日历文件第 {line} 行：调休上班日应为周六或周日",
          "Calendar file, line {line}: an adjusted working day is a Saturday or Sunday"},
    Entry{"error.calendar.year", "日历文件第 {line} 行：year 后应为四位年份",
          "Calendar file, line {line}: year is followed by a four-digit year"},
    Entry{"error.calendar.year_first", "日历文件第 {line} 行：文件应先以 year 行写明年份",
          "Calendar file, line {line}: the file starts with a year line"},
    Entry{"error.card.not_bound", "绑定会员信息后才能使用电子会员卡",
          "The member card needs your account bound to your member record"},
    Entry{"error.card.token_expired", "会员码已过期，请职工刷新会员卡后重新出示",
          "The card code has expired; ask the worker to refresh the card"},
    Entry{"error.card.token_invalid", "不是本会有效的会员码",
          "Not a valid member card code of this federation"},
    Entry{"error.date.invalid", "日期应为有效的 YYYY-MM-DD",
          "The date must be a real date written YYYY-MM-DD"},
    Entry{"error.db.busy", "数据库繁忙，请稍后重试", "The database is busy; try again shortly"},
    Entry{"error.db.constraint", "数据不符合约束条件", "The data violates a constraint"},
    Entry{"error.db.foreign_key", "引用的记录不存在或仍被引用",
          "A referenced record does not exist or is still referenced"},
    Entry{"error.db.newer",
          "数据库结构版本（{found}）高于本程序支持的版本（{latest}），请升级 zhijia",
          "The database schema version ({found}) is newer than this program supports ({latest}); "
          "upgrade zhijia"},
    Entry{"error.db.outdated",
          "数据库结构版本（{found}）低于本程序的版本（{latest}），请运行 zhijia migrate",
          "The database schema version ({found}) is older than this program's ({latest}); run "
          "zhijia migrate"},
    Entry{"error.db.retry", "数据被同时修改，请重试",
          "The data was changed concurrently; try again"},
    Entry{"error.db.spec", "数据库地址“{value}”无效，应为 sqlite:路径 或 postgresql://…",
          "Invalid database \"{value}\"; expected sqlite:PATH or postgresql://…"},
    Entry{"error.db.unique", "记录已存在", "The record already exists"},
    Entry{"error.db.unreachable", "无法连接数据库", "The database cannot be reached"},
    Entry{"error.demo.members_present", "会员名册中已有会员，批量演示会员只载入空名册",
          "The member registry has members already; bulk demo members load into an empty one"},
    Entry{"error.demo.no_unions", "没有基层工会可放入演示会员，请用 --scale 生成用人单位",
          "There are no grassroots unions for the demo members; generate enterprises with --scale"},
    Entry{"error.display_name.invalid", "姓名最多 {max} 个字符，且不能含控制字符",
          "At most {max} characters and no control characters"},
    Entry{"error.enterprise.no_federation", "该街道及所在区都没有工会组织",
          "No federation covers this street or its district"},
    Entry{"error.enterprise.union_kind", "覆盖单位的工会应为正常状态的基层工会",
          "The covering union must be an active grassroots union"},
    Entry{"error.ethnicity.invalid", "民族应为 GB/T 3304 中的民族名称，如 汉族",
          "The ethnicity must be a GB/T 3304 name, e.g. 汉族"},
    Entry{"error.export.unwritable", "无法写入文件 {file}", "Cannot write the file {file}"},
    Entry{"error.field.boolean", "应为 true 或 false", "Must be true or false"},
    Entry{"error.field.cursor", "翻页游标无效", "Invalid page cursor"},
    Entry{"error.field.format", "格式应为 xlsx 或 csv", "The format must be xlsx or csv"},
    Entry{"error.field.invalid_id", "编号格式无效", "Not a valid id"},
    Entry{"error.field.limit", "应为 1 到 {max} 之间的整数",
          "Must be a whole number from 1 to {max}"},
    Entry{"error.field.not_integer", "应为整数", "Must be a whole number"},
    Entry{"error.field.not_string", "应为文本", "Must be text"},
    Entry{"error.field.one_of", "应为以下之一：{values}", "Must be one of: {values}"},
    Entry{"error.field.out_of_range", "应在 {min} 到 {max} 之间",
          "Must be between {min} and {max}"},
    Entry{"error.field.range", "结束时间应晚于开始时间", "The end must be after the start"},
    Entry{"error.field.required", "必填项", "Required"},
    Entry{"error.field.too_long", "最多 {max} 个字符", "At most {max} characters"},
    Entry{"error.field.too_short", "至少 {min} 个字符", "At least {min} characters"},
    Entry{"error.gender.invalid", "性别应为 男 或 女",
          "The gender must be 男 (male) or 女 (female)"},
    Entry{"error.id_number.birth_date", "身份证号中的出生日期不存在",
          "The birth date inside the ID number does not exist"},
    Entry{"error.id_number.characters", "身份证号应为 17 位数字加 1 位数字或 X",
          "An ID number is 17 digits followed by a digit or X"},
    Entry{"error.id_number.check", "身份证号校验位不符，请核对是否有输错的数字",
          "The ID number's check character does not match; check for a mistyped digit"},
    Entry{"error.id_number.excel",
          "身份证号已被 Excel 当作数字处理（科学计数法或末尾变为 "
          "000），请把该列设置为文本格式后重新录入",
          "Excel has turned the ID number into a number (scientific notation or trailing 000s); "
          "format the column as text and enter the numbers again"},
    Entry{"error.id_number.future", "身份证号中的出生日期晚于今天",
          "The birth date inside the ID number is in the future"},
    Entry{"error.id_number.length", "身份证号应为 18 位（或 15 位旧号码）",
          "An ID number has 18 characters (or 15 for an old one)"},
    Entry{"error.id_number.region", "身份证号前两位不是有效的省级行政区划代码",
          "The first two digits of the ID number name no province"},
    Entry{"error.industry.invalid", "行业应为 GB/T 4754-2017 门类字母 A–T",
          "The industry must be a GB/T 4754-2017 section letter A–T"},
    Entry{"error.internal", "服务器内部错误，请稍后重试或联系管理员",
          "Internal server error; try again later or contact the administrator"},
    Entry{"error.invalid_input", "输入有误，请检查标出的字段",
          "Invalid input; check the marked fields"},
    Entry{"error.jobs.cancelled", "已取消", "Cancelled"},
    Entry{"error.jobs.file_unreadable", "保存的文件无法读取（已损坏，或其密钥已不在）",
          "The kept file cannot be read (it is damaged, or its key is gone)"},
    Entry{"error.jobs.finished", "任务已结束，无法取消",
          "The job has ended and cannot be cancelled"},
    Entry{"error.jobs.no_file", "该任务没有可下载的文件（或保留期已过）",
          "This job has no file to download (or its keeping period is over)"},
    Entry{"error.jobs.stopping", "服务器正在停止，任务将在重启后继续",
          "The server is stopping; the job resumes when it starts again"},
    Entry{"error.json.malformed", "请求内容不是有效的 JSON（第 {position} 字节附近）",
          "The request body is not valid JSON (near byte {position})"},
    Entry{"error.json.not_object", "请求内容应为 JSON 对象",
          "The request body must be a JSON object"},
    Entry{"error.keys.batch", "批量大小至少为 1", "The batch size must be at least 1"},
    Entry{"error.keys.changed", "轮换期间密钥文件被改动（另有一次轮换？），请重新运行",
          "The key file changed during the rotation (another rotation?); run it again"},
    Entry{"error.keys.exhausted", "密钥版本已用尽（最多 255 个）",
          "No key versions left (255 at most)"},
    Entry{"error.keys.io", "无法读写密钥文件 {path}", "Cannot read or write the key file {path}"},
    Entry{"error.keys.malformed", "密钥文件 {path} 格式错误", "The key file {path} is malformed"},
    Entry{"error.keys.missing", "未加载个人信息密钥（密钥文件不存在）",
          "No personal-data keys are loaded (the key file is missing)"},
    Entry{"error.keys.permissions", "密钥文件 {path} 可被其他用户读取，请执行 chmod 600",
          "The key file {path} is readable by other users; run chmod 600 on it"},
    Entry{"error.listen", "无法在 {address} 上监听：{reason}",
          "Cannot listen on {address}: {reason}"},
    Entry{"error.listen_address", "监听地址“{value}”无效，应为 主机:端口，例如 127.0.0.1:8080",
          "Invalid listen address \"{value}\"; expected HOST:PORT, e.g. 127.0.0.1:8080"},
    Entry{"error.method_not_allowed", "该地址不支持 {method} 方法",
          "Method {method} is not allowed here"},
    Entry{"error.name.invalid", "名称不能含控制字符",
          "The name must not contain control characters"},
    Entry{"error.not_found", "未找到该记录", "No such record"},
    Entry{"error.not_ready", "服务尚未就绪，请稍后再试",
          "The service is not ready; try again later"},
    Entry{"error.notify.unavailable", "通知发送失败，稍后重试",
          "The notification could not be sent; it will be retried"},
    Entry{"error.org.code_invalid", "组织代码应为 1–32 个字母、数字或 . _ -",
          "An org code is 1–32 letters, digits or . _ -"},
    Entry{"error.org.code_taken", "该组织代码已被使用", "This org code is taken"},
    Entry{"error.org.cycle", "不能把组织移到它自己或它的下级组织之下",
          "An org cannot be moved under itself or one of its descendants"},
    Entry{"error.org.has_active_children", "该组织仍有正常状态的下级组织，请先处理下级组织",
          "The org still has active child orgs; deal with them first"},
    Entry{"error.org.kind_invalid",
          "组织类型应为 municipal、district、street、industry、grassroots 或 group",
          "The kind must be municipal, district, street, industry, grassroots or group"},
    Entry{"error.org.not_found", "组织不存在", "No such organisation"},
    Entry{"error.org.parent_inactive", "上级组织已撤销或合并",
          "The parent org is dissolved or merged"},
    Entry{"error.org.parent_kind", "{parent_kind} 类型的组织下不能设立 {kind} 类型的组织",
          "An org of kind {kind} cannot be placed under one of kind {parent_kind}"},
    Entry{"error.org.region_excludes_child",
          "下级组织 {child} 的行政区划 {child_region} 不在 {region} 之内，请先调整下级组织",
          "The region {child_region} of the child org {child} does not lie inside {region};"
          " change the child org first"},
    Entry{"error.org.region_outside_parent",
          "行政区划 {region} 不在上级组织的行政区划 {parent_region} 之内",
          "The region {region} does not lie inside the parent's region {parent_region}"},
    Entry{"error.org.region_taken", "行政区划 {region} 已属于另一个地方工会组织的管辖范围",
          "The region {region} is already held by another federation"},
    Entry{"error.org.status_invalid", "状态应为 active、merged 或 dissolved",
          "The status must be active, merged or dissolved"},
    Entry{"error.ownership.invalid",
          "经济类型应为 state、collective、private、foreign、hmt 或 other",
          "The ownership must be state, collective, private, foreign, hmt or other"},
    Entry{"error.password.common", "该密码过于常见，请换一个",
          "This password is too common; choose another"},
    Entry{"error.password.same_as_username", "密码不能与用户名相同",
          "The password must differ from the user name"},
    Entry{"error.password.too_long", "密码最多 {max} 个字符", "At most {max} characters"},
    Entry{"error.password.too_short", "密码至少 {min} 个字符", "At least {min} characters"},
    Entry{"error.password.wrong_current", "当前密码不正确", "The current password is wrong"},
    Entry{"error.person_name.invalid",
          "姓名只能由汉字或字母组成，可含间隔号（·）、空格、连字符、撇号或句点，并以汉字或字母开头",
          "A name is Chinese characters or letters, with middle dots (·), spaces, hyphens, "
          "apostrophes or periods between them, and starts with a letter"},
    Entry{"error.personal_data.reason", "请填写查看原因（至少 2 个字）",
          "Give a reason for viewing (at least 2 characters)"},
    Entry{"error.personal_data.unreadable", "个人信息无法解密（密钥缺失或数据被改动）",
          "The personal data cannot be decrypted (key missing or data altered)"},
    Entry{"error.phone.invalid", "手机号码应为以 1 开头的 11 位数字",
          "A mobile number is 11 digits starting with 1"},
    Entry{"error.region.not_in_scope", "该街道不在您的管辖范围内",
          "This region is outside your organisation"},
    Entry{"error.region.not_street", "应为街道（乡镇）级行政区划代码（9 位）",
          "Must be a street or township region code (9 digits)"},
    Entry{"error.region.unknown", "行政区划代码不在 GB/T 2260 区划表中",
          "The region code is not in the GB/T 2260 table"},
    Entry{"error.regions.malformed", "行政区划数据格式错误", "The region table is malformed"},
    Entry{"error.role.invalid", "角色应为 worker、cadre、staff、operator 或 admin",
          "The role must be worker, cadre, staff, operator or admin"},
    Entry{"error.role.worker_retired", "职工在职工门户用手机验证码登录，不需要后台账号",
          "Workers sign in to the portal by phone; they need no console account"},
    Entry{"error.route_not_found", "接口不存在：{path}", "No such API endpoint: {path}"},
    Entry{"error.sign_in.code_format", "验证码应为 6 位数字", "The code is 6 digits"},
    Entry{"error.sign_in.code_invalid", "验证码不正确或已失效，请重新获取",
          "The code is wrong or no longer valid; ask for a new one"},
    Entry{"error.sms.config", "短信发送配置有误：{what}", "The SMS settings are wrong: {what}"},
    Entry{"error.sms.unavailable", "短信网关暂不可用", "The SMS gateway is unavailable"},
    Entry{"error.status.invalid", "状态应为 active 或 disabled",
          "The status must be active or disabled"},
    Entry{"error.too_many_requests", "请求过于频繁，请 {seconds} 秒后再试",
          "Too many requests; try again in {seconds} s"},
    Entry{"error.trust_proxy", "--trust-proxy 的“{value}”不是地址或网段（例如 10.0.0.0/8）",
          "--trust-proxy: \"{value}\" is not an address or network (such as 10.0.0.0/8)"},
    Entry{"error.unsupported_media_type", "请求内容类型应为 application/json",
          "The request body must be application/json"},
    Entry{"error.uscc.invalid", "统一社会信用代码无效（应为 18 位，校验位正确）",
          "Invalid unified social credit code (18 characters with a correct check character)"},
    Entry{"error.uscc.taken", "该统一社会信用代码已登记",
          "An enterprise with this unified social credit code exists"},
    Entry{"error.username.invalid", "用户名应为 {min}–{max} 个小写字母、数字或 . _ -",
          "{min}–{max} lower-case letters, digits or . _ -"},
    Entry{"error.username.taken", "该用户名已被使用", "This user name is taken"},
    Entry{"error.users.self_demotion", "不能停用自己的账号，也不能更改自己的角色或组织",
          "You cannot disable your own account or change your own role or organisation"},
    Entry{"error.yes_no.invalid", "应为 是 或 否", "Must be 是 (yes) or 否 (no)"},
    Entry{"title.already-exists", "记录已存在", "Already exists"},
    Entry{"title.conflict", "操作冲突", "Conflict"},
    Entry{"title.failed-precondition", "当前状态不允许此操作", "Failed precondition"},
    Entry{"title.internal", "服务器内部错误", "Internal server error"},
    Entry{"title.invalid-argument", "输入有误", "Invalid input"},
    Entry{"title.not-found", "未找到", "Not found"},
    Entry{"title.permission-denied", "无权执行此操作", "Permission denied"},
    Entry{"title.resource-exhausted", "超出限制", "Limit exceeded"},
    Entry{"title.unauthenticated", "未登录", "Not signed in"},
    Entry{"title.unavailable", "服务暂不可用", "Service unavailable"},
    Entry{"title.unprocessable", "缺少处理所需的数据", "Data needed to process this is missing"},
};

//! Every part of the catalogue, each sorted by key (catalogue.h).
std::array<std::span<const Entry>, 12> Parts() {
  return {std::span<const Entry>(kCatalogue),
          CliMessages(),
          MemberMessages(),
          RequestMessages(),
          HardshipMessages(),
          HardshipFlowMessages(),
          AidMessages(),
          LegalMessages(),
          CompetitionMessages(),
          ActivityMessages(),
          MutualAidMessages(),
          TrainingMessages()};
}

const Entry* Lookup(std::string_view key) {
  for (const auto part : Parts()) {
    auto it = std::lower_bound(part.begin(), part.end(), key,
                               [](const Entry& e, std::string_view k) { return e.key < k; });
    if (it != part.end() && it->key == key) return &*it;
  }
  return nullptr;
}

std::string Fill(std::string_view text, const Args& args) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const std::size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = text.substr(i + 1, close - i - 1);
        auto it =
            std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        if (it != args.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string Translate(Locale locale, std::string_view key, const Args& args) {
  const Entry* e = Lookup(key);
  if (e == nullptr) return std::string(key);
  return Fill(locale == Locale::kZhCN ? e->zh : e->en, args);
}

Locale NegotiateLocale(std::string_view header) {
  double best_q = -1;
  Locale best = Locale::kZhCN;
  std::size_t pos = 0;
  while (pos <= header.size()) {
    std::size_t comma = header.find(',', pos);
    if (comma == std::string_view::npos) comma = header.size();
    std::string_view item = header.substr(pos, comma - pos);
    pos = comma + 1;
    double q = 1.0;
    if (const std::size_t semi = item.find(';'); semi != std::string_view::npos) {
      std::string_view params = item.substr(semi + 1);
      item = item.substr(0, semi);
      if (const std::size_t qpos = params.find("q="); qpos != std::string_view::npos) {
        std::string qs(params.substr(qpos + 2));
        try {
          q = std::stod(qs);
        } catch (...) {
          q = 0;
        }
        // RFC 9110 §12.4.2: a qvalue lies in [0, 1]; 5, inf or nan are garbage, not preferences.
        if (!(q >= 0 && q <= 1)) q = 0;
      }
    }
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    const std::string tag = Lower(item);
    std::optional<Locale> match;
    if (tag == "zh" || tag.starts_with("zh-")) match = Locale::kZhCN;
    if (tag == "en" || tag.starts_with("en-")) match = Locale::kEn;
    if (match && q > best_q && q > 0) {
      best_q = q;
      best = *match;
    }
    if (comma == header.size()) break;
  }
  return best;
}

std::string_view LocaleTag(Locale locale) { return locale == Locale::kZhCN ? "zh-CN" : "en"; }

std::vector<std::string_view> CatalogueKeys() {
  std::vector<std::string_view> keys;
  for (const auto part : Parts()) {
    for (const auto& e : part) keys.push_back(e.key);
  }
  return keys;
}

std::vector<std::vector<std::string_view>> CatalogueParts() {
  std::vector<std::vector<std::string_view>> out;
  for (const auto part : Parts()) {
    out.emplace_back();
    for (const auto& e : part) out.back().push_back(e.key);
  }
  return out;
}

bool HasMessage(Locale locale, std::string_view key) {
  const Entry* e = Lookup(key);
  return e != nullptr && !(locale == Locale::kZhCN ? e->zh : e->en).empty();
}

}  // namespace zj::i18n
