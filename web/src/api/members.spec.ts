import { afterEach, assert, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  approveTransferApi,
  cancelTransferApi,
  exportMembersApi,
  getImportApi,
  importPercent,
  importReportUrl,
  importTransfersApi,
  listMembersApi,
  listTransfersApi,
  queryKind,
  rejectTransferApi,
  requestTransferApi,
  revealMemberApi,
  startImportApi,
  templateUrl,
  toHalfWidth,
  updateMemberApi,
  type MembersApi,
} from './members'
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

function call(n = 0): { url: URL; init: RequestInit; headers: Headers } {
  const [input, init] = fetchMock.mock.calls[n] as [string, RequestInit]
  return { url: new URL(input, 'http://localhost'), init, headers: new Headers(init.headers) }
}

describe('queryKind follows the server rules for q', () => {
  it.each([
    ['110101199003074514', 'id_number'],
    ['11010119900307451x', 'id_number'],
    ['110101900307451', 'id_number'],
    ['6228480402564890', 'card_number'],
    ['13812345678', 'phone'],
    ['4514', 'last4'],
    ['451X', 'last4'],
    ['１２３４', 'last4'],
    ['zxl', 'pinyin'],
    ['ZhangXiaolin', 'pinyin'],
    ['张', 'name'],
    ['张小林', 'name'],
    ['12345', 'name'],
    ['   ', 'none'],
  ])('%s → %s', (q, kind) => {
    expect(queryKind(q)).toBe(kind)
  })

  it('turns full-width ASCII and the ideographic space into half-width', () => {
    expect(toHalfWidth('１３８　ＡＢｃ')).toBe('138 ABc')
  })
})

describe('importPercent', () => {
  const job = (percent: number | null) => ({ progress: { percent } }) as unknown as MembersApi.Import['job']

  it("follows the job's share of the expected rows and never reaches 100 while running", () => {
    expect(importPercent({ status: 'queued', job: job(null) })).toBe(0)
    expect(importPercent({ status: 'running', job: job(25) })).toBe(25)
    expect(importPercent({ status: 'running', job: job(100) })).toBe(99)
    expect(importPercent({ status: 'interrupted', job: job(40) })).toBe(40)
    expect(importPercent({ status: 'running', job: null })).toBe(0)
  })

  it('is 100 once the server says the run has stopped, however it ended', () => {
    for (const status of ['done', 'refused', 'failed', 'cancelled'] as const) {
      expect(importPercent({ status, job: job(10) })).toBe(100)
    }
  })
})

describe('member clients', () => {
  it('lists with org, trimmed q and status, and leaves out what is empty', async () => {
    await listMembersApi({ org_id: '10', q: '  zxl ', status: 'active', limit: 50 })
    await listMembersApi({ org_id: '', q: '', status: '', after: '' })
    expect(call(0).url.pathname).toBe('/api/v1/members')
    expect(Object.fromEntries(call(0).url.searchParams)).toEqual({ org_id: '10', q: 'zxl', status: 'active', limit: '50' })
    expect(call(1).url.search).toBe('')
  })

  it('sends only the given changes, with the CSRF token', async () => {
    fetchMock.mockResolvedValueOnce(json({ id: '7' }))
    await updateMemberApi('7', { status: 'retired', status_changed_on: '2026-10-01' })
    expect(call().init.method).toBe('PATCH')
    expect(call().url.pathname).toBe('/api/v1/members/7')
    expect(call().headers.get('X-CSRF-Token')).toBe('tok')
    expect(JSON.parse(String(call().init.body))).toEqual({ status: 'retired', status_changed_on: '2026-10-01' })
  })

  it('reveals a field with its reason and hands a refusal to the caller', async () => {
    fetchMock.mockResolvedValueOnce(json({ value: '110101199003074514' }))
    expect(await revealMemberApi('7', 'id_number', '核实身份')).toEqual({ value: '110101199003074514' })
    expect(call().url.pathname).toBe('/api/v1/members/7/reveal')
    expect(JSON.parse(String(call().init.body))).toEqual({ field: 'id_number', reason: '核实身份' })

    fetchMock.mockResolvedValueOnce(json({ status: 404, title: '未找到' }, 404, 'application/problem+json'))
    const error = await revealMemberApi('8', 'phone', '核实身份').catch((e: unknown) => e)
    expect((error as ApiError).status).toBe(404)
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('transfer clients', () => {
  it('reads a box with its state filter', async () => {
    await listTransfersApi({ box: 'decidable', state: 'pending', limit: 50 })
    await listTransfersApi({ box: 'incoming', state: '' })
    expect(Object.fromEntries(call(0).url.searchParams)).toEqual({ box: 'decidable', state: 'pending', limit: '50' })
    expect(Object.fromEntries(call(1).url.searchParams)).toEqual({ box: 'incoming' })
  })

  it('asks from either side and decides with notes', async () => {
    fetchMock.mockImplementation(async () => json({ id: '3' }))
    await requestTransferApi({ member_id: '7', to_union_id: '21', reason: '调动' })
    await requestTransferApi({ id_number: '110101199003074514', to_union_id: '21', reason: '新入职' })
    await approveTransferApi('3')
    await approveTransferApi('3', '欢迎')
    await rejectTransferApi('3', '不在本单位')
    await cancelTransferApi('3')
    expect(call(0).url.pathname).toBe('/api/v1/member-transfers')
    expect(JSON.parse(String(call(1).init.body))).toEqual({ id_number: '110101199003074514', to_union_id: '21', reason: '新入职' })
    expect(call(2).url.pathname).toBe('/api/v1/member-transfers/3/approve')
    expect(JSON.parse(String(call(2).init.body))).toEqual({})
    expect(JSON.parse(String(call(3).init.body))).toEqual({ note: '欢迎' })
    expect(call(4).url.pathname).toBe('/api/v1/member-transfers/3/reject')
    expect(JSON.parse(String(call(4).init.body))).toEqual({ note: '不在本单位' })
    expect(call(5).url.pathname).toBe('/api/v1/member-transfers/3/cancel')
    for (let i = 0; i < 6; i++) expect(call(i).init.method).toBe('POST')
  })
})

describe('import and export clients', () => {
  it('uploads the file as raw bytes with union, mode and name in the query', async () => {
    fetchMock.mockResolvedValueOnce(json({ id: '99', status: 'running' }, 202))
    const file = new Blob([new Uint8Array([0xd5, 0xc5, 0x2c])])
    const run = await startImportApi(file, { union_id: '21', mode: 'all-or-nothing', file_name: '名册 2026.csv' })
    expect(run.id).toBe('99')
    const { url, init, headers } = call()
    expect(url.pathname).toBe('/api/v1/members/imports')
    expect(Object.fromEntries(url.searchParams)).toEqual({ union_id: '21', mode: 'all-or-nothing', file_name: '名册 2026.csv' })
    expect(init.method).toBe('POST')
    expect(headers.get('Content-Type')).toBe('application/octet-stream')
    expect(headers.get('X-CSRF-Token')).toBe('tok')
    expect(init.body).toBe(file)
  })

  it('polls a run and turns its candidates into transfers', async () => {
    fetchMock.mockImplementation(async () => json({ created: 2, skipped: 1 }))
    await getImportApi('99')
    expect(await importTransfersApi('99', '名册导入')).toEqual({ created: 2, skipped: 1 })
    await importTransfersApi('99', '名册导入', [3, 5])
    expect(call(0).url.pathname).toBe('/api/v1/members/imports/99')
    expect(call(1).url.pathname).toBe('/api/v1/members/imports/99/transfers')
    expect(JSON.parse(String(call(1).init.body))).toEqual({ reason: '名册导入' })
    expect(JSON.parse(String(call(2).init.body))).toEqual({ reason: '名册导入', rows: [3, 5] })
  })

  it('builds the report and template download URLs', () => {
    expect(importReportUrl('99', 'csv')).toBe('/api/v1/members/imports/99/report?format=csv')
    expect(templateUrl('xlsx')).toBe('/api/v1/members/template?format=xlsx')
  })

  it('exports as a file named by the server, without a reason when masked', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response('PK', {
        status: 200,
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': "attachment; filename=\"members.xlsx\"; filename*=UTF-8''%E4%BC%9A%E5%91%98.xlsx",
        },
      }),
    )
    const answer = await exportMembersApi({ org_id: '10', subtree: true, format: 'xlsx', full: false, reason: 'x' })
    assert('file' in answer)
    expect(answer.file.fileName).toBe('会员.xlsx')
    expect(await answer.file.blob.text()).toBe('PK')
    expect(call().url.pathname).toBe('/api/v1/members/export')
    expect(JSON.parse(String(call().init.body))).toEqual({ org_id: '10', subtree: true, format: 'xlsx', full: false })
  })

  it('hands a large export back as the background job that writes it', async () => {
    fetchMock.mockResolvedValueOnce(json({ id: '77', kind: 'members.export', state: 'queued' }, 202))
    const answer = await exportMembersApi({ org_id: '10', subtree: true, format: 'csv', full: false })
    assert('job' in answer)
    expect(answer.job.id).toBe('77')
  })

  it('hands a refused export (no reason for full values) to the caller', async () => {
    fetchMock.mockResolvedValueOnce(
      json({ status: 422, title: '输入有误', errors: [{ field: 'reason', message: '请填写原因' }] }, 422, 'application/problem+json'),
    )
    const error = (await exportMembersApi({ org_id: '10', subtree: false, format: 'csv', full: true }).catch((e: unknown) => e)) as ApiError
    expect(error.fieldMessage('reason')).toBe('请填写原因')
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('transfer by union code', () => {
  it('sends the receiving union as a code when the sender cannot see it', async () => {
    fetchMock.mockResolvedValueOnce(json({ id: '4' }))
    await requestTransferApi({ member_id: '7', to_union_code: 'U1234', reason: '调动' })
    expect(JSON.parse(String(call().init.body))).toEqual({ member_id: '7', to_union_code: 'U1234', reason: '调动' })
  })
})
