#include "app/demo/demo_people.h"

#include <cstdio>

#include "core/members/national_id.h"

namespace zj::app::demo {

const std::vector<std::pair<const char*, int>> kSurnames = {
    {"王", 72}, {"李", 71}, {"张", 68}, {"刘", 54}, {"陈", 45}, {"杨", 32}, {"黄", 22}, {"赵", 22},
    {"吴", 20}, {"周", 19}, {"徐", 15}, {"孙", 15}, {"马", 14}, {"朱", 13}, {"胡", 12}, {"郭", 12},
    {"何", 11}, {"高", 10}, {"林", 10}, {"罗", 9},  {"郑", 9},  {"梁", 8},  {"谢", 7},  {"宋", 7},
    {"唐", 6},  {"许", 6},  {"韩", 6},  {"冯", 6},  {"邓", 6},  {"曹", 6},  {"彭", 5},  {"曾", 5},
    {"肖", 5},  {"田", 5},  {"董", 5},  {"袁", 5},  {"潘", 4},  {"于", 4},  {"蒋", 4},  {"蔡", 4},
    {"余", 4},  {"杜", 4},  {"叶", 4},  {"程", 4},  {"苏", 4},  {"魏", 4},  {"吕", 4},  {"丁", 4},
    {"任", 4},  {"沈", 3},  {"姚", 3},  {"卢", 3},  {"姜", 3},  {"崔", 3},  {"钟", 3},  {"谭", 3},
    {"陆", 3},  {"汪", 3},  {"范", 3},  {"金", 3},  {"石", 3},  {"廖", 3},  {"贾", 3},  {"夏", 3},
    {"韦", 3},  {"付", 3},  {"方", 3},  {"白", 3},  {"邹", 3},  {"孟", 3},  {"熊", 3},  {"秦", 3},
    {"邱", 3},  {"江", 3},  {"尹", 3},  {"薛", 2},  {"闫", 2},  {"段", 2},  {"雷", 2},  {"侯", 2},
    {"龙", 2},  {"史", 2},  {"陶", 2},  {"黎", 2},  {"贺", 2},  {"顾", 2},  {"毛", 2},  {"郝", 2},
    {"龚", 2},  {"邵", 2},  {"万", 2},  {"钱", 2},  {"严", 2},  {"覃", 2},  {"武", 2},  {"戴", 2},
    {"莫", 2},  {"孔", 2},  {"向", 2},  {"汤", 2}};

const std::vector<const char*> kGivenMale = {
    "伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华",
    "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "晓",
    "志", "建", "国", "海", "文", "东", "博", "成", "峰", "亮", "松", "振", "永", "春", "德",
    "新", "光", "天", "子", "金", "清", "兵", "毅", "威", "鸣", "晨", "睿", "泽", "铭", "轩"};
const std::vector<const char*> kGivenFemale = {
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "英", "桂", "玉", "兰", "燕", "萍",
    "红", "梅", "琳", "婷", "雪", "慧", "颖", "倩", "洁", "佳", "晶", "欣", "悦", "琪", "晓",
    "丹", "露", "月", "莉", "云", "华", "凤", "春", "青", "璐", "瑶", "怡", "雨", "思", "梦",
    "文", "亚", "楠", "宁", "蕾", "薇", "婧", "岚", "萱", "菲", "珊", "淑", "美", "诗", "嘉"};

const std::vector<std::pair<const char*, int>> kEthnicities = {
    {"汉族", 912}, {"回族", 25}, {"满族", 22}, {"蒙古族", 9},   {"朝鲜族", 5}, {"土家族", 5},
    {"壮族", 5},   {"苗族", 4},  {"藏族", 3},  {"维吾尔族", 3}, {"彝族", 3},   {"其他", 4}};

const std::vector<const char*> kPhonePrefixes = {
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
    "152", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180",
    "181", "182", "185", "186", "187", "188", "189", "191", "198", "199"};

std::discrete_distribution<std::size_t> Weighted(
    const std::vector<std::pair<const char*, int>>& table) {
  std::vector<int> weights;
  weights.reserve(table.size());
  for (const auto& entry : table) weights.push_back(entry.second);
  return std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
}

DemoPeople::DemoPeople(std::uint64_t seed)
    : rng_(seed), surname_(Weighted(kSurnames)), ethnicity_(Weighted(kEthnicities)) {}

std::string DemoPeople::Name(bool male) {
  const auto& given = male ? kGivenMale : kGivenFemale;
  std::string name = kSurnames[surname_(rng_)].first;
  name += given[Pick(given.size())];
  if (!Chance(0.3)) name += given[Pick(given.size())];
  return name;
}

std::string DemoPeople::Phone() {
  char phone[16];
  std::snprintf(phone, sizeof phone, "%s%08u", kPhonePrefixes[Pick(kPhonePrefixes.size())],
                static_cast<unsigned>(Pick(100000000)));
  return phone;
}

std::string DemoPeople::IdNumber(const std::string& region, bool male) {
  for (;;) {
    const int year = 1966 + static_cast<int>(Pick(39));
    const int month = 1 + static_cast<int>(Pick(12));
    const int day = 1 + static_cast<int>(Pick(28));
    const int sequence = 900 + 2 * static_cast<int>(Pick(50)) + (male ? 1 : 0);
    char body[64];  // room for any int, so -Wformat-truncation (debug builds) has nothing to say
    std::snprintf(body, sizeof body, "%.6s%04d%02d%02d%03d", region.c_str(), year, month, day,
                  sequence);
    std::string number(body, 17);
    number += members::IdCheckCharacter(number);
    if (ids_.insert(number).second) return number;
  }
}

DemoPerson DemoPeople::Person(const std::string& region) {
  DemoPerson p;
  p.male = Chance(0.54);
  p.name = Name(p.male);
  p.id_number = IdNumber(region, p.male);
  p.phone = Phone();
  p.ethnicity = kEthnicities[ethnicity_(rng_)].first;
  return p;
}

}  // namespace zj::app::demo
