import { describe, expect, it } from 'vitest'
import en from './en'
import { browserLocale } from './index'
import zhCN from './zh-CN'

/** Every leaf of a message tree as "a.b.c" → value. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of leaves(value, path)) out.set(k, v)
    } else {
      out.set(path, value)
    }
  }
  return out
}

describe('locales', () => {
  const zhKeys = leaves(zhCN)
  const enKeys = leaves(en)

  it('english has every key of zh-CN', () => {
    const missing = [...zhKeys.keys()].filter((k) => !enKeys.has(k))
    expect(missing).toEqual([])
  })

  it('zh-CN has every key of english', () => {
    const missing = [...enKeys.keys()].filter((k) => !zhKeys.has(k))
    expect(missing).toEqual([])
  })

  it('every message is a non-empty string', () => {
    for (const [key, value] of [...zhKeys, ...enKeys]) {
      expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true)
    }
  })

  it('placeholders match between languages', () => {
    // Each name once: English plural forms ("1 member | {count} members") repeat a placeholder.
    const params = (s: unknown) => [...new Set([...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()
    for (const [key, value] of zhKeys) {
      expect(params(enKeys.get(key)), key).toEqual(params(value))
    }
  })
})

describe('browserLocale', () => {
  it("follows the browser's first Chinese or English preference on a first visit", () => {
    expect(browserLocale(['en-US', 'zh-CN'])).toBe('en')
    expect(browserLocale(['zh-TW', 'en'])).toBe('zh-CN')
    expect(browserLocale(['de-DE', 'en-GB'])).toBe('en')
    expect(browserLocale(['fr'])).toBe('zh-CN')
    expect(browserLocale(undefined)).toBe('zh-CN')
  })
})
