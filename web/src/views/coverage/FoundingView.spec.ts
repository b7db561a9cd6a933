import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import { useSessionStore } from '@/stores/session'
import FoundingView from './FoundingView.vue'

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

function item(id: string, employees: number) {
  return {
    id,
    name: `单位${id}`,
    uscc: '91110101MA0000000X',
    industry: 'C',
    employees,
    region_code: '110101001',
    region_name: '东华门街道',
    district_name: '东城区',
    org: { id: '11', name: '东华门街道总工会', contact: '010-65120000' },
  }
}

const street = (id: string, name: string, gap: number, region: string) => ({
  id,
  code: `S${id}`,
  name,
  kind: 'street',
  region_code: region,
  enterprises: 10,
  unionised_enterprises: 5,
  unionised_rate: 0.5,
  employees: 100,
  members: 50,
  membership_rate: 0.5,
  founding_gap: gap,
})
const orgDetail = (id: string, name: string, region: string) => ({
  id,
  code: id,
  name,
  kind: 'street',
  status: 'active',
  parent: null,
  ancestors: [],
  region_code: region,
  region_name: name,
  founded_on: null,
  chair: null,
  contact: null,
  child_count: 0,
})

let fetchMock: ReturnType<typeof vi.fn>
let router: Router
const listCalls: URL[] = []
const writes: { path: string; body: Record<string, unknown> }[] = []

beforeEach(() => {
  setLocale('zh-CN')
  setActivePinia(createPinia())
  useSessionStore().user = { id: '2', username: 'staff.dongcheng', display_name: '东城', role: 'staff', org: { id: '10', name: '北京市东城区总工会' } }
  listCalls.length = 0
  writes.length = 0
  fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost')
    if (init?.method === 'POST' && url.pathname === '/api/v1/orgs') {
      writes.push({ path: url.pathname, body: JSON.parse(String(init.body)) })
      return new Response(JSON.stringify({ ...orgDetail('77', '单位1工会委员会', ''), kind: 'grassroots' }), { status: 201, headers: { 'Content-Type': 'application/json' } })
    }
    if (init?.method === 'PATCH') {
      writes.push({ path: url.pathname, body: JSON.parse(String(init.body)) })
      return json({})
    }
    switch (url.pathname) {
      case '/api/v1/orgs/10/founding-list':
        listCalls.push(url)
        return json({ items: [item('1', 900), item('2', 120)], next_cursor: url.searchParams.get('cursor') ? null : 'n1' })
      case '/api/v1/orgs/10/coverage':
        return json({ children: [street('11', '东华门街道总工会', 3, '110101001'), street('12', '景山街道总工会', 5, '110101002')] })
      case '/api/v1/orgs/10':
        return json({ ...orgDetail('10', '北京市东城区总工会', '110101'), kind: 'district' })
      default:
        return new Response('{}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } })
    }
  })
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch })
  router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/founding', name: 'founding', component: FoundingView }] })
})

afterEach(() => {
  resetApiClient()
  document.body.innerHTML = ''
})

async function mountAt(path: string) {
  await router.push(path)
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('FoundingView', () => {
  it("lists the signed-in user's org founding list and exports it without filters", async () => {
    const wrapper = await mountAt('/founding')
    expect(listCalls[0]?.search).toBe('?limit=50')
    expect(wrapper.find('[data-testid="founding-export"]').attributes('href')).toBe('/api/v1/orgs/10/founding-list.xlsx')
    expect(wrapper.findAll('[data-testid="founding-employees"]').map((e) => e.text())).toEqual(['900', '120'])
    expect(wrapper.text()).toContain('北京市东城区总工会')
  })

  it('builds the export URL and the list query from the street and industry filters', async () => {
    const wrapper = await mountAt('/founding?org=10&street=110101001&industry=C')
    expect(Object.fromEntries(listCalls[0]?.searchParams ?? [])).toEqual({ street: '110101001', industry: 'C', limit: '50' })
    const link = wrapper.find('[data-testid="founding-export"]')
    expect(link.element.tagName).toBe('A')
    expect(link.attributes('href')).toBe('/api/v1/orgs/10/founding-list.xlsx?street=110101001&industry=C')
    expect(link.attributes('download')).toBeDefined()
  })

  it("offers the org's streets by region code and puts a chosen one into the URL", async () => {
    const wrapper = await mountAt('/founding?industry=C')
    const streetSelect = wrapper.find('[data-testid="founding-street"]')
    expect(streetSelect.exists()).toBe(true)
    await streetSelect.trigger('click')
    await flushPromises()
    const options = [...document.body.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent ?? '')
    expect(options.some((o) => o.includes('景山街道总工会'))).toBe(true)
    const jingshan = [...document.body.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) => o.textContent?.includes('景山'))
    jingshan?.click()
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ org: '10', street: '110101002', industry: 'C' })
    expect(listCalls.at(-1)?.searchParams.get('street')).toBe('110101002')
    expect(wrapper.find('[data-testid="founding-export"]').attributes('href')).toBe(
      '/api/v1/orgs/10/founding-list.xlsx?street=110101002&industry=C',
    )
  })

  it('loads the next page with the cursor', async () => {
    const wrapper = await mountAt('/founding')
    await wrapper.find('[data-testid="founding-more"]').trigger('click')
    await flushPromises()
    expect(listCalls[1]?.searchParams.get('cursor')).toBe('n1')
    expect(wrapper.findAll('[data-testid="founding-employees"]')).toHaveLength(4)
    expect(wrapper.find('[data-testid="founding-more"]').exists()).toBe(false)
  })

  it('names the district and the union to call, and founds a union that takes the enterprise off the list', async () => {
    const wrapper = await mountAt('/founding')
    expect(wrapper.text()).toContain('东城区')
    expect(wrapper.text()).toContain('东华门街道总工会')
    expect(wrapper.find('[data-testid="founding-contact"]').text()).toBe('010-65120000')

    await wrapper.findAll('[data-testid="founding-found"]')[0]?.trigger('click')
    await flushPromises()
    const name = document.body.querySelector<HTMLInputElement>('[data-testid="found-union-name"] input, input[data-testid="found-union-name"]')
    expect(name?.value).toBe('单位1工会委员会')
    document.body.querySelector<HTMLElement>('[data-testid="found-union-save"]')?.click()
    await flushPromises()
    await flushPromises()
    expect(writes[0]).toEqual({
      path: '/api/v1/orgs',
      body: expect.objectContaining({ code: 'U91110101MA0000000X', name: '单位1工会委员会', kind: 'grassroots', parent_id: '11' }),
    })
    expect(writes[1]).toEqual({ path: '/api/v1/enterprises/1', body: { union_org_id: '77' } })
    expect(wrapper.findAll('[data-testid="founding-employees"]').map((e) => e.text())).toEqual(['120'])
  })
})
