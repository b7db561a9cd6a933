import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import type { NotificationsApi } from '@/api/notifications'
import en from '@/locales/en'
import zhCN from '@/locales/zh-CN'
import { badgeText, entryLink, knownKinds, messageArgs, messageKey } from './inbox'

function entry(kind: string, params: NotificationsApi.Entry['params'] = {}): NotificationsApi.Entry {
  return { id: '9', kind, params, subject_id: '42', created_at: 0, read_at: null }
}

describe('inbox entries', () => {
  it('renders every known kind in both languages with its parameters', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } })
      for (const kind of knownKinds) {
        const key = messageKey(kind)
        expect(i18n.global.te(key), `${locale} ${key}`).toBe(true)
        if (kind.startsWith('correction.')) {
          const args = messageArgs(entry(kind, { field: 'name', reason: '请带证件办理' }), i18n.global.t)
          const text = i18n.global.t(key, args)
          expect(text).toContain(locale === 'en' ? 'Name' : '姓名')
          expect(text).not.toContain('{')
          if (kind === 'correction.rejected') expect(text).toContain('请带证件办理')
          continue
        }
        if (kind.startsWith('activity.')) {
          const text = i18n.global.t(key, messageArgs(entry(kind, { title: '职工足球杯', starts_at: 0 })))
          expect(text).toContain('职工足球杯')
          expect(text).not.toContain('{')
          continue
        }
        if (kind === 'certificate.expiring') {
          const text = i18n.global.t(key, messageArgs(entry(kind, { title: '电工技能提升班', expires_on: '2027-01-31' })))
          expect(text).toContain('电工技能提升班')
          expect(text).toContain('2027-01-31')
          continue
        }
        if (kind.startsWith('transfer.')) {
          const text = i18n.global.t(key, messageArgs(entry(kind, { from: '甲公司工会', to: '乙公司工会' })))
          expect(text).toContain('乙公司工会')
          continue
        }
        const text = i18n.global.t(key, messageArgs(entry(kind, { number: 'Q2026001', title: '工资未发' })))
        expect(text).toContain('Q2026001')
        expect(text).toContain('工资未发')
      }
    }
  })

  it('reads an unknown kind (a newer server) as a generic update, not a raw key', () => {
    expect(messageKey('activity.reminder')).toBe('portalInbox.kinds.unknown')
    expect(messageKey('request')).toBe('portalInbox.kinds.unknown')
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
    expect(i18n.global.t(messageKey('activity.reminder'))).toBe('An update for you')
  })

  it('fills missing or null parameters with empty text', () => {
    expect(messageArgs(entry('request.reply', { number: 'Q1', title: null, status: 'accepted' }))).toEqual({
      number: 'Q1',
      title: '',
      status: 'accepted',
    })
  })

  it('opens the request a request entry is about, My membership for a transfer, My data for a correction, and nothing for other kinds', () => {
    expect(entryLink(entry('request.accepted'))).toEqual({ name: 'portal-my-request', params: { id: '42' } })
    expect(entryLink({ ...entry('request.reply'), subject_id: null })).toBeUndefined()
    expect(entryLink(entry('activity.reminder'))).toBeUndefined()
    expect(entryLink(entry('activity.offered'))).toEqual({ name: 'portal-activities' })
    expect(entryLink(entry('certificate.expiring'))).toEqual({ name: 'portal-training' })
    expect(entryLink(entry('transfer.approved'))).toEqual({ name: 'portal-membership' })
    expect(entryLink(entry('correction.rejected'))).toEqual({ name: 'portal-my-data' })
  })

  it('shows the badge from 1 and caps it at 99+', () => {
    expect(badgeText(0)).toBe('')
    expect(badgeText(1)).toBe('1')
    expect(badgeText(99)).toBe('99')
    expect(badgeText(100)).toBe('99+')
  })
})
