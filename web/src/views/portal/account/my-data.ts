// My data as sections of labelled rows, one description for the page and for the downloaded
// HTML copy, so what the worker reads on screen and what they keep are the same. The HTML is
// written here (a readable page that opens offline in any browser); every value is escaped.
import type { MyDataApi } from '@/api/my-data'
import { formatDate, formatDateTime } from '@/utils/format'
import { shownValue } from './corrections'

export type Translate = (key: string, named?: Record<string, unknown>) => string

export interface Row {
  label: string
  /** Lines of plain text. */
  value: string
}
export interface Group {
  heading?: string
  rows: Row[]
}
export interface Section {
  key: 'account' | 'notice' | 'consents' | 'member' | 'bindings' | 'corrections' | 'requests' | 'sessions'
  title: string
  groups: Group[]
  /** Shown when there are no groups. */
  empty: string
}

const DASH = '—'

function dateTime(ms: number | null | undefined, locale: string): string {
  return ms == null ? DASH : formatDateTime(ms, locale)
}

function text(value: string | null | undefined): string {
  return value == null || value === '' ? DASH : value
}

export function myDataSections(data: MyDataApi.Data, t: Translate, locale: string): Section[] {
  const k = (key: string) => t(`portalAccount.myData.${key}`)
  const yesNo = (v: boolean) => k(v ? 'yes' : 'no')
  const account: Group = {
    rows: [
      { label: k('phone'), value: data.account.phone_masked },
      { label: k('opened'), value: dateTime(data.account.created_at, locale) },
      { label: k('lastSignIn'), value: dateTime(data.account.last_sign_in_at, locale) },
      { label: k('boundAt'), value: dateTime(data.account.bound_at, locale) },
    ],
  }
  const m = data.member
  const member: Group[] = m
    ? [
        {
          rows: [
            { label: k('name'), value: m.name },
            { label: k('cardNumber'), value: m.card_number },
            { label: k('idNumber'), value: m.id_number_masked },
            { label: k('phone'), value: text(m.phone_masked) },
            { label: k('gender'), value: t(`members.genders.${m.gender}`) },
            { label: k('birthDate'), value: formatDate(m.birth_date, locale) },
            { label: k('ethnicity'), value: text(m.ethnicity) },
            { label: k('employer'), value: text(m.employer) },
            { label: k('joinDate'), value: m.join_date ? formatDate(m.join_date, locale) : DASH },
            { label: k('union'), value: m.union_name },
            { label: k('status'), value: t(`members.statuses.${m.status}`) },
            { label: k('migrantWorker'), value: yesNo(m.migrant_worker) },
            { label: k('modelWorker'), value: yesNo(m.model_worker) },
            { label: k('recordedAt'), value: dateTime(m.recorded_at, locale) },
          ],
        },
      ]
    : []
  const bindings: Group[] = data.bindings.map((b) => ({
    heading: `${b.member_name} · ${b.union_name}`,
    rows: [
      { label: k('bindingState'), value: t(`workerBindings.states.${b.state}`) },
      { label: k('askedAt'), value: dateTime(b.created_at, locale) },
      { label: k('decidedAt'), value: dateTime(b.decided_at, locale) },
    ],
  }))
  const requests: Group[] = data.requests.map((r) => ({
    heading: `${r.tracking_number} ${r.title}`,
    rows: [
      { label: k('category'), value: r.category_name },
      { label: k('requestStatus'), value: t(`requests.statuses.${r.status}`) },
      { label: k('channel'), value: t(`requests.channels.${r.channel}`) },
      { label: k('description'), value: r.description },
      { label: k('contact'), value: `${r.contact_name} ${r.contact_phone_masked}` },
      { label: k('handledBy'), value: text(r.org_name) },
      { label: k('submittedAt'), value: dateTime(r.created_at, locale) },
      { label: k('resolvedAt'), value: dateTime(r.resolved_at, locale) },
      { label: k('resolution'), value: text(r.resolution) },
      { label: k('rating'), value: r.rating == null ? DASH : `${r.rating} / 5 ${r.rating_comment ?? ''}`.trim() },
      {
        label: k('timeline'),
        value: r.events
          .map((e) => {
            const what = e.to_status ? t(`requests.statuses.${e.to_status}`) : ''
            return [dateTime(e.at, locale), e.org_name ?? '', what, e.body ?? ''].filter(Boolean).join(' ')
          })
          .join('\n'),
      },
    ],
  }))
  const corrections: Group[] = data.corrections.map((c) => ({
    heading: t(`portalAccount.corrections.fields.${c.field}`),
    rows: [
      { label: k('correctionChange'), value: `${shownValue(c.field, c.old_value, t)} → ${shownValue(c.field, c.new_value, t)}` },
      { label: k('askedAt'), value: dateTime(c.created_at, locale) },
      { label: k('correctionState'), value: t(`portalAccount.corrections.states.${c.state}`) },
      ...(c.decided_at == null ? [] : [{ label: k('decidedAt'), value: dateTime(c.decided_at, locale) }]),
      ...(c.reason ? [{ label: k('correctionReason'), value: c.reason }] : []),
    ],
  }))
  const sessions: Group[] = data.sessions.map((s) => ({
    rows: [
      { label: k('signedInAt'), value: dateTime(s.created_at, locale) },
      { label: k('lastSeenAt'), value: dateTime(s.last_seen_at, locale) },
      { label: k('expiresAt'), value: dateTime(s.expires_at, locale) },
      { label: k('address'), value: text(s.remote_addr) },
    ],
  }))
  const notice: Group = {
    rows: [
      { label: k('noticeVersion'), value: data.privacy_notice.version == null ? DASH : String(data.privacy_notice.version) },
      { label: k('noticeAcceptedAt'), value: dateTime(data.privacy_notice.accepted_at, locale) },
    ],
  }
  const state = (granted: boolean) => k(granted ? 'consentGranted' : 'consentNotGranted')
  const consents: Group[] = [
    {
      rows: data.consents.uses.map((u) => ({
        label: t(`portalAccount.consent.uses.${u.use}`),
        value: u.changed_at == null ? state(false) : `${state(u.granted)} · ${dateTime(u.changed_at, locale)}`,
      })),
    },
  ]
  if (data.consents.history.length) {
    consents.push({
      heading: k('consentHistory'),
      rows: [
        {
          label: k('consentChanges'),
          value: data.consents.history
            .map((h) => `${dateTime(h.at, locale)} ${t(`portalAccount.consent.uses.${h.use}`)} ${k(h.granted ? 'consentGave' : 'consentWithdrew')}`)
            .join('\n'),
        },
      ],
    })
  }
  return [
    { key: 'account', title: k('account'), groups: [account], empty: '' },

    { key: 'member', title: k('member'), groups: member, empty: k('notBound') },
    { key: 'bindings', title: k('bindings'), groups: bindings, empty: k('noBindings') },
    { key: 'corrections', title: k('corrections'), groups: corrections, empty: k('noCorrections') },
    { key: 'requests', title: k('requests'), groups: requests, empty: k('noRequests') },
    { key: 'sessions', title: k('sessions'), groups: sessions, empty: k('noSessions') },
    { key: 'consents', title: k('consents'), groups: consents, empty: '' },
    { key: 'notice', title: k('privacyNotice'), groups: [notice], empty: '' },
  ]
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}

function lines(value: string): string {
  return value.split('\n').map(escapeHtml).join('<br>')
}

/** A standalone, readable HTML page of My data (inline styles, no scripts, no outside files). */
export function myDataHtml(data: MyDataApi.Data, t: Translate, locale: string): string {
  const title = t('portalAccount.myData.title')
  const body = myDataSections(data, t, locale)
    .map((section) => {
      const groups = section.groups.length
        ? section.groups
            .map(
              (g) =>
                (g.heading ? `<h3>${escapeHtml(g.heading)}</h3>` : '') +
                `<table>${g.rows.map((r) => `<tr><th>${escapeHtml(r.label)}</th><td>${lines(r.value)}</td></tr>`).join('')}</table>`,
            )
            .join('')
        : `<p class="empty">${escapeHtml(section.empty)}</p>`
      return `<section><h2>${escapeHtml(section.title)}</h2>${groups}</section>`
    })
    .join('\n')
  const generated = t('portalAccount.myData.generated', { at: formatDateTime(data.generated_at, locale) })
  return `<!doctype html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:760px;margin:0 auto;padding:16px;color:#1f2329;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:24px 0 8px;border-bottom:1px solid #dcdfe6;padding-bottom:4px}
h3{font-size:15px;margin:12px 0 4px}table{border-collapse:collapse;width:100%;margin-bottom:8px}
th{text-align:left;vertical-align:top;width:9em;color:#606266;font-weight:normal;padding:4px 8px 4px 0}
td{padding:4px 0;word-break:break-word}.meta,.empty{color:#909399}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(generated)}</p>
<p>${escapeHtml(t('portalAccount.myData.notice'))}</p>
${body}
</body></html>
`
}

/** The download's file name: zhijia-my-data-2026-12-06.json */
export function myDataFileName(data: MyDataApi.Data, extension: 'json' | 'html'): string {
  return `zhijia-my-data-${new Date(data.generated_at).toISOString().slice(0, 10)}.${extension}`
}

/** Hands `text` to the browser as a downloaded file. */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
