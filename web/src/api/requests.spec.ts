import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, configureApiClient, resetApiClient } from './request'
import {
  actOnRequestApi,
  addRequestMessageApi,
  findEmployersApi,
  listRequestsApi,
  submitPortalRequestApi,
  trackRequestApi,
  updateCategoryApi,
} from './requests'

function json(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

let fetchMock: ReturnType<typeof vi.fn>
let onError: ReturnType<typeof vi.fn<(error: ApiError) => void>>

beforeEach(() => {
  fetchMock = vi.fn(async () => json({ items: [], next_cursor: null }))
  onError = vi.fn<(error: ApiError) => void>()
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch, onError, csrfToken: () => 'tok' })
})
afterEach(() => resetApiClient())

function call(n = 0): { url: URL; init: RequestInit } {
  const [input, init] = fetchMock.mock.calls[n] as [string, RequestInit]
  return { url: new URL(input, 'http://localhost'), init }
}

describe('request clients', () => {
  it('asks a queue with only the filters that are set', async () => {
    await listRequestsApi({ box: 'overdue', status: '', category: 'rights', priority: '', limit: 50 })
    const { url } = call()
    expect(url.pathname).toBe('/api/v1/requests')
    expect(Object.fromEntries(url.searchParams)).toEqual({ box: 'overdue', category: 'rights', limit: '50' })
  })

  it('moves and annotates a request with the CSRF token and JSON bodies', async () => {
    await actOnRequestApi('42', 'resolve', '已补发')
    await addRequestMessageApi('42', '内部备注', true)
    expect(call(0).url.pathname).toBe('/api/v1/requests/42/actions')
    expect(call(0).init.method).toBe('POST')
    expect(new Headers(call(0).init.headers).get('X-CSRF-Token')).toBe('tok')
    expect(JSON.parse(String(call(0).init.body))).toEqual({ action: 'resolve', body: '已补发' })
    expect(call(1).url.pathname).toBe('/api/v1/requests/42/messages')
    expect(JSON.parse(String(call(1).init.body))).toEqual({ body: '内部备注', internal: true })
  })

  it('submits on the portal and hands field errors back to the form, not the error sink', async () => {
    fetchMock.mockResolvedValueOnce(
      json({ status: 400, title: '输入有误', errors: [{ field: 'contact_phone', message: '手机号码格式不正确' }] }, 400, 'application/problem+json'),
    )
    const error = await submitPortalRequestApi({
      category: 'rights.wage_arrears',
      title: 't',
      description: 'd',
      contact_name: 'n',
      contact_phone: '1',
      employer_id: '7',
    }).catch((e: unknown) => e)
    expect(call().url.pathname).toBe('/api/v1/portal/requests')
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).fieldMessage('contact_phone')).toBe('手机号码格式不正确')
    expect(onError).not.toHaveBeenCalled()
  })

  it('tracks by number and last four digits, leaving a 404 and a 429 to the page', async () => {
    fetchMock.mockResolvedValueOnce(json({ status: 404, title: '未找到' }, 404, 'application/problem+json'))
    fetchMock.mockResolvedValueOnce(json({ status: 429, title: '请求过于频繁' }, 429, 'application/problem+json'))
    const missing = await trackRequestApi({ tracking_number: '261126123456789', phone_last4: '0000' }).catch((e: unknown) => e)
    const throttled = await trackRequestApi({ tracking_number: '261126123456789', phone_last4: '0000' }).catch((e: unknown) => e)
    expect(call().url.pathname).toBe('/api/v1/portal/requests/track')
    expect(JSON.parse(String(call().init.body))).toEqual({ tracking_number: '261126123456789', phone_last4: '0000' })
    expect((missing as ApiError).status).toBe(404)
    expect((throttled as ApiError).status).toBe(429)
    expect(onError).not.toHaveBeenCalled()
  })

  it('looks employers up by prefix and patches a category by its code', async () => {
    fetchMock.mockResolvedValueOnce(json([]))
    fetchMock.mockResolvedValueOnce(json({}))
    await findEmployersApi('东城 示范')
    await updateCategoryApi('rights.wage_arrears', { resolve_days: 10 })
    expect(call(0).url.pathname).toBe('/api/v1/portal/employers')
    expect(call(0).url.searchParams.get('q')).toBe('东城 示范')
    expect(call(1).url.pathname).toBe('/api/v1/request-categories/rights.wage_arrears')
    expect(call(1).init.method).toBe('PATCH')
  })
})
