import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { configureApiClient, resetApiClient } from '@/api/request'
import { PRIVACY_NOTICE_VERSION } from '@/views/portal/account/privacy-notice'
import { createAppRouter, safeRedirect } from './index'

const signedIn = {
  user: { id: '1', username: 'admin', display_name: '系统管理员', role: 'admin', org: { id: '1', name: '北京市总工会' } },
  csrf_token: 'tok',
}

function answerSession(status: 200 | 401, session = signedIn) {
  const body = status === 200 ? session : { status: 401, title: 'Unauthorized' }
  const type = status === 200 ? 'application/json' : 'application/problem+json'
  configureApiClient({
    fetch: vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })) as unknown as typeof fetch,
  })
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => resetApiClient())

describe('router guard', () => {
  it('sends a visitor who is not signed in from a console page to /login with a redirect', async () => {
    answerSession(401)
    const router = createAppRouter(createMemoryHistory())
    await router.push('/?tab=1')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/?tab=1')
  })

  it('lets a visitor open the portal home without signing in', async () => {
    answerSession(401)
    const router = createAppRouter(createMemoryHistory())
    await router.push('/portal')
    expect(router.currentRoute.value.name).toBe('portal-home')
  })

  it('lets signed-in staff into the console and away from /login', async () => {
    answerSession(200)
    const router = createAppRouter(createMemoryHistory())
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('home')
    await router.push('/login')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('opens account management for an admin but sends a cadre home', async () => {
    answerSession(200)
    const adminRouter = createAppRouter(createMemoryHistory())
    await adminRouter.push('/users')
    expect(adminRouter.currentRoute.value.name).toBe('users')

    setActivePinia(createPinia())
    answerSession(200, { ...signedIn, user: { ...signedIn.user, username: 'cadre.donghuamen', role: 'cadre' } })
    const cadreRouter = createAppRouter(createMemoryHistory())
    await cadreRouter.push('/users')
    expect(cadreRouter.currentRoute.value.name).toBe('home')
    await cadreRouter.push('/password')
    expect(cadreRouter.currentRoute.value.name).toBe('password')
  })

  it('opens the coverage pages for cadres and operators but not for workers', async () => {
    for (const role of ['cadre', 'operator', 'staff']) {
      setActivePinia(createPinia())
      answerSession(200, { ...signedIn, user: { ...signedIn.user, role } })
      const router = createAppRouter(createMemoryHistory())
      await router.push('/coverage/5')
      expect(router.currentRoute.value.name, role).toBe('coverage-org')
      await router.push('/orgs/5')
      expect(router.currentRoute.value.name, role).toBe('org')
      await router.push('/founding?org=5')
      expect(router.currentRoute.value.name, role).toBe('founding')
    }
    setActivePinia(createPinia())
    answerSession(200, { ...signedIn, user: { ...signedIn.user, role: 'worker' } })
    const workerRouter = createAppRouter(createMemoryHistory())
    await workerRouter.push('/enterprises')
    expect(workerRouter.currentRoute.value.name).toBe('portal-me')
  })

  it("sends a signed-in worker from the console's home and from /login to the portal's My account", async () => {
    answerSession(200, { ...signedIn, user: { ...signedIn.user, username: 'worker.demo', role: 'worker', org: null } as never })
    const router = createAppRouter(createMemoryHistory())
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('portal-me')
    await router.push('/login?redirect=/requests')
    expect(router.currentRoute.value.name).toBe('portal-me')
    await router.push('/portal/requests')
    expect(router.currentRoute.value.name).toBe('portal-requests')
  })

  it('lets operators find and read members but not import or decide transfers', async () => {
    const open = async (role: string, path: string) => {
      setActivePinia(createPinia())
      answerSession(200, { ...signedIn, user: { ...signedIn.user, role } })
      const router = createAppRouter(createMemoryHistory())
      await router.push(path)
      return router.currentRoute.value.name
    }
    for (const role of ['admin', 'staff', 'cadre']) {
      expect(await open(role, '/members'), role).toBe('members')
      expect(await open(role, '/members/import'), role).toBe('member-import')
      expect(await open(role, '/members/transfers'), role).toBe('member-transfers')
      expect(await open(role, '/members/42'), role).toBe('member')
    }
    expect(await open('operator', '/members')).toBe('members')
    expect(await open('operator', '/members/42')).toBe('member')
    expect(await open('operator', '/members/import')).toBe('home')
    expect(await open('operator', '/members/transfers')).toBe('home')
    expect(await open('worker', '/members')).toBe('portal-me')
  })

  it('asks a signed-in worker to accept the privacy notice first, then lets them on', async () => {
    let accepted: number | null = null
    configureApiClient({
      fetch: vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input)
        const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
        if (url.startsWith('/api/v1/portal/session')) return json({ worker: { id: '7', member_id: null }, csrf_token: 'w' })
        if (url.startsWith('/api/v1/me')) {
          return json({ id: '7', phone_masked: '139****5678', created_at: 1, member: null, pending_binding: null, privacy_notice: { version: accepted, accepted_at: null } })
        }
        return new Response(JSON.stringify({ status: 401 }), { status: 401, headers: { 'Content-Type': 'application/problem+json' } })
      }) as unknown as typeof fetch,
    })
    const router = createAppRouter(createMemoryHistory())
    await router.push('/portal/me/data')
    expect(router.currentRoute.value.name).toBe('portal-notice')
    expect(router.currentRoute.value.query.redirect).toBe('/portal/me/data')

    // An older version than the portal's is asked again; the current one lets the worker on.
    setActivePinia(createPinia())
    accepted = PRIVACY_NOTICE_VERSION - 1
    const older = createAppRouter(createMemoryHistory())
    await older.push('/portal/me')
    expect(older.currentRoute.value.name).toBe('portal-notice')

    setActivePinia(createPinia())
    accepted = PRIVACY_NOTICE_VERSION
    const current = createAppRouter(createMemoryHistory())
    await current.push('/portal/me/data')
    expect(current.currentRoute.value.name).toBe('portal-my-data')
  })

  it('sends a worker without a portal session from My account to the portal sign-in and back', async () => {
    // A staff session does not count on the portal: only the portal's own session does.
    const answer = (workerSignedIn: boolean) =>
      configureApiClient({
        fetch: vi.fn(async (input: RequestInfo | URL) => {
          const url = String(input)
          if (url.startsWith('/api/v1/portal/session') && workerSignedIn) {
            return new Response(JSON.stringify({ worker: { id: '7', member_id: null }, csrf_token: 'w' }), { status: 200, headers: { 'Content-Type': 'application/json' } })
          }
          if (url.startsWith('/api/v1/session')) {
            return new Response(JSON.stringify(signedIn), { status: 200, headers: { 'Content-Type': 'application/json' } })
          }
          return new Response(JSON.stringify({ status: 401 }), { status: 401, headers: { 'Content-Type': 'application/problem+json' } })
        }) as unknown as typeof fetch,
      })
    answer(false)
    const guest = createAppRouter(createMemoryHistory())
    await guest.push('/portal/me/card')
    expect(guest.currentRoute.value.name).toBe('portal-sign-in')
    expect(guest.currentRoute.value.query.redirect).toBe('/portal/me/card')

    setActivePinia(createPinia())
    answer(true)
    const worker = createAppRouter(createMemoryHistory())
    await worker.push('/portal/me')
    expect(worker.currentRoute.value.name).toBe('portal-me')
    await worker.push('/portal/sign-in?redirect=/portal/me/card')
    expect(worker.currentRoute.value.name).toBe('portal-card')
    await worker.push('/portal/sign-in?redirect=/users')
    expect(worker.currentRoute.value.name).toBe('portal-me') // never a console page from the portal
  })

  it('opens the binding decisions for member editors and the card check for every member reader', async () => {
    const open = async (role: string, path: string) => {
      setActivePinia(createPinia())
      answerSession(200, { ...signedIn, user: { ...signedIn.user, role } })
      const router = createAppRouter(createMemoryHistory())
      await router.push(path)
      return router.currentRoute.value.name
    }
    for (const role of ['admin', 'staff', 'cadre']) expect(await open(role, '/worker-bindings'), role).toBe('worker-bindings')
    expect(await open('operator', '/worker-bindings')).toBe('home')
    for (const role of ['admin', 'staff', 'cadre']) expect(await open(role, '/member-corrections'), role).toBe('member-corrections')
    expect(await open('operator', '/member-corrections')).toBe('home')
    for (const role of ['admin', 'staff', 'cadre', 'operator']) expect(await open(role, '/card-check'), role).toBe('card-check')
    for (const role of ['admin', 'staff', 'cadre']) expect(await open(role, '/aid-grants'), role).toBe('aid-grants')
    expect(await open('operator', '/aid-grants')).toBe('home')
  })

  it('opens the hardship files and standards for cadres, staff and administrators, not operators', async () => {
    const open = async (role: string, path: string) => {
      setActivePinia(createPinia())
      answerSession(200, { ...signedIn, user: { ...signedIn.user, role } })
      const router = createAppRouter(createMemoryHistory())
      await router.push(path)
      return router.currentRoute.value.name
    }
    for (const role of ['admin', 'staff', 'cadre']) {
      expect(await open(role, '/hardship'), role).toBe('hardship-files')
      expect(await open(role, '/hardship/new?member=7'), role).toBe('hardship-open')
      expect(await open(role, '/hardship/42'), role).toBe('hardship-file')
      expect(await open(role, '/standards'), role).toBe('standards')
    }
    expect(await open('operator', '/hardship')).toBe('home')
    expect(await open('operator', '/hardship/42')).toBe('home')
  })

  it('opens the legal cases for cadres, staff and administrators, not operators', async () => {
    const open = async (role: string, path: string) => {
      setActivePinia(createPinia())
      answerSession(200, { ...signedIn, user: { ...signedIn.user, role } })
      const router = createAppRouter(createMemoryHistory())
      await router.push(path)
      return router.currentRoute.value.name
    }
    for (const role of ['admin', 'staff', 'cadre']) {
      expect(await open(role, '/legal-cases?alert=open'), role).toBe('legal-cases')
      expect(await open(role, '/legal-cases/new?request=7'), role).toBe('legal-open')
      expect(await open(role, '/legal-cases/42'), role).toBe('legal-case')
    }
    expect(await open('operator', '/legal-cases')).toBe('home')
  })

  it('opens competitions for organisers and My judging for every console role', async () => {
    const open = async (role: string, path: string) => {
      setActivePinia(createPinia())
      answerSession(200, { ...signedIn, user: { ...signedIn.user, role } })
      const router = createAppRouter(createMemoryHistory())
      await router.push(path)
      return router.currentRoute.value.name
    }
    for (const role of ['admin', 'staff', 'cadre']) {
      expect(await open(role, '/competitions?status=listed'), role).toBe('competitions')
      expect(await open(role, '/competitions/new'), role).toBe('competition-new')
      expect(await open(role, '/competitions/42'), role).toBe('competition')
      expect(await open(role, '/competitions/42/ranking'), role).toBe('competition-ranking')
    }
    expect(await open('operator', '/competitions')).toBe('home')
    for (const role of ['admin', 'staff', 'cadre', 'operator']) expect(await open(role, '/judging'), role).toBe('judging')
  })

  it('shows the not-found page for unknown paths', async () => {
    answerSession(401)
    const router = createAppRouter(createMemoryHistory())
    await router.push('/no/such/page')
    expect(router.currentRoute.value.name).toBe('not-found')
  })
})

describe('safeRedirect', () => {
  it('follows same-site paths only', () => {
    expect(safeRedirect('/portal')).toBe('/portal')
    expect(safeRedirect('//evil.example/x')).toBe('/')
    expect(safeRedirect('https://evil.example')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })
})
