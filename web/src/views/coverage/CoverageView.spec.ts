import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import { useSessionStore } from '@/stores/session'
import CoverageView from './CoverageView.vue'

// ECharts needs a canvas, which jsdom lacks: the chart is a stub that keeps its option, emits
// the clicks ECharts would, and maps a pixel to a row as the real grid does (40 px legend band,
// then 36 px per row, the whole width).
vi.mock('vue-echarts', () => ({
  default: defineComponent({
    name: 'VChart',
    props: { option: { type: Object, required: true } },
    emits: ['click', 'zr:click'],
    setup(_, { expose }) {
      expose({
        containPixel: (_finder: string, [, y]: number[]) => (y ?? 0) >= 40,
        convertFromPixel: (_finder: object, [x, y]: number[]) => [x, ((y ?? 0) - 40 - 18) / 36],
      })
      return () => h('div', { class: 'chart-stub' })
    },
  }),
}))

function json(body: unknown, status = 200): Response {
  const type = status < 400 ? 'application/json' : 'application/problem+json'
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

function child(id: string, name: string, gap: number) {
  return {
    id,
    code: `C${id}`,
    name,
    kind: 'street',
    enterprises: 100,
    unionised_enterprises: 60,
    unionised_rate: 0.6,
    employees: 5000,
    members: 2000,
    membership_rate: 0.4,
    founding_gap: gap,
    members_online: 100,
    online_rate: 0.05,
  }
}

const dongcheng = {
  org: { id: '10', code: '110101', name: '北京市东城区总工会', kind: 'district' },
  enterprises: 1234,
  unionised_enterprises: 864,
  unionised_rate: 0.7002,
  employees: 98765,
  members: 45000,
  membership_rate: 0.4556,
  served_12m: 0,
  served_rate: 0,
  members_online: 900,
  online_rate: 0.02,
  founding_gap: 57,
  children: [child('11', '东华门街道总工会', 12), child('12', '景山街道总工会', 30)],
  industries: [
    { section: 'C', enterprises: 200, unionised_enterprises: 150, unionised_rate: 0.75, employees: 20000, members: 9000 },
    { section: 'I', enterprises: 300, unionised_enterprises: 100, unionised_rate: 0.33, employees: 30000, members: 10000 },
  ],
}
const dongchengOrg = {
  id: '10',
  code: '110101',
  name: '北京市东城区总工会',
  kind: 'district',
  status: 'active',
  parent: null,
  ancestors: [{ id: '10', name: '北京市东城区总工会' }],
  region_code: '110101',
  region_name: '东城区',
  founded_on: null,
  chair: null,
  contact: null,
  child_count: 2,
}

let fetchMock: ReturnType<typeof vi.fn>
let router: Router

function answer(routes: Record<string, Response | (() => Response)>): void {
  fetchMock.mockImplementation(async (input: string) => {
    const path = new URL(input, 'http://localhost').pathname
    const found = routes[path]
    if (!found) return json({ status: 404, title: '未找到' }, 404)
    return typeof found === 'function' ? found() : found.clone()
  })
}

beforeEach(async () => {
  setLocale('zh-CN')
  setActivePinia(createPinia())
  useSessionStore().user = { id: '2', username: 'staff.dongcheng', display_name: '东城区工作人员', role: 'staff', org: { id: '10', name: '北京市东城区总工会' } }
  fetchMock = vi.fn()
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch })
  const page = { template: '<div />' }
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/coverage', name: 'coverage', component: CoverageView },
      { path: '/coverage/:id', name: 'coverage-org', component: CoverageView },
      { path: '/founding', name: 'founding', component: page },
      { path: '/orgs/:id', name: 'org', component: page },
    ],
  })
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

describe('CoverageView', () => {
  it("shows the signed-in user's org KPIs from the coverage answer", async () => {
    answer({ '/api/v1/orgs/10/coverage': json(dongcheng), '/api/v1/orgs/10': json(dongchengOrg) })
    const wrapper = await mountAt('/coverage')

    expect(wrapper.find('[data-testid="coverage-org-name"]').text()).toBe('北京市东城区总工会')
    const kpi = (id: string) => wrapper.find(`[data-testid="kpi-${id}"] [data-testid="kpi-value"]`).text()
    expect(kpi('enterprises')).toBe('1,234')
    expect(kpi('unionised-rate')).toBe('70.0%')
    expect(kpi('membership-rate')).toBe('45.6%')
    expect(kpi('online-rate')).toBe('2.0%')
    expect(wrapper.find('[data-testid="kpi-online-rate"]').text()).toContain('开通职工账号的会员 900 人')
    expect(kpi('served-rate')).toBe('0.0%')
    expect(kpi('founding-gap')).toBe('57')
    expect(wrapper.find('[data-testid="kpi-unionised-rate"]').text()).toContain('已建会 864 家')
  })

  it('charts the children, the industries by size and the streets by founding gap', async () => {
    answer({ '/api/v1/orgs/10/coverage': json(dongcheng), '/api/v1/orgs/10': json(dongchengOrg) })
    const wrapper = await mountAt('/coverage')
    const charts = wrapper.findAllComponents({ name: 'VChart' })
    expect(charts).toHaveLength(3)
    const [children, industries, ranking] = charts.map((c) => c.props('option') as { yAxis: { data: string[] } })
    expect(children?.yAxis.data).toEqual(['东华门街道总工会', '景山街道总工会'])
    expect(industries?.yAxis.data).toEqual(['I 信息传输、软件和信息技术服务业', 'C 制造业'])
    expect(ranking?.yAxis.data).toEqual(['1. 景山街道总工会', '2. 东华门街道总工会'])
  })

  it('drills into a child when its row is clicked', async () => {
    answer({ '/api/v1/orgs/10/coverage': json(dongcheng), '/api/v1/orgs/10': json(dongchengOrg) })
    const wrapper = await mountAt('/coverage')
    answer({
      '/api/v1/orgs/12/coverage': json({ ...dongcheng, org: { id: '12', code: 'C12', name: '景山街道总工会', kind: 'street' }, children: [] }),
      '/api/v1/orgs/12': json({ ...dongchengOrg, id: '12', name: '景山街道总工会', kind: 'street', ancestors: [{ id: '10', name: '北京市东城区总工会' }] }),
    })

    wrapper.findComponent({ name: 'VChart' }).vm.$emit('zr:click', { offsetX: 500, offsetY: 40 + 36 + 10 })
    await flushPromises()

    expect(router.currentRoute.value.name).toBe('coverage-org')
    expect(router.currentRoute.value.params.id).toBe('12')
    expect(wrapper.find('[data-testid="coverage-org-name"]').text()).toBe('景山街道总工会')
    expect(wrapper.find('[data-testid="coverage-trail"]').text()).toContain('北京市东城区总工会')
    expect(wrapper.find('[data-testid="coverage-up"]').exists()).toBe(true)
  })

  it('drills into the street ranked first when its label in the ranking is clicked', async () => {
    answer({ '/api/v1/orgs/10/coverage': json(dongcheng), '/api/v1/orgs/10': json(dongchengOrg) })
    const wrapper = await mountAt('/coverage')
    const ranking = wrapper.findAllComponents({ name: 'VChart' })[2]
    ranking?.vm.$emit('zr:click', { offsetX: 10, offsetY: 20 }) // the legend band: nothing
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('coverage')
    ranking?.vm.$emit('click', { componentType: 'yAxis', dataIndex: 0, value: '1. 景山街道总工会' })
    await flushPromises()
    expect(router.currentRoute.value.params.id).toBe('12')
  })

  it('says "not found or outside your area" for an org the server does not show', async () => {
    answer({})
    const wrapper = await mountAt('/coverage/99')
    expect(wrapper.find('[data-testid="coverage-not-found"]').text()).toContain('不在您的管辖范围内')
    expect(wrapper.findAllComponents({ name: 'VChart' })).toHaveLength(0)
  })

  it('says "1 member" and "2 members" reached online in English', async () => {
    setLocale('en')
    for (const [online, text] of [[1, '1 member with a worker account'], [2, '2 members with a worker account']] as const) {
      answer({ '/api/v1/orgs/10/coverage': json({ ...dongcheng, members_online: online }), '/api/v1/orgs/10': json(dongchengOrg) })
      const wrapper = await mountAt('/coverage')
      expect(wrapper.find('[data-testid="kpi-online-rate"]').text()).toContain(text)
      wrapper.unmount()
    }
  })
})
