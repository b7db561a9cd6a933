import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import JudgingView from './JudgingView.vue'

const card = {
  competition: { id: '1', title: '东城杯', blind: true, published: false },
  entry_id: '9',
  group: 'enterprise',
  number: 3,
  entrant_kind: 'enterprise',
  team_name: null,
  sheet: [
    { code: 'quality', name: '工程质量', max_centi: 3500, weight: 35 },
    { code: 'safety', name: '安全生产', max_centi: 3500, weight: 35 },
    { code: 'innovation', name: '技术创新', max_centi: 3000, weight: 30 },
  ],
  my_total_e4: null,
}

function answer(status: number, body: object): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } })
}

let fetchMock: ReturnType<typeof vi.fn>
beforeEach(() => {
  setActivePinia(createPinia())
  fetchMock = vi.fn()
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch })
})
afterEach(() => {
  resetApiClient()
  document.body.innerHTML = ''
})

async function typeMarks(wrapper: ReturnType<typeof mount>, marks: string[]): Promise<void> {
  const inputs = wrapper.findAll('input')
  for (const [i, m] of marks.entries()) await inputs[i]!.setValue(m)
}

describe('JudgingView', () => {
  it('shows the blind number, follows the total as marks are typed and saves the card', async () => {
    setLocale('zh-CN')
    fetchMock.mockResolvedValueOnce(answer(200, { items: [card], next_cursor: null })).mockResolvedValueOnce(answer(200, { entry_id: '9', total_e4: 865000, revised: false }))
    const wrapper = mount(JudgingView, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('[data-testid="judging-number"]').text()).toBe('003 号')
    await typeMarks(wrapper, ['30', '31.5'])
    expect(wrapper.find('[data-testid="judging-total"]').text()).toBe('61.50')
    await typeMarks(wrapper, ['30', '31.5', '25'])
    expect(wrapper.find('[data-testid="judging-total"]').text()).toBe('86.50')
    await wrapper.find('[data-testid="judging-save"]').trigger('click')
    await flushPromises()
    const [, init] = fetchMock.mock.calls[1] as [string, RequestInit]
    expect(JSON.parse(String(init.body))).toEqual({ marks: { quality: 3000, safety: 3150, innovation: 2500 } })
    expect(wrapper.find('[data-testid="judging-mine"]').text()).toBe('已提交 86.50 分')
  })

  it('shows the API refusals in words: closed (409) and a conflict of interest (403)', async () => {
    setLocale('en')
    fetchMock
      .mockResolvedValueOnce(answer(200, { items: [card], next_cursor: null }))
      .mockResolvedValueOnce(answer(409, { status: 409, code: 'error.competition.scoring_closed', detail: 'Scoring has ended' }))
      .mockResolvedValueOnce(answer(403, { status: 403, code: 'error.competition.conflict', detail: 'x' }))
    const wrapper = mount(JudgingView, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    await typeMarks(wrapper, ['30', '30', '30'])
    await wrapper.find('[data-testid="judging-save"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="judging-problem"]').text()).toContain('Scoring has ended or the results are published')
    await wrapper.find('[data-testid="judging-save"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="judging-problem"]').text()).toContain('conflict of interest')
    setLocale('zh-CN')
  })
})
