import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import AuditView from './AuditView.vue'

function entry(id: string, action: string) {
  return {
    id,
    at: 1795593600000,
    actor: { id: '7', username: 'admin' },
    remote_addr: '192.0.2.1',
    action,
    target: { type: 'user', id: '42' },
    outcome: 'ok',
    detail: { reason: '回访' },
  }
}

function json(body: object): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  setLocale('zh-CN')
  setActivePinia(createPinia())
  fetchMock = vi.fn()
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch })
})

afterEach(() => {
  resetApiClient()
  document.body.innerHTML = ''
})

function urlOf(call: unknown[] | undefined): URL {
  const input = call?.[0]
  const text = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input)
  return new URL(text, 'http://localhost')
}

describe('AuditView', () => {
  it('lists entries, searches by user and action, and loads more with the cursor', async () => {
    fetchMock
      .mockResolvedValueOnce(json({ entries: [entry('2', 'personal_data.reveal')], next_cursor: '2' }))
      .mockResolvedValueOnce(json({ entries: [entry('1', 'session.login')], next_cursor: null }))
      .mockResolvedValueOnce(json({ entries: [], next_cursor: null }))
    const wrapper = mount(AuditView, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()

    expect(urlOf(fetchMock.mock.calls[0]).pathname).toBe('/api/v1/audit')
    expect(wrapper.text()).toContain('查看完整个人信息')
    expect(wrapper.text()).toContain('reason: 回访')

    await wrapper.find('[data-testid="audit-more"]').trigger('click')
    await flushPromises()
    expect(urlOf(fetchMock.mock.calls[1]).searchParams.get('cursor')).toBe('2')
    expect(wrapper.text()).toContain('登录')
    expect(wrapper.find('[data-testid="audit-more"]').exists()).toBe(false)

    await wrapper.find('input[data-testid="audit-user"], [data-testid="audit-user"] input').setValue('admin')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const search = urlOf(fetchMock.mock.calls[2])
    expect(search.searchParams.get('user')).toBe('admin')
    expect(search.searchParams.get('cursor')).toBeNull()
    expect(wrapper.text()).toContain('没有符合条件的记录')
  })
})
