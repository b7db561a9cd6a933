import { describe, expect, it } from 'vitest'
import type { MyHardshipApi } from '@/api/my-hardship'
import {
  becameLabel,
  buildApplication,
  emptyApplyForm,
  emptyOther,
  grantStatusText,
  grantTag,
  householdSize,
  idCheckDigitOk,
  openFile,
  periodText,
  stageLine,
  stepIndex,
  yuanText,
} from './my-hardship'

const t = (key: string, params?: Record<string, unknown>) => (params && Object.keys(params).length ? `${key}${JSON.stringify(params)}` : key)

function file(over: Partial<MyHardshipApi.File> = {}): MyHardshipApi.File {
  return {
    id: '1',
    union_name: '甲公司工会',
    stage: 'applied',
    publicity_ends_on: null,
    review_due_on: null,
    level: 'deep',
    household_size: 2,
    opened_on: '2026-11-01',
    closed_on: null,
    close_reason: null,
    grants: [],
    ...over,
  }
}

function grant(over: Partial<MyHardshipApi.Grant> = {}): MyHardshipApi.Grant {
  return { id: '9', kind: 'living', period: '2026', amount_fen: 1450000, status: 'approved', paid_on: null, proposed_at: 0, decided_at: 1, ...over }
}

describe('my help: reading a file', () => {
  it('places each stage on the step bar, an active or closed file past every step', () => {
    expect(stepIndex('applied')).toBe(0)
    expect(stepIndex('under_review')).toBe(1)
    expect(stepIndex('visited')).toBe(2)
    expect(stepIndex('publicity')).toBe(3)
    expect(stepIndex('active')).toBe(5)
    expect(stepIndex('closed')).toBe(5)
  })

  it('says the stage with its day', () => {
    expect(stageLine(file({ stage: 'publicity', publicity_ends_on: '2026-12-01' }), t)).toBe('portalHardship.stageLine.publicityUntil{"date":"2026-12-01"}')
    expect(stageLine(file({ stage: 'active', review_due_on: '2027-11-25' }), t)).toBe('portalHardship.stageLine.activeReview{"date":"2027-11-25"}')
    expect(stageLine(file({ stage: 'active' }), t)).toBe('portalHardship.stageLine.active')
    expect(stageLine(file({ stage: 'under_review' }), t)).toBe('portalHardship.stageLine.under_review')
    expect(stageLine(file({ stage: 'closed', close_reason: 'lifted', closed_on: '2026-11-20' }), t)).toBe(
      'portalHardship.stageLine.closed{"reason":"hardship.closeReasons.lifted","date":"2026-11-20"}',
    )
  })

  it('finds the open file among closed ones', () => {
    const closed = file({ id: '1', stage: 'closed' })
    const open = file({ id: '2', stage: 'visited' })
    expect(openFile({ files: [closed], may_apply: true })).toBeNull()
    expect(openFile({ files: [open, closed], may_apply: false })?.id).toBe('2')
  })
})

describe('my help: grants', () => {
  it('shows amounts in yuan', () => {
    expect(yuanText(1450000)).toBe('¥14,500.00')
    expect(yuanText(50000)).toBe('¥500.00')
    expect(yuanText(5)).toBe('¥0.05')
  })

  it('colours and words each status, a payment with its day', () => {
    expect(grantTag('paid')).toBe('success')
    expect(grantTag('approved')).toBe('primary')
    expect(grantTag('under_approval')).toBe('warning')
    expect(grantTag('not_granted')).toBe('info')
    expect(grantStatusText(grant({ status: 'paid', paid_on: '2026-11-20' }), t)).toBe('portalHardship.grant.paidOn{"date":"2026-11-20"}')
    expect(grantStatusText(grant({ status: 'not_granted' }), t)).toBe('portalHardship.grant.statuses.not_granted')
  })

  it('words a period of a year or a month', () => {
    expect(periodText('2026', t)).toBe('portalHardship.grant.year{"year":"2026"}')
    expect(periodText('2026-03', t)).toBe('portalHardship.grant.month{"year":"2026","month":"3"}')
    expect(periodText('odd', t)).toBe('odd')
  })
})

describe('my help: the application form', () => {
  it('checks the ID number’s check character', () => {
    expect(idCheckDigitOk('110101199003070011')).toBe(true)
    expect(idCheckDigitOk('11010519491231002x')).toBe(true)
    expect(idCheckDigitOk('110101199003070012')).toBe(false)
    expect(idCheckDigitOk('１１０１０１１９９００３０７００１１')).toBe(true)
    expect(idCheckDigitOk('1101011990030700')).toBe(false)
  })

  it('builds the body in fen with the household around the worker', () => {
    const form = emptyApplyForm()
    form.selfIncome = '12,000'
    form.people.push({ relation: 'spouse', name: ' 李红梅 ', idNumber: '110101199104050028', income: '' })
    form.expenses.push({ kind: 'medical', amount: '30000.5' })
    form.mainCause = 'illness'
    form.secondaryCauses = ['illness', 'low_wage']
    const { body, errors } = buildApplication(form)
    expect(errors).toEqual({})
    expect(householdSize(form)).toBe(2)
    expect(body).toEqual({
      member_income_fen: 1200000,
      household: [{ relation: 'spouse', name: '李红梅', id_number: '110101199104050028', income_fen: 0 }],
      expenses: [{ kind: 'medical', amount_fen: 3000050 }],
      sudden_cost_fen: 0,
      sudden_medical_fen: 0,
      main_cause: 'illness',
      secondary_causes: ['low_wage'],
    })
  })

  it('names each bad field as the server names it', () => {
    const form = emptyApplyForm()
    form.selfIncome = 'abc'
    form.people.push({ ...emptyOther(), name: '', idNumber: '110101199104050028' })
    form.people.push({ ...emptyOther(), relation: 'child', name: '张小明', idNumber: '110101199104050028', income: '1.234' })
    form.people.push({ ...emptyOther(), name: '王五', idNumber: '110101199104050029' })
    form.suddenCost = '100'
    form.suddenMedical = '200'
    form.secondaryCauses = ['illness', 'low_wage', 'disability', 'other']
    const { errors } = buildApplication(form)
    expect(errors).toEqual({
      member_income_fen: 'portalHardship.apply.amountRule',
      'household[0].name': 'portalHardship.apply.nameRule',
      'household[1].id_number': 'portalHardship.apply.idTwice',
      'household[1].income_fen': 'portalHardship.apply.amountRule',
      'household[2].id_number': 'portalHardship.apply.idRule',
      main_cause: 'portalHardship.apply.causeRule',
      secondary_causes: 'portalHardship.apply.secondaryRule',
      sudden_medical_fen: 'portalHardship.apply.medicalRule',
    })
  })
})

describe('my requests: what a request became', () => {
  it('words a file with its stage and aid with its kind', () => {
    expect(becameLabel({ at: 1, kind: 'hardship_file', stage: 'active', aid_kind: null }, t)).toBe(
      'portalHardship.became.file{"stage":"portalHardship.steps.active"}',
    )
    expect(becameLabel({ at: 1, kind: 'hardship_file', stage: 'closed', aid_kind: null }, t)).toBe('portalHardship.became.file{"stage":"hardship.statuses.closed"}')
    expect(becameLabel({ at: 2, kind: 'aid_granted', stage: null, aid_kind: 'living' }, t)).toBe('portalHardship.became.aid{"kind":"aidGrants.kinds.living"}')
  })

  it('words a mutual-aid claim with its status', () => {
    expect(becameLabel({ at: 3, kind: 'mutual_aid_claim', stage: 'paid', aid_kind: null }, t)).toBe('portalMutualAid.became{"status":"portalMutualAid.statuses.paid"}')
  })
})
