import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import { useSessionStore } from '@/stores/session'
import EnterprisesView from './EnterprisesView.vue'

function json(body: unknown, status = 200): Response {
  const type = status < 400 ? 'application/json' : 'application/problem+json'
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

const acme = {
  id: '501',
  name: '北京某某科技有限公司',
  uscc: '91110101MA01ABCD2X',
  region_code: '110101001',
  region_name: '东华门街道',
  industry: 'I',
  ownership: 'private',
  employees: 320,
  employees_reported_on: '2026-06-30',
  union: null,
}

let fetchMock: ReturnType<typeof vi.fn>
let router: Router
const calls: { url: URL; init: RequestInit }[] = []

beforeEach(() => {
  setLocale('zh-CN')
  setActivePinia(createPinia())
  useSessionStore().user = { id: '2', username: 'staff.dongcheng', display_name: '东城', role: 'staff', org: { id: '10', name: '北京市东城区总工会' } }
  calls.length = 0
  fetchMock = vi.fn(async (input: string, init: RequestInit) => {
    const url = new URL(input, 'http://localhost')
    calls.push({ url, init })
    if (url.pathname === '/api/v1/enterprises') return json({ items: [acme], next_cursor: url.searchParams.get('cursor') ? null : 'e2' })
    if (url.pathname === '/api/v1/enterprises/501' && init.method === 'PATCH') {
      return json({ status: 422, title: '输入有误', errors: [{ field: 'uscc', message: '统一社会信用代码校验位不正确' }] }, 422)
    }
    if (url.pathname === '/api/v1/enterprises/501') return json(acme)
    return json({ status: 404, title: '未找到' }, 404)
  })
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch, csrfToken: () => 'tok' })
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/enterprises', name: 'enterprises', component: EnterprisesView },
      { path: '/enterprises/:id', name: 'enterprise', component: EnterprisesView },
    ],
  })
})

afterEach(() => {
  resetApiClient()
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

function listCalls(): URL[] {
  return calls.filter((c) => c.url.pathname === '/api/v1/enterprises').map((c) => c.url)
}

describe('EnterprisesView', () => {
  it("lists the user's org enterprises, searches by name and loads more by cursor", async () => {
    const wrapper = await mountAt('/enterprises')
    expect(Object.fromEntries(listCalls()[0]?.searchParams ?? [])).toEqual({ org: '10', limit: '50' })
    const table = wrapper.find('[data-testid="enterprises-table"]').text()
    expect(table).toContain('北京某某科技有限公司')
    expect(table).toContain('I 信息传输、软件和信息技术服务业')
    expect(table).toContain('未建会')

    await wrapper.find('input[data-testid="enterprises-search"], [data-testid="enterprises-search"] input').setValue('科技')
    await wrapper.find('[data-testid="enterprises-find"]').trigger('click')
    await flushPromises()
    expect(listCalls()[1]?.searchParams.get('q')).toBe('科技')

    await wrapper.find('[data-testid="enterprises-more"]').trigger('click')
    await flushPromises()
    expect(listCalls()[2]?.searchParams.get('cursor')).toBe('e2')
    expect(listCalls()[2]?.searchParams.get('q')).toBe('科技')
  })

  it('opens /enterprises/:id and shows the server field errors of an edit under their fields', async () => {
    await mountAt('/enterprises/501')
    expect(document.body.querySelector('[data-testid="enterprise-details"]')?.textContent).toContain('91110101MA01ABCD2X')
    ;(document.body.querySelector('[data-testid="enterprise-edit"]') as HTMLElement).click()
    await flushPromises()
    const usccItem = [...document.body.querySelectorAll('[data-testid="enterprise-form"] .el-form-item')].find(
      (i) => i.querySelector('.el-form-item__label')?.textContent === '统一社会信用代码',
    )
    const usccInput = usccItem?.querySelector('input') as HTMLInputElement
    usccInput.value = '91110101ma01abcd2y'
    usccInput.dispatchEvent(new Event('input'))
    await flushPromises()
    ;(document.body.querySelector('[data-testid="enterprise-save"]') as HTMLElement).click()
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 150)) // Element Plus shows errors after 100 ms
    await flushPromises()

    const patch = calls.find((c) => c.init.method === 'PATCH')
    // Only what changed is sent, the code in upper case.
    expect(JSON.parse(String(patch?.init.body))).toEqual({ uscc: '91110101MA01ABCD2Y' })
    const item = [...document.body.querySelectorAll('[data-testid="enterprise-form"] .el-form-item')].find(
      (i) => i.querySelector('.el-form-item__label')?.textContent === '统一社会信用代码',
    )
    expect(item?.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('统一社会信用代码校验位不正确')
  })

  it('says an enterprise outside the area cannot be found and returns to the list', async () => {
    await mountAt('/enterprises/999')
    expect(document.body.querySelector('.enterprise-not-found')?.textContent).toContain('不在您的管辖范围内')
    expect(router.currentRoute.value.name).toBe('enterprises')
  })
})
