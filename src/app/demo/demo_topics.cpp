#include "app/demo/demo_topics.h"

#include <algorithm>

namespace zj::app::demo {

namespace {

constexpr Topic kLegalAid[] = {
    {"申请法律援助打劳动仲裁",
     "公司拖欠工资和经济补偿，准备申请劳动仲裁，请工会提供法律援助律师。"},
    {"被违法解除劳动合同想申请仲裁",
     "在公司工作六年，上周被以末位淘汰为由辞退，想请律师帮忙申请仲裁。"},
    {"工伤赔偿诉讼需要律师",
     "工伤认定已经下来，单位拒绝支付一次性伤残补助金，想请法律援助律师代理诉讼。"},
    {"劳务派遣纠纷咨询律师",
     "我是派遣工，被用工单位退回后派遣公司不安排工作也不发工资，需要律师指导。"},
    {"仲裁裁决后单位不执行",
     "劳动仲裁已裁决单位支付工资差额，单位至今不履行，不知道怎么申请强制执行。"},
    {"农民工讨薪需要代写仲裁申请书",
     "工地包工头跑了，十几个工友的工资没着落，想请工会帮忙写仲裁申请书。"},
    {"竞业限制协议纠纷",
     "离职后原单位要求我支付违约金，说违反竞业限制，但一直没给补偿，想请律师看看。"},
    {"职业病索赔申请法律援助", "在车间工作多年被诊断为尘肺病，单位已经注销，想知道怎么维权。"},
};
constexpr const char* kLegalAidAnswers[] = {
    "已指派法律援助律师，协助职工提交劳动仲裁申请。",
    "律师已代写仲裁申请书并陪同立案，案件进入审理程序。",
    "经律师介入调解，双方达成和解，单位一次性支付补偿。",
};

constexpr Topic kHardship[] = {
    {"家庭困难申请帮扶", "爱人重病住院，家里只有我一人工作，想申请困难职工帮扶。"},
    {"孩子上大学学费有困难", "孩子今年考上大学，家里收入低，学费和住宿费凑不齐，想申请助学帮扶。"},
    {"大病医疗救助申请", "本人确诊肿瘤，医保报销后自付部分仍有六万多元，想申请医疗救助。"},
    {"单亲家庭生活困难", "离异后独自抚养两个孩子，月收入不到四千元，房租压力大，申请生活帮扶。"},
    {"因火灾致困申请救助", "上月家中失火，家具家电全部烧毁，暂时借住在亲戚家，想申请临时救助。"},
    {"春节送温暖慰问申请", "家里老人长期卧床，我们夫妻都是一线工人，想申请春节送温暖慰问。"},
    {"残疾职工生活补助咨询", "我是肢体残疾职工，想了解工会对残疾职工有没有生活补助，怎么申请。"},
    {"困难职工档案年审", "去年建了困难职工档案，今年收入情况有变化，想问年审需要准备什么材料。"},
};
constexpr const char* kHardshipAnswers[] = {
    "经入户核实，已纳入困难职工帮扶，发放生活救助金。",
    "已为职工办理医疗救助，救助金将打入本人银行卡。",
    "已申请金秋助学金，孩子开学前发放到位。",
};

constexpr Topic kEmployment[] = {
    {"希望参加技能培训", "想参加电工技能培训，考取证书后换个岗位。"},
    {"失业后求职登记", "公司搬迁外地后失业，想登记求职，希望工会推荐合适的岗位。"},
    {"咨询创业担保贷款", "打算开一家早餐店，想了解创业担保贷款的条件和办理流程。"},
    {"农民工就业推荐", "刚来北京打工，会开叉车，想请工会推荐物流仓储方面的工作。"},
    {"高校毕业生就业咨询", "孩子今年大学毕业还没找到工作，想问工会的招聘会什么时候举办。"},
    {"家政育儿嫂培训报名", "想报名家政育儿嫂培训，请问费用和时间怎么安排。"},
    {"职业技能等级证书补贴", "考取了高级工证书，听说有技能提升补贴，不知道在哪里申请。"},
    {"招聘会信息咨询", "想了解近期工会举办的春风行动招聘会时间和地点。"},
};
constexpr const char* kEmploymentAnswers[] = {
    "已推荐参加区职工技能培训班，报名成功。",
    "已推荐三家企业的岗位信息，职工已参加面试。",
    "已告知创业担保贷款办理流程，并转人社部门对接。",
};

constexpr Topic kWageArrears[] = {
    {"工资拖欠两个月", "公司已连续两个月未发工资，班组十几个人都没拿到。"},
    {"年底工资被拖欠", "快过年了，工地还欠我们三个月工资，老板一直说等甲方回款。"},
    {"离职后工资迟迟不结算", "上个月办了离职，最后一个月工资和加班费到现在还没结。"},
    {"绩效工资无故被扣", "公司以经营困难为由扣发全体员工绩效工资，没有任何书面通知。"},
    {"工资低于最低工资标准", "每月到手工资扣完各项费用后不到两千元，低于本市最低工资标准。"},
    {"试用期工资未发放", "试用期干了两个月被辞退，公司说试用期不合格不发工资。"},
    {"单位以实物抵工资", "公司这几个月用库存产品抵工资，大家都不愿意，想问是否合法。"},
    {"包工头拖欠农民工工资", "装修项目完工一个多月，包工头一直拖着不结工钱，联系不上总包单位。"},
};
constexpr const char* kWageArrearsAnswers[] = {
    "经工会协调，单位已补发拖欠的工资。",
    "已联合劳动监察大队约谈单位负责人，单位承诺月底前结清。",
    "已协助职工向劳动监察部门投诉，欠薪已全部追回。",
};

constexpr Topic kContract[] = {
    {"劳动合同到期不续签", "合同下月到期，单位口头说不续签，是否有经济补偿？"},
    {"入职半年未签劳动合同", "入职已经半年，公司一直不签劳动合同，想问能否要求双倍工资。"},
    {"被要求签自愿离职申请", "公司让我签自愿离职申请，不签就调到外地，我不想离职。"},
    {"单位单方面调岗降薪", "公司没有和我协商，把我从技术岗调到保洁岗，工资降了三分之一。"},
    {"无固定期限劳动合同咨询", "已连续签了两次固定期限合同，想问第三次能否要求签无固定期限合同。"},
    {"经济补偿金怎么计算", "公司裁员，给的补偿只按基本工资算，想问经济补偿的计算基数是什么。"},
    {"劳动合同被单位收走", "公司把劳动合同两份都收走了，我手里没有合同，担心以后维权没有证据。"},
    {"试用期被延长", "合同约定试用期三个月，到期后公司又说要再延长三个月，是否合法？"},
};
constexpr const char* kContractAnswers[] = {
    "经与单位沟通，单位同意补签劳动合同。",
    "已向职工解释经济补偿的计算方法，单位按规定足额支付。",
    "经调解，单位撤回调岗决定，恢复原岗位和待遇。",
};

constexpr Topic kWorkInjury[] = {
    {"工伤认定需要哪些材料", "上周在车间扭伤脚踝，单位不愿意报工伤。"},
    {"上下班途中受伤算不算工伤",
     "下班骑车回家路上被汽车撞伤，交警认定对方全责，想问能否认定工伤。"},
    {"单位不给申报工伤", "在工地被钢管砸伤手指，单位只给了两千块钱，不给申报工伤。"},
    {"工伤停工留薪期工资", "工伤住院两个月，单位只发基本工资，想问停工留薪期工资怎么算。"},
    {"劳动能力鉴定流程咨询", "工伤治疗结束了，想了解劳动能力鉴定去哪里申请、需要多长时间。"},
    {"没交工伤保险受伤怎么办", "单位没给上工伤保险，我在送货时摔伤了腰，医药费都是自己垫的。"},
    {"工伤复发治疗费用", "前年认定的工伤今年复发需要手术，单位说已经赔过了不再管。"},
    {"快递员送件途中受伤", "送快递途中摔伤，站点说我不是员工，不给处理，想知道该找谁。"},
};
constexpr const char* kWorkInjuryAnswers[] = {
    "已指导职工提交工伤认定申请，材料已受理。",
    "经协调，单位同意申报工伤并垫付医疗费用。",
    "已告知劳动能力鉴定流程，职工已提交申请。",
};

constexpr Topic kSocialInsurance[] = {
    {"社保断缴", "单位从今年三月起没有给缴社保，影响孩子上学。"},
    {"单位按最低基数缴社保", "工资每月八千多，单位一直按最低基数缴社保，想问怎么处理。"},
    {"入职三个月未缴社保", "入职已经三个月了，公司说过了试用期才给上社保。"},
    {"社保转移接续咨询", "从外省调到北京工作，原来的养老保险怎么转过来？"},
    {"生育津贴未发放", "休完产假回来，单位说生育津贴已经冲抵工资了，我觉得不对。"},
    {"医保卡无法使用", "去医院看病发现医保卡不能用，一查才知道单位欠缴了两个月医保。"},
    {"单位不缴住房公积金", "单位从来没给我们缴住房公积金，想问能不能要求补缴。"},
    {"退休前社保补缴", "还有两年退休，发现中间有几年社保断档，想问能否补缴。"},
};
constexpr const char* kSocialInsuranceAnswers[] = {
    "经工会督促，单位已为职工补缴社会保险。",
    "已告知社保转移接续办理流程，职工已办理。",
    "已协助职工向社保经办机构反映，单位已按实际工资调整缴费基数。",
};

constexpr Topic kOvertimeLeave[] = {
    {"加班费计算", "周末加班只给调休，不给加班费，是否合理？"},
    {"咨询年休假天数", "入职三年，想了解年休假应有几天，单位说要满五年。"},
    {"法定节假日加班工资", "国庆节值班三天，公司只按平时工资发，想问节假日加班怎么算。"},
    {"长期每天工作十二小时", "车间实行两班倒，每天干十二个小时，每月只休两天。"},
    {"产假天数咨询", "马上要生孩子了，想问北京的产假一共多少天，单位说只有九十八天。"},
    {"婚假申请被拒", "下个月结婚，向单位申请婚假被拒，说旺季不能休。"},
    {"病假工资被扣光", "生病住院请了两周病假，单位把这个月工资全扣了。"},
    {"综合工时制加班认定", "公司说我们是综合计算工时，所以加班不算加班，这样对吗？"},
};
constexpr const char* kOvertimeLeaveAnswers[] = {
    "经协调，单位已按规定补发加班工资。",
    "已告知年休假和产假的相关规定，单位同意按规定安排休假。",
    "已与单位沟通调整排班，保证职工每周至少休息一天。",
};

constexpr Topic kConsultation[] = {
    {"如何加入工会", "我在一家小公司上班，单位没有工会，想问个人怎么加入工会。"},
    {"会员服务卡怎么办理", "听说工会会员可以办京卡服务卡，想问在哪里办理、有什么用。"},
    {"工会会费缴纳标准", "刚入会的会员，想问工会会费按什么标准交。"},
    {"会员关系转接咨询", "换了工作单位，原来的工会会员关系怎么转到新单位？"},
    {"职工互助保障怎么参加", "想了解在职职工互助保障的参加方式和报销范围。"},
    {"疗休养政策咨询", "单位组织疗休养，想问劳模和一线职工有没有专项名额。"},
    {"职工书屋开放时间", "想问街道职工之家的书屋什么时间开放，需不需要预约。"},
    {"母婴室建设标准咨询", "我们单位想建母婴关爱室，想了解工会有没有标准和补助。"},
};
constexpr const char* kConsultationAnswers[] = {
    "已电话答复职工，告知办理流程和所需材料。",
    "已告知就近的职工服务站地址和开放时间。",
    "已解答职工咨询，并发送相关政策文件。",
};

constexpr Topic kSuggestion[] = {
    {"建议增加夜班休息室", "夜班同事没有休息的地方，建议工会协调设置休息室。"},
    {"建议开设职工子女暑期托管班", "暑假孩子没人看，建议工会联合社区开办职工子女托管班。"},
    {"建议增设户外劳动者驿站", "建议在地铁站附近多设几个户外劳动者服务驿站，方便快递员休息喝水。"},
    {"建议食堂延长供餐时间", "园区食堂晚上七点就关门，加班的职工吃不上饭，建议延长供餐时间。"},
    {"希望多组织文体活动", "建议工会多组织羽毛球、篮球比赛，丰富职工业余生活。"},
    {"建议增加女职工体检项目", "女职工体检项目太少，建议增加两癌筛查。"},
    {"关于增开职工班车的建议", "新厂区离地铁站远，建议增开一条到地铁站的职工班车。"},
    {"希望定期召开职工座谈会", "希望工会定期召开职工座谈会，及时反馈大家提的意见。"},
};
constexpr const char* kSuggestionAnswers[] = {
    "建议已转交相关部门研究，已纳入年度为职工办实事项目。",
    "已与园区物业沟通，按建议落实。",
    "感谢建议，已在职工座谈会上通报并答复。",
};

struct CategoryTexts {
  std::string_view code;
  std::span<const Topic> topics;
  std::span<const char* const> answers;
};

constexpr CategoryTexts kCategories[] = {
    {"legal_aid", kLegalAid, kLegalAidAnswers},
    {"hardship", kHardship, kHardshipAnswers},
    {"employment", kEmployment, kEmploymentAnswers},
    {"rights.wage_arrears", kWageArrears, kWageArrearsAnswers},
    {"rights.contract", kContract, kContractAnswers},
    {"rights.work_injury", kWorkInjury, kWorkInjuryAnswers},
    {"rights.social_insurance", kSocialInsurance, kSocialInsuranceAnswers},
    {"rights.overtime_leave", kOvertimeLeave, kOvertimeLeaveAnswers},
    {"consultation", kConsultation, kConsultationAnswers},
    {"suggestion", kSuggestion, kSuggestionAnswers},
};

const CategoryTexts* Find(std::string_view code) {
  for (const auto& c : kCategories) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

constexpr const char* kRejections[] = {
    "不属于工会受理范围，已告知职工向劳动监察部门反映。",
    "职工已通过劳动仲裁处理，工会不再重复受理。",
    "与此前提交的诉求重复，已合并办理。",
};
constexpr const char* kComments1[] = {"打了好几次电话才有人管", "问题一直没解决"};
constexpr const char* kComments2[] = {"问题还没有真正解决", "处理太慢了"};
constexpr const char* kComments3[] = {"问题解决了一部分", "还可以"};
constexpr const char* kComments4[] = {"总体满意，就是等的时间长了点", "谢谢工会", ""};
constexpr const char* kComments5[] = {"感谢工会，问题解决得很及时", "工作人员态度很好", ""};
constexpr const char* kFollowUpNotes[] = {
    "电话回访，职工对处理结果表示认可。",
    "回访职工，单位已落实整改，问题已解决。",
    "回访时职工仍有意见，已再次协调单位处理并告知进展。",
};

}  // namespace

std::span<const Topic> TopicsOf(std::string_view category) {
  const CategoryTexts* c = Find(category);
  return c != nullptr ? c->topics : std::span<const Topic>();
}

std::span<const char* const> ResolutionsOf(std::string_view category) {
  const CategoryTexts* c = Find(category);
  return c != nullptr ? c->answers : std::span<const char* const>();
}

bool IsTopicOf(std::string_view category, std::string_view title) {
  const auto topics = TopicsOf(category);
  return std::any_of(topics.begin(), topics.end(),
                     [&](const Topic& t) { return title == t.title; });
}

std::span<const char* const> RejectionReasons() { return kRejections; }

std::span<const char* const> RatingComments(int stars) {
  switch (stars) {
    case 1:
      return kComments1;
    case 2:
      return kComments2;
    case 3:
      return kComments3;
    case 4:
      return kComments4;
    default:
      return kComments5;
  }
}

std::span<const char* const> FollowUpNotes() { return kFollowUpNotes; }

}  // namespace zj::app::demo
