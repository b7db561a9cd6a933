// The one place where dates, numbers and personal identifiers become display text.
// Masking follows DESIGN.md: the UI never shows a full national ID or phone number.
import { currentLocale } from '@/locales'

/** A national ID (GB 11643) with its birth date and sequence hidden: 110101********1234. */
export function maskId(id: string): string {
  const value = id.trim()
  if (value.length <= 10) return '*'.repeat(value.length)
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4)
}

/** A mobile number with its middle four digits hidden: 138****5678. */
export function maskPhone(phone: string): string {
  const value = phone.trim()
  if (value.length < 8) return '*'.repeat(value.length)
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4)
}

type DateInput = Date | string | number

function toDate(value: DateInput): Date | null {
  // A bare calendar date ("2026-09-14", as the API sends join and founding dates) is that day
  // here, not midnight UTC (which is the day before west of Greenwich).
  const day = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A local calendar day as the API writes dates and date pickers take them: 2026-03-07. */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** One date format per locale everywhere (tables, details, date pickers): 2026-03-07 in
 *  Chinese, as forms and government systems write it; Mar 7, 2026 in English. */
export function formatDate(value: DateInput, locale: string = currentLocale()): string {
  const date = toDate(value)
  if (!date) return '—'
  if (locale.startsWith('zh')) return isoDate(date)
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(date)
}

/** A date with time to the minute, 24-hour: the date as formatDate, then the time. */
export function formatDateTime(value: DateInput, locale: string = currentLocale()): string {
  const date = toDate(value)
  if (!date) return '—'
  return `${formatDate(date, locale)} ${formatTime(date, locale)}`
}

/** The display format of Element Plus date pickers (dayjs tokens), matching formatDate. */
export function datePickerFormat(locale: string = currentLocale()): string {
  return locale.startsWith('zh') ? 'YYYY-MM-DD' : 'MMM D, YYYY'
}

/** A count or amount with the locale's grouping, e.g. 12,345,678. */
export function formatNumber(
  value: number,
  locale: string = currentLocale(),
  options: Intl.NumberFormatOptions = {},
): string {
  if (!Number.isFinite(value)) return '—'
  return new Intl.NumberFormat(locale, options).format(value)
}

/** A share in [0, 1] as a percentage with one decimal: 0.4567 → 45.7%. */
export function formatPercent(ratio: number, locale: string = currentLocale()): string {
  return formatNumber(ratio, locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
}

/** A time of day to the minute, in 24-hour form (a deadline later today). */
export function formatTime(value: DateInput, locale: string = currentLocale()): string {
  const date = toDate(value)
  if (!date) return '—'
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date)
}
