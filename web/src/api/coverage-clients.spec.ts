import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { foundingListXlsxUrl, getCoverageApi, listFoundingApi } from './coverage'
import { createEnterpriseApi, listEnterprisesApi, updateEnterpriseApi } from './enterprises'
import { createOrgApi, getOrgApi, getOrgTreeApi, moveOrgApi, updateOrgApi } from './orgs'
import { ApiError, configureApiClient, resetApiClient } from './request'

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

describe('org clients', () => {
  it('asks the tree for the top org without a parent and for children with one', async () => {
    await getOrgTreeApi()
    await getOrgTreeApi('42')
    expect(call(0).url.pathname).toBe('/api/v1/org-tree')
    expect(call(0).url.search).toBe('')
    expect(call(1).url.searchParams.get('parent')).toBe('42')
  })

  it('creates, changes and moves orgs with the CSRF token and JSON bodies', async () => {
    await createOrgApi({ code: 'X1', name: '新工会', kind: 'grassroots', parent_id: '7' })
    await updateOrgApi('8', { status: 'dissolved' })
    await moveOrgApi('8', '9')
    expect(call(0).init.method).toBe('POST')
    expect(new Headers(call(0).init.headers).get('X-CSRF-Token')).toBe('tok')
    expect(JSON.parse(String(call(0).init.body))).toMatchObject({ code: 'X1', parent_id: '7' })
    expect(call(1).init.method).toBe('PATCH')
    expect(call(1).url.pathname).toBe('/api/v1/orgs/8')
    expect(call(2).url.pathname).toBe('/api/v1/orgs/8/move')
    expect(JSON.parse(String(call(2).init.body))).toEqual({ parent_id: '9' })
  })

  it('hands a 404 for an org outside the scope to the caller without reporting it', async () => {
    fetchMock.mockResolvedValueOnce(json({ status: 404, title: '未找到' }, 404, 'application/problem+json'))
    const error = await getOrgApi('999').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(404)
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('coverage clients', () => {
  it('reads an org subtree coverage', async () => {
    await getCoverageApi('5')
    expect(call().url.pathname).toBe('/api/v1/orgs/5/coverage')
  })

  it('pages the founding list with only the filters that are set', async () => {
    await listFoundingApi('5', { street: '110101001', industry: '', cursor: 'c2', limit: 50 })
    const { url } = call()
    expect(url.pathname).toBe('/api/v1/orgs/5/founding-list')
    expect(Object.fromEntries(url.searchParams)).toEqual({ street: '110101001', cursor: 'c2', limit: '50' })
  })

  it('builds the XLSX export URL with the filters', () => {
    expect(foundingListXlsxUrl('5')).toBe('/api/v1/orgs/5/founding-list.xlsx')
    expect(foundingListXlsxUrl('5', { street: '110101001', industry: 'C' })).toBe(
      '/api/v1/orgs/5/founding-list.xlsx?street=110101001&industry=C',
    )
  })
})

describe('enterprise clients', () => {
  it('lists with name, industry and unionised filters and leaves out the empty ones', async () => {
    await listEnterprisesApi({ org: '3', q: '', industry: 'C', unionised: false, limit: 20 })
    await listEnterprisesApi({ unionised: '' })
    expect(Object.fromEntries(call(0).url.searchParams)).toEqual({ org: '3', industry: 'C', unionised: 'false', limit: '20' })
    expect(call(1).url.search).toBe('')
  })

  it('sends union_org_id null to mark an enterprise as not unionised', async () => {
    await updateEnterpriseApi('11', { union_org_id: null })
    expect(JSON.parse(String(call().init.body))).toEqual({ union_org_id: null })
  })

  it('passes field errors of a create to the caller', async () => {
    fetchMock.mockResolvedValueOnce(
      json({ status: 422, title: '输入有误', errors: [{ field: 'uscc', message: '校验码不正确' }] }, 422, 'application/problem+json'),
    )
    const error = (await createEnterpriseApi({
      name: 'A',
      uscc: '91110000000000000X',
      region_code: '110101001',
      industry: 'C',
      ownership: 'private',
      employees: 30,
    }).catch((e: unknown) => e)) as ApiError
    expect(error.fieldMessage('uscc')).toBe('校验码不正确')
    expect(onError).not.toHaveBeenCalled()
  })
})
