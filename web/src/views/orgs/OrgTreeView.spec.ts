import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import OrgTreeView from './OrgTreeView.vue'

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

const node = (id: string, code: string, name: string, kind: string, hasChildren = true) => ({
  id,
  code,
  name,
  kind,
  status: 'active',
  has_children: hasChildren,
})
const tree: Record<string, ReturnType<typeof node>[]> = {
  '': [node('10', '110101', '北京市东城区总工会', 'district')],
  '10': [node('11', '110101001', '东华门街道总工会', 'street'), node('12', '110101002', '景山街道总工会', 'street')],
  '12': [node('31', 'G31', '景山某某公司工会', 'grassroots', false)],
}

let treeCalls: string[]

beforeEach(() => {
  setLocale('zh-CN')
  setActivePinia(createPinia())
  treeCalls = []
  const fetchMock = vi.fn(async (input: string) => {
    const url = new URL(input, 'http://localhost')
    if (url.pathname === '/api/v1/org-tree') {
      const parent = url.searchParams.get('parent') ?? ''
      treeCalls.push(parent)
      return json({ items: tree[parent] ?? [] })
    }
    if (url.pathname === '/api/v1/orgs') {
      return json({ items: [{ id: '31', code: 'G31', name: '景山某某公司工会', kind: 'grassroots', parent_id: '12' }] })
    }
    if (url.pathname === '/api/v1/orgs/31') {
      return json({
        id: '31',
        name: '景山某某公司工会',
        ancestors: [
          { id: '10', name: '北京市东城区总工会' },
          { id: '12', name: '景山街道总工会' },
          { id: '31', name: '景山某某公司工会' },
        ],
      })
    }
    return new Response('{}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } })
  })
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch })
  Element.prototype.scrollIntoView = vi.fn()
})

afterEach(() => {
  resetApiClient()
  document.body.innerHTML = ''
})

async function mountTree() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/orgs', name: 'orgs', component: OrgTreeView },
      { path: '/orgs/:id', name: 'org', component: { template: '<div />' } },
    ],
  })
  await router.push('/orgs')
  const wrapper = mount({ template: '<router-view />' }, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('OrgTreeView', () => {
  it("starts at the caller's top org opened one level, and loads deeper children only when a node is expanded", async () => {
    const wrapper = await mountTree()
    await flushPromises()
    expect(treeCalls).toEqual(['', '10'])
    expect(wrapper.find('[data-testid="org-node-110101"]').text()).toContain('区（县）总工会')
    expect(wrapper.find('[data-testid="org-node-110101002"]').isVisible()).toBe(true)
    expect(wrapper.find('[data-testid="org-node-110101002"] a').attributes('href')).toBe('/orgs/12')
  })

  it('opens the tree down to a searched org and highlights it', async () => {
    const wrapper = await mountTree()
    const picker = wrapper.find('[data-testid="org-search"]')
    await picker.trigger('click')
    const input = picker.find('input')
    await input.setValue('景山某某')
    await new Promise((resolve) => setTimeout(resolve, 400)) // the remote search is debounced
    await flushPromises()
    ;[...document.body.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) => o.textContent?.includes('景山某某公司工会'))?.click()
    await flushPromises()
    await flushPromises()

    expect(treeCalls).toEqual(['', '10', '12'])
    expect(wrapper.find('.el-tree-node.is-current > .el-tree-node__content').text()).toContain('景山某某公司工会')
  })
})
