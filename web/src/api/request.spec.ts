import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, configureApiClient, dispositionFileName, request, resetApiClient } from './request'

type FetchArgs = [input: RequestInfo | URL, init?: RequestInit]

function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  })
}

/** A fetch stand-in that records calls and answers with `response`. */
function fakeFetch(response: () => Response) {
  const calls: FetchArgs[] = []
  const fn = vi.fn(async (...args: FetchArgs) => {
    calls.push(args)
    return response()
  })
  return { fn: fn as unknown as typeof fetch, calls }
}

function headersOf(call: FetchArgs | undefined): Headers {
  return new Headers(call?.[1]?.headers)
}

afterEach(() => resetApiClient())

describe('request', () => {
  it('turns a problem+json 400 into an ApiError with field errors', async () => {
    const problem = {
      type: 'https://zhijia.example/problems/validation',
      title: '请求无效',
      status: 400,
      detail: '请求体不是有效的 JSON',
      errors: [{ field: 'username', message: '必填' }],
    }
    const { fn } = fakeFetch(() => jsonResponse(400, problem, 'application/problem+json; charset=utf-8'))
    const onError = vi.fn()
    configureApiClient({ fetch: fn, onError })

    const error = await request('/api/v1/session', { method: 'POST', body: {} }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.kind).toBe('problem')
    expect(apiError.status).toBe(400)
    expect(apiError.type).toBe(problem.type)
    expect(apiError.detail).toBe('请求体不是有效的 JSON')
    expect(apiError.message).toBe('请求体不是有效的 JSON')
    expect(apiError.errors).toEqual([{ field: 'username', message: '必填' }])
    expect(apiError.fieldMessage('username')).toBe('必填')
    expect(apiError.fieldMessage('password')).toBeUndefined()
    expect(onError).toHaveBeenCalledWith(apiError)
  })

  it('does not report to the error sink when the call is silent', async () => {
    const { fn } = fakeFetch(() => jsonResponse(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json'))
    const onError = vi.fn()
    configureApiClient({ fetch: fn, onError })

    await expect(request('/api/v1/session', { silent: true })).rejects.toMatchObject({ status: 401 })
    expect(onError).not.toHaveBeenCalled()
  })

  it('sends X-CSRF-Token on unsafe methods only', async () => {
    const { fn, calls } = fakeFetch(() => jsonResponse(200, { ok: true }))
    configureApiClient({ fetch: fn, csrfToken: () => 'tok-123' })

    await request('/api/v1/version')
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      await request('/api/v1/thing', { method, body: { a: 1 } })
    }

    expect(headersOf(calls[0]).has('X-CSRF-Token')).toBe(false)
    for (const call of calls.slice(1)) {
      expect(headersOf(call).get('X-CSRF-Token'), String(call[1]?.method)).toBe('tok-123')
    }
  })

  it('sends Accept-Language from the current locale and same-origin credentials', async () => {
    const { fn, calls } = fakeFetch(() => jsonResponse(200, {}))
    let locale = 'zh-CN'
    configureApiClient({ fetch: fn, locale: () => locale })

    await request('/api/v1/version')
    locale = 'en'
    await request('/api/v1/version')

    expect(headersOf(calls[0]).get('Accept-Language')).toBe('zh-CN')
    expect(headersOf(calls[1]).get('Accept-Language')).toBe('en')
    expect(calls[0]?.[1]?.credentials).toBe('same-origin')
  })

  it('sends the body as JSON and returns the parsed response', async () => {
    const { fn, calls } = fakeFetch(() => jsonResponse(200, { user: { id: '1' } }))
    configureApiClient({ fetch: fn })

    const result = await request<{ user: { id: string } }>('/api/v1/session', {
      method: 'POST',
      body: { username: 'admin', password: 'x' },
    })

    expect(result.user.id).toBe('1')
    expect(headersOf(calls[0]).get('Content-Type')).toBe('application/json')
    expect(JSON.parse(String(calls[0]?.[1]?.body))).toEqual({ username: 'admin', password: 'x' })
  })

  it('returns undefined for 204 No Content', async () => {
    const { fn } = fakeFetch(() => new Response(null, { status: 204 }))
    configureApiClient({ fetch: fn })
    await expect(request('/api/v1/session', { method: 'DELETE' })).resolves.toBeUndefined()
  })

  it('reports an unreachable server as a network error with status 0', async () => {
    const onError = vi.fn()
    configureApiClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      onError,
    })

    const error = (await request('/api/v1/version').catch((e: unknown) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.kind).toBe('network')
    expect(error.status).toBe(0)
    expect(onError).toHaveBeenCalledOnce()
  })

  it('tells whether the server answered, for silent calls and error answers too', async () => {
    const onReached = vi.fn()
    configureApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')), onReached })
    await request('/api/v1/version', { silent: true }).catch(() => undefined)
    expect(onReached).toHaveBeenLastCalledWith(false)

    const { fn } = fakeFetch(() => jsonResponse(404, { title: 'not found', status: 404 }, 'application/problem+json'))
    configureApiClient({ fetch: fn })
    await request('/api/v1/version', { silent: true }).catch(() => undefined)
    expect(onReached).toHaveBeenLastCalledWith(true)
    expect(onReached).toHaveBeenCalledTimes(2)
  })

  it('reports a non-JSON 502 as an http error with its status', async () => {
    const { fn } = fakeFetch(() => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }))
    configureApiClient({ fetch: fn })

    await expect(request('/api/v1/version', { silent: true })).rejects.toMatchObject({ kind: 'http', status: 502, errors: [] })
  })

  it('sends a 401 outside the session endpoint to onUnauthorized instead of the sink', async () => {
    const { fn } = fakeFetch(() => jsonResponse(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json'))
    const onError = vi.fn()
    const onUnauthorized = vi.fn()
    configureApiClient({ fetch: fn, onError, onUnauthorized })

    await expect(request('/api/v1/members')).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthorized).toHaveBeenCalledOnce()
    expect(onError).not.toHaveBeenCalled()
  })

  it('sends a portal call with the portal session token and its 401 to onPortalUnauthorized', async () => {
    const { fn, calls } = fakeFetch(() => jsonResponse(401, { status: 401, code: 'error.auth.unauthenticated' }, 'application/problem+json'))
    const onUnauthorized = vi.fn()
    const onPortalUnauthorized = vi.fn()
    configureApiClient({
      fetch: fn,
      csrfToken: () => 'staff-token',
      portalCsrfToken: () => 'worker-token',
      onUnauthorized,
      onPortalUnauthorized,
    })

    const error = await request('/api/v1/me/binding', { method: 'POST', body: {}, session: 'portal' }).catch((e: unknown) => e)
    expect(headersOf(calls[0]).get('X-CSRF-Token')).toBe('worker-token')
    expect((error as ApiError).code).toBe('error.auth.unauthenticated')
    expect(onPortalUnauthorized).toHaveBeenCalledOnce()
    expect(onUnauthorized).not.toHaveBeenCalled()
    // The portal's own session check is the caller's to handle.
    await request('/api/v1/portal/session', { session: 'portal', silent: true }).catch(() => undefined)
    expect(onPortalUnauthorized).toHaveBeenCalledOnce()
  })

  it('keeps the worker signed in when a one-time code is refused (a 401 of the code, not the session)', async () => {
    const { fn } = fakeFetch(() => jsonResponse(401, { status: 401, code: 'error.sign_in.code_invalid' }, 'application/problem+json'))
    const onPortalUnauthorized = vi.fn()
    const onError = vi.fn()
    configureApiClient({ fetch: fn, onPortalUnauthorized, onError })

    const error = await request('/api/v1/me/data/reveal', { method: 'POST', body: { code: '000000' }, session: 'portal', silent: true }).catch((e: unknown) => e)
    expect((error as ApiError).status).toBe(401)
    expect(onPortalUnauthorized).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('dispositionFileName', () => {
  it('prefers the UTF-8 filename* over the plain one', () => {
    expect(dispositionFileName("attachment; filename=\"a.csv\"; filename*=UTF-8''%E5%90%8D%E5%86%8C.csv")).toBe('名册.csv')
  })

  it('reads a quoted or bare filename and gives null without one', () => {
    expect(dispositionFileName('attachment; filename="report.xlsx"')).toBe('report.xlsx')
    expect(dispositionFileName('attachment; filename=report.csv')).toBe('report.csv')
    expect(dispositionFileName('attachment')).toBeNull()
    expect(dispositionFileName(null)).toBeNull()
  })
})
