import { describe, expect, it } from 'vitest'
import type { LegalApi } from '@/api/legal'
import { caseFlags, isLegalCategory, newCasePayload, nextStages, reachedStages, recoveredShare, stageSpan, stageTagType } from './legal-text'

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}:${JSON.stringify(params)}` : key)

describe('legal-text', () => {
  it('offers only later open stages, skipping allowed, none after closing', () => {
    expect(nextStages('consultation')).toEqual(['mediation', 'arbitration', 'litigation', 'enforcement'])
    expect(nextStages('litigation')).toEqual(['enforcement'])
    expect(nextStages('enforcement')).toEqual([])
    expect(nextStages('closed')).toEqual([])
  })

  it('knows which requests may become a case', () => {
    expect(isLegalCategory('legal_aid')).toBe(true)
    expect(isLegalCategory('rights.wage_arrears')).toBe(true)
    expect(isLegalCategory('consultation')).toBe(false)
    expect(isLegalCategory('hardship')).toBe(false)
    expect(isLegalCategory(undefined)).toBe(false)
  })

  it('writes a stage open since its start, or between its dates', () => {
    const open: LegalApi.StageEntry = { stage: 'mediation', started_on: '2026-11-01', ended_on: null, note: '', at: 0 }
    expect(stageSpan(open, t)).toBe('legal.detail.since:{"from":"2026-11-01"}')
    expect(stageSpan({ ...open, ended_on: '2026-11-10' }, t)).toBe('legal.detail.range:{"from":"2026-11-01","to":"2026-11-10"}')
  })

  it('flags a collective case and whether its alert waits', () => {
    expect(caseFlags({ collective: false, alerted_at: null, alert_acknowledged_at: null }, t)).toEqual([])
    expect(caseFlags({ collective: true, alerted_at: 1, alert_acknowledged_at: null }, t)).toEqual(['legal.collective', 'legal.alertOpen'])
    expect(caseFlags({ collective: true, alerted_at: 1, alert_acknowledged_at: 2 }, t)).toEqual(['legal.collective', 'legal.alertAcknowledged'])
  })

  it('colours stages from first to last', () => {
    expect(stageTagType('consultation')).toBe('primary')
    expect(stageTagType('enforcement')).toBe('danger')
    expect(stageTagType('closed')).toBe('info')
  })

  it('computes the share recovered in whole percent', () => {
    expect(recoveredShare({ claimed_fen: 0, recovered_fen: 0 })).toBeNull()
    expect(recoveredShare({ claimed_fen: 300, recovered_fen: 100 })).toBe(33)
    expect(recoveredShare({ claimed_fen: 100, recovered_fen: 150 })).toBe(100)
  })

  it('builds the opening payload in fen, leaving blanks out', () => {
    const form = { requestId: ' 42 ', orgId: '', type: 'wage_arrears' as const, title: ' 拖欠工资 ', uscc: '91110000100000000r', employerName: '', claimed: '1,200.5' }
    expect(newCasePayload(form)).toEqual({
      body: { type: 'wage_arrears', title: '拖欠工资', claimed_fen: 120050, request_id: '42', employer_uscc: '91110000100000000R' },
    })
    expect(newCasePayload({ ...form, claimed: '' })).toEqual({
      body: { type: 'wage_arrears', title: '拖欠工资', claimed_fen: 0, request_id: '42', employer_uscc: '91110000100000000R' },
    })
    expect(newCasePayload({ ...form, claimed: '12.345' })).toEqual({ field: 'claimed' })
  })

  it('lists the open stages a case has reached, in order and once each', () => {
    const entries: Pick<LegalApi.StageEntry, 'stage'>[] = [{ stage: 'arbitration' }, { stage: 'consultation' }, { stage: 'closed' }, { stage: 'arbitration' }]
    expect(reachedStages(entries)).toEqual(['consultation', 'arbitration'])
    expect(reachedStages([])).toEqual([])
  })
})
