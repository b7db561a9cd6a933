import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import { useSessionStore } from '@/stores/session'
import OrgDetailView from './OrgDetailView.vue'

function json(body: unknown, status = 200): Response {
  const type = status < 400 ? 'application/json' : 'application/problem+json'
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

const donghuamen = {
  id: '11',
  code: '110101001',
  name: '东华门街道总工会',
  kind: 'street',
  status: 'active',
  parent: { id: '10', name: '北京市东城区总工会' },
  ancestors: [
    { id: '10', name: '北京市东城区总工会' },
    { id: '11', name: '东华门街道总工会' },
  ],
  region_code: '110101001',
  region_name: '东华门街道',
  founded_on: '2001-05-01',
  chair: '王芳',
  contact: '010-12345678',
  child_count: 1,
}
const coverage = {
  org: { id: '11', code: '110101001', name: '东华门街道总工会', kind: 'street' },
  enterprises: 40,
  unionised_enterprises: 30,
  unionised_rate: 0.75,
  employees: 4000,
  members: 2500,
  membership_rate: 0.625,
  served_12m: 0,
  served_rate: 0,
  members_online: 0,
  online_rate: 0,
  founding_gap: 4,
  children: [
    {
      id: '21',
      code: 'G21',
      name: '某某公司工会',
      kind: 'grassroots',
      enterprises: 1,
      unionised_enterprises: 1,
      unionised_rate: 1,
      employees: 300,
      members: 280,
      membership_rate: 0.9333,
      founding_gap: 0,
      members_online: 0,
      online_rate: 0,
    },
  ],
  industries: [],
}

let fetchMock: ReturnType<typeof vi.fn>
let router: Router
type Answer = (url: URL, init: RequestInit) => Response | undefined

function answer(fn: Answer): void {
  fetchMock.mockImplementation(async (input: string, init: RequestInit) => {
    const url = new URL(input, 'http://localhost')
    return fn(url, init) ?? json({ status: 404, title: '未找到', detail: '未找到' }, 404)
  })
}

const readOnly: Answer = (url) =>
  url.pathname === '/api/v1/orgs/11' ? json(donghuamen) : url.pathname === '/api/v1/orgs/11/coverage' ? json(coverage) : undefined

/** Element Plus shows a form item's error 100 ms after its state changes. */
async function errorsShown(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 150))
  await flushPromises()
}

function signIn(role: string): void {
  useSessionStore().user = { id: '2', username: 'u', display_name: '用户', role, org: { id: '10', name: '北京市东城区总工会' } }
}

beforeEach(() => {
  setLocale('zh-CN')
  setActivePinia(createPinia())
  fetchMock = vi.fn()
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch, csrfToken: () => 'tok' })
  const page = { template: '<div />' }
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/orgs', name: 'orgs', component: page },
      { path: '/orgs/:id', name: 'org', component: OrgDetailView },
      { path: '/coverage/:id', name: 'coverage-org', component: page },
      { path: '/founding', name: 'founding', component: page },
    ],
  })
})

afterEach(() => {
  resetApiClient()
  document.body.innerHTML = ''
})

async function mountAt(path: string) {
  await router.push(path)
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [i18n, router], stubs: { transition: false, 'transition-group': false } }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('OrgDetailView', () => {
  it('shows the breadcrumb of ancestors, the fields, the coverage and the children', async () => {
    signIn('staff')
    answer(readOnly)
    const wrapper = await mountAt('/orgs/11')
    expect(wrapper.find('[data-testid="org-trail"]').text()).toMatch(/组织架构.*北京市东城区总工会.*东华门街道总工会/s)
    const fields = wrapper.find('[data-testid="org-fields"]').text()
    expect(fields).toContain('110101001')
    expect(fields).toContain('王芳')
    expect(wrapper.find('[data-testid="kpi-unionised-rate"] [data-testid="kpi-value"]').text()).toBe('75.0%')
    expect(wrapper.find('[data-testid="org-children"]').text()).toContain('某某公司工会')
    expect(wrapper.find('[data-testid="org-children"]').text()).toContain('93.3%')
    expect(wrapper.find('[data-testid="org-edit"]').exists()).toBe(true)
  })

  it('offers no changes to a cadre', async () => {
    signIn('cadre')
    answer(readOnly)
    const wrapper = await mountAt('/orgs/11')
    expect(wrapper.find('[data-testid="org-name"]').text()).toBe('东华门街道总工会')
    expect(wrapper.find('[data-testid="org-edit"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="org-add-child"]').exists()).toBe(false)
  })

  it('says "not found or outside your area" for an org the server does not show', async () => {
    signIn('staff')
    answer(() => undefined)
    const wrapper = await mountAt('/orgs/999')
    expect(wrapper.find('[data-testid="org-not-found"]').text()).toContain('不在您的管辖范围内')
    expect(wrapper.find('[data-testid="org-fields"]').exists()).toBe(false)
  })

  it('shows the server field errors of a new child org under their fields', async () => {
    signIn('staff')
    let posted: unknown
    answer((url, init) => {
      if (url.pathname === '/api/v1/orgs' && init.method === 'POST') {
        posted = JSON.parse(String(init.body))
        return json(
          {
            status: 422,
            title: '输入有误',
            errors: [
              { field: 'code', message: '组织代码已被使用' },
              { field: 'region_code', message: '未知的行政区划代码' },
            ],
          },
          422,
        )
      }
      return readOnly(url, init)
    })
    const wrapper = await mountAt('/orgs/11')
    await wrapper.find('[data-testid="org-add-child"]').trigger('click')
    await flushPromises()
    const form = document.body.querySelector('[data-testid="org-form"]') as HTMLElement
    const fill = async (label: string, value: string) => {
      const item = [...form.querySelectorAll('.el-form-item')].find((i) => i.querySelector('.el-form-item__label')?.textContent === label)
      const input = item?.querySelector('input')
      if (!input) throw new Error(`no input labelled ${label}`)
      input.value = value
      input.dispatchEvent(new Event('input'))
      await flushPromises()
    }
    await fill('组织代码', 'G999')
    await fill('名称', '新建公司工会')
    await fill('行政区划代码', '999999999')
    ;(document.body.querySelector('[data-testid="org-save"]') as HTMLElement).click()
    await flushPromises()

    await errorsShown()
    expect(posted).toMatchObject({ code: 'G999', name: '新建公司工会', kind: 'grassroots', parent_id: '11', region_code: '999999999' })
    const errors = [...form.querySelectorAll('.el-form-item__error')].map((e) => e.textContent?.trim())
    expect(errors).toEqual(['组织代码已被使用', '未知的行政区划代码'])
    expect(router.currentRoute.value.params.id).toBe('11')
  })

  it('sends only the changed fields of an edit, an emptied one as "" so the server clears it', async () => {
    signIn('admin')
    let patched: unknown
    answer((url, init) => {
      if (url.pathname === '/api/v1/orgs/11' && init.method === 'PATCH') {
        patched = JSON.parse(String(init.body))
        return json({ ...donghuamen, chair: null, name: '东华门街道工会' })
      }
      return readOnly(url, init)
    })
    const wrapper = await mountAt('/orgs/11')
    await wrapper.find('[data-testid="org-edit"]').trigger('click')
    await flushPromises()
    const form = document.body.querySelector('[data-testid="org-form"]') as HTMLElement
    for (const [label, value] of [
      ['工会主席', ''],
      ['名称', '东华门街道工会'],
    ]) {
      const item = [...form.querySelectorAll('.el-form-item')].find((i) => i.querySelector('.el-form-item__label')?.textContent === label)
      const input = item?.querySelector('input') as HTMLInputElement
      input.value = value as string
      input.dispatchEvent(new Event('input'))
    }
    await flushPromises()
    ;(document.body.querySelector('[data-testid="org-save"]') as HTMLElement).click()
    await flushPromises()
    expect(patched).toEqual({ name: '东华门街道工会', chair: '' })
  })

  it('shows a cycle refused by the server on the new parent of a move', async () => {
    signIn('staff')
    answer((url, init) => {
      if (url.pathname === '/api/v1/orgs') return json({ items: [{ id: '21', code: 'G21', name: '某某公司工会', kind: 'grassroots', parent_id: '11' }] })
      if (url.pathname === '/api/v1/orgs/11/move') {
        return json({ status: 422, title: '输入有误', errors: [{ field: 'parent_id', message: '不能移到自己的下级组织之下' }] }, 422)
      }
      return readOnly(url, init)
    })
    const wrapper = await mountAt('/orgs/11')
    await wrapper.find('[data-testid="org-move"]').trigger('click')
    await flushPromises()
    const picker = document.body.querySelector('[data-testid="org-move-parent"]') as HTMLElement
    picker.click()
    await flushPromises()
    const input = picker.querySelector('input') as HTMLInputElement
    input.value = '某某'
    input.dispatchEvent(new Event('input'))
    await new Promise((r) => setTimeout(r, 400)) // the remote search is debounced
    await flushPromises()
    ;[...document.body.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) => o.textContent?.includes('某某公司工会'))?.click()
    await flushPromises()
    ;(document.body.querySelector('[data-testid="org-move-save"]') as HTMLElement).click()
    await flushPromises()

    await errorsShown()
    const moveCall = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/move'))
    expect(JSON.parse(String((moveCall?.[1] as RequestInit).body))).toEqual({ parent_id: '21' })
    expect(document.body.querySelector('[data-testid="org-move-form"] .el-form-item__error')?.textContent).toContain('不能移到自己的下级组织之下')
  })
})
