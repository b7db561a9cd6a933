// Mutual aid in My account (互助保障, issue 22), zh-CN: the reference; portal-mutual-aid.en.ts
// has the same keys.
export const portalMutualAidZhCN = {
  intro: '工会为会员办理的互助保障：本保障期参加的计划、保障内容和我的申请进度。',
  notBound: '绑定会员信息后可查看互助保障',
  plans: '本期参加的保障计划',
  noPlans: '本保障期您还没有参加互助保障计划。',
  period: '保障期 {from} 至 {to}',
  cover: '保障自 {from} 起至 {to}',
  coverEnded: '保障自 {from} 起，已于 {to} 结束',
  kinds: { medical: '医疗互助', accident: '意外伤害互助', property: '财产损失互助' },
  shareOfLoss: '按损失的 {percent}% 给付',
  itemised: '按给付表所列 {count} 个项目给付',
  capped: '，每次最高 ¥{amount}',
  claims: '我的申请',
  noClaims: '还没有互助保障申请。',
  incident: '事故日期 {date}',
  amount: '核定金额 ¥{amount}',
  cappedTag: '已按上限',
  statuses: { filed: '已受理', approved: '已批准', refused: '未通过', paid: '已给付' },
  refusedReason: '原因：{reason}',
  paidOn: '给付日期 {date}',
  howToClaim: '发生火灾、水管爆裂或意外受伤时，请带上证明材料联系所在工会申请。',
}
