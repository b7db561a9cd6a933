// The one vue-i18n instance and the current locale: the browser's language on a first visit
// (zh-CN unless it prefers English), then the user's choice persisted in localStorage, mirrored to <html lang>, the page title and the API's Accept-Language.
import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN, { type MessageSchema } from './zh-CN'

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof SUPPORTED_LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'zhijia.locale'

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value)
}

/** On a first visit (nothing chosen yet) the browser's preferred languages decide: the first
 *  Chinese or English one wins (zh-TW and en-GB too); anything else gets zh-CN. */
export function browserLocale(languages: readonly string[] | undefined): AppLocale {
  for (const tag of languages ?? []) {
    const lang = tag.toLowerCase()
    if (lang === 'zh' || lang.startsWith('zh-')) return 'zh-CN'
    if (lang === 'en' || lang.startsWith('en-')) return 'en'
  }
  return DEFAULT_LOCALE
}

function storedLocale(): AppLocale {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY)
    if (isAppLocale(value)) return value
  } catch {
    // storage disabled: as on a first visit
  }
  return browserLocale(globalThis.navigator?.languages)
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
})

export function currentLocale(): AppLocale {
  return i18n.global.locale.value
}

export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}
