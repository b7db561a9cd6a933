import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { WorkbenchApi } from '@/api/workbench'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import { useSessionStore } from '@/stores/session'
import { formatTime } from '@/utils/format'
import HomeView from './HomeView.vue'

function json(body: unknown, status = 200): Response {
  const type = status < 400 ? 'application/json' : 'application/problem+json'
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

const cards: WorkbenchApi.Card[] = [
  { id: 'requests_to_accept', kind: 'todo', count: 3, link: { route: '/requests', query: { box: 'mine', status: 'submitted' } } },
  // A card this page has never heard of: drawn all the same, titled by its id.
  { id: 'future_module_cases', kind: 'todo', count: 0, link: { route: '/cases', query: {} } },
  {
    id: 'requests_due_today',
    kind: 'list',
    count: 7,
    link: null,
    items: [{ label: '工资拖欠两个月', detail: '110101260000001 · 东华门街道工会', status: 'submitted', due_at: Date.UTC(2026, 11, 6, 15, 59), link: { route: '/requests/42', query: {} } }],
  },
  { id: 'kpi_members', kind: 'kpi', count: 12345, link: { route: '/members', query: {} } },
  { id: 'kpi_on_time_rate', kind: 'kpi', count: null, rate: null, link: { route: '/requests/dashboard', query: { weeks: '4' } } },
]

let fetchMock: ReturnType<typeof vi.fn>
let router: Router

beforeEach(async () => {
  setLocale('zh-CN')
  setActivePinia(createPinia())
  useSessionStore().user = { id: '2', username: 'cadre.donghuamen', display_name: '东华门干部', role: 'cadre', org: { id: '10', name: '东华门街道工会' } }
  fetchMock = vi.fn(async (input: string) => {
    const path = new URL(input, 'http://localhost').pathname
    if (path === '/api/v1/workbench') return json({ cards })
    return json({ status: 404, title: '未找到' }, 404)
  })
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch })
  const page = { template: '<div />' }
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: HomeView },
      { path: '/:rest(.*)*', component: page },
    ],
  })
})

afterEach(() => {
  resetApiClient()
  document.body.innerHTML = ''
})

async function mountHome() {
  await router.push('/')
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('HomeView', () => {
  it("draws the server's cards in order, each linked to its filtered list", async () => {
    const wrapper = await mountHome()
    const toAccept = wrapper.find('[data-testid="workbench-card-requests_to_accept"]')
    expect(toAccept.text()).toContain('待受理诉求')
    expect(toAccept.find('[data-testid="workbench-value"]').text()).toBe('3')
    expect(toAccept.attributes('href')).toBe('/requests?box=mine&status=submitted')
    const unknown = wrapper.find('[data-testid="workbench-card-future_module_cases"]')
    expect(unknown.text()).toContain('future_module_cases')
    expect(unknown.attributes('href')).toBe('/cases')
    expect(wrapper.find('[data-testid="workbench-card-kpi_members"] [data-testid="workbench-value"]').text()).toBe('12,345')
    expect(wrapper.find('[data-testid="workbench-card-kpi_on_time_rate"] [data-testid="workbench-value"]').text()).toBe('—')
    // No system information for a cadre; the placeholder sentence is gone.
    expect(wrapper.find('[data-testid="system-info"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('更多业务模块')
    expect(fetchMock.mock.calls.map((c) => new URL(c[0] as string, 'http://localhost').pathname)).toEqual(['/api/v1/workbench'])
  })

  it("lists today's deadlines with their time and how many more there are", async () => {
    const wrapper = await mountHome()
    const list = wrapper.find('[data-testid="workbench-card-requests_due_today"]')
    expect(list.find('[data-testid="workbench-value"]').text()).toBe('7')
    const items = list.findAll('[data-testid="workbench-item"]')
    expect(items).toHaveLength(1)
    expect(items[0]!.find('a').attributes('href')).toBe('/requests/42')
    expect(items[0]!.text()).toContain(formatTime(Date.UTC(2026, 11, 6, 15, 59), 'zh-CN'))
    expect(list.text()).toContain('另有 6 件')
  })

  it('says so when the account has no cards', async () => {
    fetchMock.mockImplementation(async () => json({ cards: [] }))
    const wrapper = await mountHome()
    expect(wrapper.find('[data-testid="workbench-empty"]').exists()).toBe(true)
  })
})
