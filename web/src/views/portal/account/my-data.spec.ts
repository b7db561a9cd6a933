import { describe, expect, it } from 'vitest'
import type { MyDataApi } from '@/api/my-data'
import { escapeHtml, myDataFileName, myDataHtml, myDataSections } from './my-data'

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}:${JSON.stringify(named)}` : key)

function data(overrides: Partial<MyDataApi.Data> = {}): MyDataApi.Data {
  return {
    generated_at: Date.UTC(2026, 11, 6, 8),
    account: { id: '7', phone_masked: '136****1019', status: 'active', created_at: 1, last_sign_in_at: 2, bound_at: 3 },
    sessions: [{ created_at: 1, last_seen_at: 2, expires_at: 3, remote_addr: '198.51.100.7' }],
    member: {
      id: '9',
      name: '李明华',
      card_number: 'BJ0001',
      id_number_masked: '110101********1024',
      phone_masked: '136****1019',
      gender: 'male',
      birth_date: '1990-03-07',
      ethnicity: '汉族',
      employer: null,
      join_date: '2018-05-01',
      union_name: '东华门工会',
      migrant_worker: false,
      model_worker: true,
      status: 'active',
      status_changed_on: null,
      recorded_at: 4,
    },
    bindings: [],
    corrections: [
      {
        id: '21',
        field: 'gender',
        old_value: 'male',
        new_value: 'female',
        note: '登记错了',
        state: 'rejected',
        created_at: 10,
        decided_at: 11,
        reason: '与身份证不符',
      },
    ],
    consents: {
      uses: [
        { use: 'activity_sms', granted: false, changed_at: null },
        { use: 'surveys', granted: false, changed_at: 8 },
        { use: 'honours_name', granted: true, changed_at: 9 },
      ],
      history: [
        { use: 'honours_name', granted: true, at: 9 },
        { use: 'surveys', granted: false, at: 8 },
        { use: 'surveys', granted: true, at: 7 },
      ],
    },
    privacy_notice: { version: 1, accepted_at: 2 },
    requests: [
      {
        id: '11',
        tracking_number: 'ZJ2612060001',
        category_name: '工资拖欠',
        title: '八月工资',
        status: 'resolved',
        org_name: '东华门街道总工会',
        created_at: 5,
        resolved_at: 6,
        resolution: '已补发',
        rating: 4,
        may_rate: false,
        may_reopen: false,
        may_withdraw: false,
        events: [{ at: 5, kind: 'status', from_status: null, to_status: 'submitted', org_name: null, body: null }],
        channel: 'portal',
        description: '<script>alert(1)</script> & 未发',
        contact_name: '李明华',
        contact_phone_masked: '136****1019',
        rating_comment: '满意',
      },
    ],
    ...overrides,
  }
}

describe('my data', () => {
  it('describes every section, the member and each request with its values', () => {
    const sections = myDataSections(data(), t, 'zh-CN')
    expect(sections.map((s) => s.key)).toEqual(['account', 'member', 'bindings', 'corrections', 'requests', 'sessions', 'consents', 'notice'])
    const correction = sections.find((s) => s.key === 'corrections')!.groups[0]!
    expect(correction.heading).toBe('portalAccount.corrections.fields.gender')
    expect(correction.rows.map((r) => r.value)).toContain('members.genders.male → members.genders.female')
    expect(correction.rows.map((r) => r.value)).toContain('与身份证不符')
    const values = sections.flatMap((s) => s.groups.flatMap((g) => g.rows.map((r) => r.value)))
    expect(values).toContain('110101********1024')
    expect(values).toContain('李明华 136****1019')
    expect(values).toContain('4 / 5 满意')
    expect(sections.find((s) => s.key === 'requests')?.groups[0]?.heading).toBe('ZJ2612060001 八月工资')
  })

  it('lists each optional use with its state and every grant and withdrawal, newest first', () => {
    const sections = myDataSections(data(), t, 'en')
    const consents = sections.find((s) => s.key === 'consents')
    expect(consents?.groups[0]?.rows.map((r) => r.label)).toEqual([
      'portalAccount.consent.uses.activity_sms',
      'portalAccount.consent.uses.surveys',
      'portalAccount.consent.uses.honours_name',
    ])
    expect(consents?.groups[0]?.rows[0]?.value).toBe('portalAccount.myData.consentNotGranted')
    expect(consents?.groups[0]?.rows[2]?.value.startsWith('portalAccount.myData.consentGranted · ')).toBe(true)
    const changes = consents?.groups[1]?.rows[0]?.value.split('\n') ?? []
    expect(changes).toHaveLength(3)
    expect(changes[0]).toContain('honours_name portalAccount.myData.consentGave')
    expect(changes[1]).toContain('surveys portalAccount.myData.consentWithdrew')
    const notice = sections.find((s) => s.key === 'notice')
    expect(notice?.groups[0]?.rows[0]?.value).toBe('1')
  })

  it('shows no history and no notice before the worker answered', () => {
    const sections = myDataSections(
      data({ consents: { uses: [], history: [] }, privacy_notice: { version: null, accepted_at: null } }),
      t,
      'en',
    )
    expect(sections.find((s) => s.key === 'consents')?.groups).toHaveLength(1)
    expect(sections.find((s) => s.key === 'notice')?.groups[0]?.rows.map((r) => r.value)).toEqual(['—', '—'])
  })

  it('says so when the worker is not bound and has no requests', () => {
    const sections = myDataSections(data({ member: null, requests: [] }), t, 'en')
    expect(sections[1]?.groups).toEqual([])
    expect(sections[1]?.empty).toBe('portalAccount.myData.notBound')
    expect(sections.find((s) => s.key === 'requests')?.empty).toBe('portalAccount.myData.noRequests')
  })

  it('writes a standalone page with every value escaped', () => {
    const html = myDataHtml(data(), t, 'zh-CN')
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; 未发')
    expect(html).toContain('ZJ2612060001')
    expect(html).toContain('<h2>portalAccount.myData.requests</h2>')
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;')
  })

  it('names the file by the day it was made', () => {
    expect(myDataFileName(data(), 'json')).toBe('zhijia-my-data-2026-12-06.json')
  })
})
