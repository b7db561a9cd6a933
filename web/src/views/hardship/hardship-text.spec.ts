import { describe, expect, it } from 'vitest'
import type { HardshipApi } from '@/api/hardship'
import { i18n } from '@/locales'
import { buildOpenPayload, emptyOpenForm, emptyPerson, levelArithmetic, levelTagType, parseYuan, splitVisitors, stepNeedsNote, yuan } from './hardship-text'

function file(changes: Partial<HardshipApi.Summary> = {}): HardshipApi.Summary {
  return {
    id: '1',
    org: { id: '2', name: '某工会' },
    member_id: null,
    status: 'open',
    stage: 'applied',
    head_name_masked: '王**',
    head_id_masked: '110101********1234',
    household_size: 3,
    annual_income_fen: 4800000,
    rigid_expenses_fen: 600000,
    sudden_cost_fen: 0,
    sudden_medical_fen: 0,
    per_head_monthly_fen: 116666,
    standard: { region_code: '110105', year: 2026, dibao_monthly_fen: 132000, sudden_cost_pct: 80, sudden_medical_pct: 50 },
    level_computed: 'deep',
    level: 'deep',
    override_reason: null,
    explanation: { key: 'hardship.level.deep.why', args: {}, text: '' },
    main_cause: 'illness',
    secondary_causes: [],
    exclusions: [],
    opened_at: 0,
    updated_at: 0,
    closed_at: null,
    close_reason: null,
    ...changes,
  }
}

describe('yuan and parseYuan', () => {
  it('writes fen as yuan exactly, with separators and a sign', () => {
    expect(yuan(132000)).toBe('1,320.00')
    expect(yuan(116666)).toBe('1,166.66')
    expect(yuan(-5)).toBe('-0.05')
    expect(yuan(0)).toBe('0.00')
    expect(yuan(123456789012)).toBe('1,234,567,890.12')
  })

  it('reads typed yuan to fen without floating point, and refuses what is not an amount', () => {
    expect(parseYuan('1320')).toBe(132000)
    expect(parseYuan('1,320.5')).toBe(132050)
    expect(parseYuan('０.１')).toBe(10)
    expect(parseYuan('0.29')).toBe(29) // 0.29 * 100 is 28.999… as a float
    expect(parseYuan('1.234')).toBeNull()
    expect(parseYuan('-3')).toBeNull()
    expect(parseYuan('abc')).toBeNull()
  })
})

describe('levelArithmetic', () => {
  it('says the deep level with its arithmetic from the facts', () => {
    i18n.global.locale.value = 'zh-CN'
    const text = levelArithmetic(file(), i18n.global.t)
    expect(text).toBe('人均月收入 =（年可支配收入 48,000.00 − 刚性支出 6,000.00）÷ 12 ÷ 3 = 1,166.66 元 ≤ 低保 1,320.00 元 → 深度困难')
  })

  it('compares with twice the line for relative and none, in English too', () => {
    i18n.global.locale.value = 'en'
    const relative = levelArithmetic(file({ level_computed: 'relative', per_head_monthly_fen: 200000 }), i18n.global.t)
    expect(relative).toContain('¥2,000.00')
    expect(relative).toContain('¥2,640.00')
    expect(relative).toContain('→ Relative hardship')
    const none = levelArithmetic(file({ level_computed: 'none', per_head_monthly_fen: 300000 }), i18n.global.t)
    expect(none).toContain('> twice the 低保 line ¥2,640.00')
    i18n.global.locale.value = 'zh-CN'
  })

  it('names the exclusions and the sudden cost shares', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(levelArithmetic(file({ level_computed: 'excluded', exclusions: ['two_or_more_homes'] }), i18n.global.t)).toContain('拥有两套及以上住房')
    const sudden = levelArithmetic(file({ level_computed: 'sudden', sudden_cost_fen: 5000000, per_head_monthly_fen: 300000 }), i18n.global.t)
    expect(sudden).toContain('50,000.00')
    expect(sudden).toContain('80%')
  })

  it('colours the levels', () => {
    expect(levelTagType('deep')).toBe('danger')
    expect(levelTagType('relative')).toBe('warning')
    expect(levelTagType('excluded')).toBe('info')
  })
})

describe('buildOpenPayload', () => {
  it('sends a member file with the member, the other people and amounts in fen', () => {
    const form = emptyOpenForm()
    form.memberId = '77'
    form.memberIncome = '24000'
    form.people = [{ ...emptyPerson('child'), name: ' 王小明 ', idNumber: '11010120100101123x', income: '' }]
    form.expenses = [{ kind: 'medical', amount: '6,000' }]
    form.mainCause = 'illness'
    form.secondaryCauses = ['illness', 'low_wage', 'schooling', 'accident', 'other']
    form.exclusions = ['two_or_more_homes']
    const { payload, errors } = buildOpenPayload(form)
    expect(errors).toEqual({})
    expect(payload).toEqual({
      member_id: '77',
      member_income_fen: 2400000,
      household: [{ relation: 'child', name: '王小明', id_number: '11010120100101123X', income_fen: 0 }],
      expenses: [{ kind: 'medical', amount_fen: 600000 }],
      sudden_cost_fen: 0,
      sudden_medical_fen: 0,
      main_cause: 'illness',
      // the main cause is not secondary, and at most three
      secondary_causes: ['low_wage', 'schooling', 'accident'],
      exclusions: ['two_or_more_homes'],
    })
  })

  it('leaves the member out of a file entered by hand, and names the amounts that are not yuan', () => {
    const form = emptyOpenForm()
    form.source = 'hand'
    form.memberId = '77'
    form.orgId = '5'
    form.requestId = '9001'
    form.people = [{ ...emptyPerson(), name: '王秀英', idNumber: 'x', income: '12.345', workStatus: 'unemployed' }]
    form.suddenCost = 'lots'
    const { payload, errors } = buildOpenPayload(form)
    expect(payload.member_id).toBeUndefined()
    expect(payload.org_id).toBe('5')
    expect(payload.request_id).toBe('9001')
    expect(payload.household[0]?.work_status).toBe('unemployed')
    expect(errors).toEqual({ 'household[0].income_fen': 'hardship.form.amountRule', sudden_cost_fen: 'hardship.form.amountRule' })
  })
})

describe('workflow steps', () => {
  it('splits visitors at commas of either width, 顿号 and spaces, dropping blanks', () => {
    expect(splitVisitors('王芳，李强、 赵敏,  周杰 ')).toEqual(['王芳', '李强', '赵敏', '周杰'])
    expect(splitVisitors(' ， ')).toEqual([])
    expect(splitVisitors('王芳')).toEqual(['王芳'])
  })
  it('asks a note only of an objection and its answer', () => {
    expect(stepNeedsNote('object')).toBe(true)
    expect(stepNeedsNote('answer')).toBe(true)
    expect(stepNeedsNote('approve')).toBe(false)
    expect(stepNeedsNote('visit')).toBe(false)
  })
})
