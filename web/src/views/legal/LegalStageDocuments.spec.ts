import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LegalApi } from '@/api/legal'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import LegalStageDocuments from './LegalStageDocuments.vue'

function detail(closed: boolean): LegalApi.Detail {
  const entry = (stage: LegalApi.Stage) => ({ stage, started_on: '2026-11-01', ended_on: null, note: '', at: 1 })
  return {
    case: { id: '42', closed_at: closed ? 1795593600000 : null } as unknown as LegalApi.Case,
    request: null,
    workers: [],
    stages: [entry('consultation'), entry('arbitration')],
    collective_rule: { workers: 10, amount_fen: 50000000 },
  }
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  setLocale('zh-CN')
  fetchMock = vi.fn(async () => new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'Content-Type': 'application/json' } }))
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch })
})

afterEach(() => {
  resetApiClient()
  document.body.innerHTML = ''
})

describe('LegalStageDocuments', () => {
  it("offers one tab per stage reached, opens on the latest and lists that stage's documents", async () => {
    const view = mount(LegalStageDocuments, { props: { detail: detail(false) }, global: { plugins: [i18n] } })
    await flushPromises()
    expect(view.findAll('.el-tabs__item').map((t) => t.text())).toEqual([i18n.global.t('legal.stages.consultation'), i18n.global.t('legal.stages.arbitration')])
    const url = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://localhost')
    expect(url.pathname).toBe('/api/v1/legal/cases/42/stages/arbitration/documents')
    expect(view.find('[data-testid="legal-documents-arbitration-upload"]').exists()).toBe(true)
    view.unmount()
  })

  it('takes no new documents once the case is closed', async () => {
    const view = mount(LegalStageDocuments, { props: { detail: detail(true) }, global: { plugins: [i18n] } })
    await flushPromises()
    expect(view.find('[data-testid="legal-documents-arbitration-upload"]').exists()).toBe(false)
    view.unmount()
  })
})
