import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import { createAppRouter } from '@/router'
import LoginView from './LoginView.vue'

async function mountLogin() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter(createMemoryHistory())
  await router.push('/login')
  await router.isReady()
  const wrapper = mount(LoginView, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  return { wrapper, router }
}

function errorMessages(wrapper: ReturnType<typeof mount>): string[] {
  return wrapper.findAll('.el-form-item__error').map((e) => e.text())
}

function problem(status: number, body: object): Response {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  setLocale('zh-CN')
  // Not signed in: GET /api/v1/session → 401; the tests set POST answers themselves.
  fetchMock = vi.fn(async () => problem(401, { title: '未登录' }))
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch })
})

afterEach(() => {
  resetApiClient()
  document.body.innerHTML = ''
})

describe('LoginView', () => {
  it('shows required-field messages and sends nothing when the form is empty', async () => {
    const { wrapper } = await mountLogin()
    fetchMock.mockClear()

    await wrapper.find('form').trigger('submit')
    await flushPromises()

    // Element Plus shows a field's error after a short debounce: poll instead of sleeping.
    await vi.waitFor(() => {
      expect(errorMessages(wrapper)).toEqual(['请输入用户名', '请输入密码'])
    })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('does not flag untouched fields when the language changes', async () => {
    const { wrapper } = await mountLogin()
    setLocale('en')
    await flushPromises()

    expect(wrapper.find('h2').text()).toBe('Staff sign-in')
    expect(wrapper.find('.is-error').exists()).toBe(false)
  })

  it('translates messages already shown when the language changes', async () => {
    const { wrapper } = await mountLogin()
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(errorMessages(wrapper)).toEqual(['请输入用户名', '请输入密码']))

    setLocale('en')
    await vi.waitFor(() => {
      expect(errorMessages(wrapper)).toEqual(['Please enter your username', 'Please enter your password'])
    })
  })

  it('shows the validation messages in English after switching language', async () => {
    const { wrapper } = await mountLogin()
    setLocale('en')
    await flushPromises()

    await wrapper.find('form').trigger('submit')
    await flushPromises()

    await vi.waitFor(() => {
      expect(errorMessages(wrapper)).toEqual(['Please enter your username', 'Please enter your password'])
    })
    expect(wrapper.find('h2').text()).toBe('Staff sign-in')
  })

  it("shows the server's problem detail when the password is wrong", async () => {
    const { wrapper, router } = await mountLogin()
    fetchMock.mockImplementation(async () => problem(401, { title: 'Unauthorized', detail: '用户名或密码错误' }))

    await wrapper.find('input[data-testid="login-username"]').setValue('admin')
    await wrapper.find('input[data-testid="login-password"]').setValue('wrong')
    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(wrapper.find('[data-testid="login-error"]').text()).toContain('用户名或密码错误')
    expect(router.currentRoute.value.name).toBe('login')
    const [url, init] = fetchMock.mock.calls.at(-1) as [string, RequestInit]
    expect(url).toBe('/api/v1/session')
    expect(init.method).toBe('POST')
    expect(JSON.parse(String(init.body))).toEqual({ username: 'admin', password: 'wrong' })
  })

  it('goes to the redirect target after a successful sign-in', async () => {
    const { wrapper, router } = await mountLogin()
    await router.replace({ name: 'login', query: { redirect: '/portal' } })
    const session = {
      user: { id: '1', username: 'admin', display_name: '系统管理员', role: 'admin', org: { id: '1', name: '北京市总工会' } },
      csrf_token: 'tok',
    }
    fetchMock.mockImplementation(async () => new Response(JSON.stringify(session), { status: 200, headers: { 'Content-Type': 'application/json' } }))

    await wrapper.find('input[data-testid="login-username"]').setValue('admin')
    await wrapper.find('input[data-testid="login-password"]').setValue('Secret-Pass-2026')
    await wrapper.find('form').trigger('submit')
    // The target's view is loaded lazily, so wait for the navigation to finish.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/portal'), { timeout: 5000 })
  })
})
