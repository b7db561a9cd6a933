import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { MembersApi } from '@/api/members'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import { useSessionStore } from '@/stores/session'
import MemberDetailView from './MemberDetailView.vue'
import MemberImportView from './MemberImportView.vue'
import MemberListView from './MemberListView.vue'

function json(body: unknown, status = 200): Response {
  const type = status < 400 ? 'application/json' : 'application/problem+json'
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

const zhang: MembersApi.Summary = {
  id: '7',
  name: '张小林',
  gender: 'male',
  birth_date: '1990-03-07',
  id_masked: '110101********4514',
  phone_masked: '138****5678',
  card_number: '1101010000000018',
  union: { id: '21', name: '东华门联合工会' },
  employer: { id: null, name: '北京某某餐饮有限公司' },
  join_date: '2020-05-01',
  status: 'active',
  migrant_worker: true,
  model_worker: false,
}
const zhangDetail: MembersApi.Detail = {
  ...zhang,
  ethnicity: '汉族',
  status_changed_on: null,
  import_id: null,
  created_at: 1_780_000_000_000,
  updated_at: 1_780_000_000_000,
  events: [{ at: 1_780_000_100_000, event: 'updated', actor_name: '东华门街道工会干部', detail: { reason: '更正' } }],
  transfers: [],
}
const run: MembersApi.Import = {
  id: '99',
  union: { id: '21', name: '东华门联合工会' },
  file_name: '名册.csv',
  mode: 'valid-rows',
  status: 'running',
  encoding: 'GB18030',
  unknown_columns: [],
  header_row: 1,
  rows_total: 8,
  rows_committed_through: 4,
  accepted: 0,
  already_present: 0,
  transfer_candidates: 0,
  rejected: 0,
  started_at: 1_780_000_000_000,
  finished_at: null,
  rejections: [],
  candidates: [],
  job: {
    id: '99',
    kind: 'members.import',
    state: 'running',
    org: { id: '21', name: '东华门联合工会' },
    owner: { id: '3', name: '干部' },
    file_name: '名册.csv',
    progress: {
      rows_expected: 8,
      rows_read: 4,
      rows_committed: 4,
      rows_rejected: 0,
      rows_per_second: 2,
      eta_seconds: 2,
      percent: 50,
      header_row: 1,
    },
    cancel_requested: false,
    error: null,
    report: null,
    result_ref: '99',
    has_file: false,
    attempts: 1,
    created_at: 1_780_000_000_000,
    started_at: 1_780_000_000_000,
    finished_at: null,
  },
}
const queued: MembersApi.Import = { ...run, status: 'queued', rows_total: 0, rows_committed_through: 0, job: null }
const finished: MembersApi.Import = {
  ...run,
  status: 'done',
  rows_committed_through: 8,
  accepted: 5,
  transfer_candidates: 1,
  rejected: 2,
  finished_at: 1_780_000_002_000,
  rejections: [
    { row: 4, column: '身份证号', code: 'error.id_number.check', message: '身份证号校验码不正确' },
    { row: 8, column: '手机号', code: 'error.phone.format', message: '手机号须为 11 位数字' },
  ],
  candidates: [{ row: 6, member_id: '70', name: '王芳', id_masked: '110101********2228', current_union: { id: '31', name: '景山工会' } }],
}

let router: Router
const calls: { url: URL; init: RequestInit }[] = []
let polls = 0

beforeEach(() => {
  setLocale('zh-CN')
  setActivePinia(createPinia())
  useSessionStore().user = { id: '3', username: 'cadre.donghuamen', display_name: '干部', role: 'cadre', org: { id: '10', name: '东华门街道总工会' } }
  calls.length = 0
  polls = 0
  const fetchMock = vi.fn(async (input: string, init: RequestInit) => {
    const url = new URL(input, 'http://localhost')
    calls.push({ url, init })
    if (url.pathname === '/api/v1/members') return json({ items: [zhang], next_cursor: null })
    if (url.pathname === '/api/v1/members/7') return json(zhangDetail)
    if (url.pathname === '/api/v1/members/7/reveal') return json({ value: '110101199003074514' })
    if (url.pathname === '/api/v1/orgs') return json({ items: [{ id: '21', code: 'U1', name: '东华门联合工会', kind: 'grassroots', parent_id: '10' }] })
    if (url.pathname === '/api/v1/members/imports' && init.method === 'POST') return json(queued, 202)
    if (url.pathname === '/api/v1/members/imports') return json({ items: url.searchParams.get('status') === 'running' ? [run] : [], next_cursor: null })
    if (url.pathname === '/api/v1/jobs') return json({ items: [], next_cursor: null })
    if (url.pathname === '/api/v1/members/imports/99') return json(++polls < 2 ? run : finished)
    return json({ status: 404, title: '未找到' }, 404)
  })
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch, csrfToken: () => 'tok' })
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/members', name: 'members', component: MemberListView },
      { path: '/members/import', name: 'member-import', component: MemberImportView },
      { path: '/members/transfers', name: 'member-transfers', component: { template: '<div />' } },
      { path: '/members/:id', name: 'member', component: MemberDetailView },
    ],
  })
})

afterEach(() => {
  resetApiClient()
  vi.useRealTimers()
  document.body.innerHTML = ''
})

async function mountAt(path: string) {
  await router.push(path)
  const wrapper = mount(
    { template: '<router-view />' },
    { global: { plugins: [i18n, router], stubs: { transition: false, 'transition-group': false } }, attachTo: document.body },
  )
  await flushPromises()
  return wrapper
}

describe('MemberListView', () => {
  it("lists the user's org members masked, and says what a search will match", async () => {
    const wrapper = await mountAt('/members')
    const list = calls.find((c) => c.url.pathname === '/api/v1/members')
    expect(Object.fromEntries(list?.url.searchParams ?? [])).toEqual({ org_id: '10', limit: '50' })
    const table = wrapper.find('[data-testid="members-table"]').text()
    expect(table).toContain('张小林')
    expect(table).toContain('110101********4514')
    expect(table).toContain('138****5678')
    expect(table).toContain('在册')

    await wrapper.find('input[data-testid="members-search"]').setValue('zxl')
    expect(wrapper.find('[data-testid="members-search-hint"]').text()).toBe('按姓名拼音或拼音首字母查找')
    await wrapper.find('[data-testid="members-find"]').trigger('click')
    await flushPromises()
    expect(calls.filter((c) => c.url.pathname === '/api/v1/members').at(-1)?.url.searchParams.get('q')).toBe('zxl')
  })

  it('shows the newest search when an older, slower list answers last', async () => {
    const wrapper = await mountAt('/members')
    const li: MembersApi.Summary = { ...zhang, id: '8', name: '李明' }
    let releaseSlow: (r: Response) => void = () => {}
    const slow = new Promise<Response>((resolve) => (releaseSlow = resolve))
    configureApiClient({
      fetch: vi.fn(async (input: string) => {
        const q = new URL(input, 'http://localhost').searchParams.get('q')
        return q === 'zxl' ? json({ items: [zhang], next_cursor: null }) : slow
      }) as unknown as typeof fetch,
      csrfToken: () => 'tok',
    })
    await wrapper.find('[data-testid="members-find"]').trigger('click') // the unfiltered list, slow
    await wrapper.find('input[data-testid="members-search"]').setValue('zxl')
    await wrapper.find('[data-testid="members-find"]').trigger('click')
    await flushPromises()
    releaseSlow(json({ items: [zhang, li], next_cursor: null }))
    await flushPromises()
    const table = wrapper.find('[data-testid="members-table"]').text()
    expect(table).toContain('张小林')
    expect(table).not.toContain('李明')
  })
})

describe('MemberDetailView', () => {
  it('shows the ID masked until a reason is given, then the full value', async () => {
    const wrapper = await mountAt('/members/7')
    expect(wrapper.find('[data-testid="member-id-number"]').text()).toBe('110101********4514')
    expect(wrapper.find('[data-testid="member-history"]').text()).toContain('修改信息')
    await wrapper.find('[data-testid="member-reveal-id"]').trigger('click')
    await flushPromises()
    const input = document.body.querySelector('.member-reveal input') as HTMLInputElement
    input.value = '核实身份'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    ;(document.body.querySelector('.member-reveal .el-button--primary') as HTMLElement).click()
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await flushPromises()
    const reveal = calls.find((c) => c.url.pathname === '/api/v1/members/7/reveal')
    expect(JSON.parse(String(reveal?.init.body))).toEqual({ field: 'id_number', reason: '核实身份' })
    expect(wrapper.find('[data-testid="member-id-number"]').text()).toBe('110101199003074514')
    expect(wrapper.find('[data-testid="member-phone"]').text()).toBe('138****5678')
  })

  it('says a member outside the scope cannot be found', async () => {
    const wrapper = await mountAt('/members/404')
    expect(wrapper.find('[data-testid="member-not-found"]').text()).toContain('不在您的管辖范围内')
  })
})

describe('MemberImportView', () => {
  it('uploads the raw file, polls the run, and shows the report with rows and columns', async () => {
    const wrapper = await mountAt('/members/import')
    // Pick the union (the picker offers grassroots unions only).
    await wrapper.find('[data-testid="member-import-union"] input').trigger('click')
    await wrapper.find('[data-testid="member-import-union"] input').setValue('东华门')
    await new Promise((resolve) => setTimeout(resolve, 350)) // the remote search is debounced
    await flushPromises()
    ;(document.body.querySelector('.el-select-dropdown__item') as HTMLElement).click()
    await flushPromises()

    const bytes = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a])
    const file = new File([bytes], '名册.csv', { type: 'text/csv' })
    const input = wrapper.find('[data-testid="member-import-file"] input[type=file]').element as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [file] })
    input.dispatchEvent(new Event('change'))
    await flushPromises()
    await wrapper.find('[data-testid="member-import-start"]').trigger('click')
    await flushPromises()

    const upload = calls.find((c) => c.url.pathname === '/api/v1/members/imports')
    expect(Object.fromEntries(upload?.url.searchParams ?? [])).toEqual({ union_id: '21', mode: 'valid-rows', file_name: '名册.csv' })
    expect(new Headers(upload?.init.headers).get('Content-Type')).toBe('application/octet-stream')
    // The run is in the address (the user may leave and come back), and the page follows it.
    expect(router.currentRoute.value.query.run).toBe('99')
    for (let i = 0; i < 3 && !wrapper.find('[data-testid="member-import-rate"]').exists(); i++) await flushPromises()
    const progress = wrapper.find('[data-testid="member-import-progress"]').text()
    expect(progress).toContain('已处理 4 / 8 行')
    expect(progress).toContain('每秒 2 行')
    expect(progress).toContain('预计还需 0:02')

    // Two polls later the run is done and the report is shown.
    for (let i = 0; i < 3 && !wrapper.find('[data-testid="member-import-report"]').exists(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 1100))
      await flushPromises()
    }
    const report = wrapper.find('[data-testid="member-import-report"]')
    expect(report.find('[data-testid="member-import-count-accepted"]').text()).toContain('5')
    expect(report.find('[data-testid="member-import-count-rejected"]').text()).toContain('2')
    const rejections = report.find('[data-testid="member-import-rejections"]').text()
    expect(rejections).toContain('身份证号校验码不正确')
    expect(rejections).toContain('手机号')
    expect(report.find('[data-testid="member-import-candidates"]').text()).toContain('景山工会')
    expect(report.find('[data-testid="member-import-report-csv"]').attributes('href')).toBe('/api/v1/members/imports/99/report?format=csv')
  }, 30_000)

  it("lists the runs of ?status=running (the workbench's link) and follows the one picked", async () => {
    const wrapper = await mountAt('/members/import?status=running')
    const list = calls.find((c) => c.url.pathname === '/api/v1/members/imports')
    expect(list?.url.searchParams.get('status')).toBe('running')
    const rows = wrapper.findAll('[data-testid="member-import-status-runs-table"] tbody tr.el-table__row')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.text()).toContain('名册.csv')
    expect(rows[0]!.text()).toContain('东华门联合工会')
    expect(rows[0]!.text()).toContain('50%')
    await rows[0]!.trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="member-import-progress"]').text()).toContain('已处理 4 / 8 行')
    expect(wrapper.find('[data-testid="member-import-status-runs"]').exists()).toBe(false)
  })
})
