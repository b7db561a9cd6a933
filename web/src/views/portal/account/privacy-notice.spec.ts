import { describe, expect, it } from 'vitest'
import en from '@/locales/en'
import zhCN from '@/locales/zh-CN'
import { needsNotice, PRIVACY_NOTICE_PARAGRAPHS, PRIVACY_NOTICE_VERSION } from './privacy-notice'

describe('privacy notice', () => {
  it('is asked for when never accepted or accepted in an older version', () => {
    expect(needsNotice(null)).toBe(true)
    expect(needsNotice(PRIVACY_NOTICE_VERSION - 1)).toBe(true)
    expect(needsNotice(1, 2)).toBe(true)
    expect(needsNotice(PRIVACY_NOTICE_VERSION)).toBe(false)
    expect(needsNotice(3, 2)).toBe(false)
  })

  it('lets the worker on when the server could not be asked', () => {
    expect(needsNotice(undefined)).toBe(false)
  })

  it('has every paragraph in both languages', () => {
    for (const messages of [zhCN, en]) {
      const paragraphs = messages.portalAccount.privacy.paragraphs as Record<string, { title: string; text: string }>
      for (const key of PRIVACY_NOTICE_PARAGRAPHS) {
        expect(paragraphs[key]?.title, key).toBeTruthy()
        expect(paragraphs[key]?.text, key).toBeTruthy()
      }
    }
  })
})
