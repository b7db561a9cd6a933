import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { configureApiClient, resetApiClient } from '@/api/request'
import { i18n, setLocale } from '@/locales'
import AttachmentsPanel from './AttachmentsPanel.vue'

function item(id: string, name: string) {
  return {
    id,
    owner_kind: 'hardship_file',
    owner_id: '9',
    stage: null,
    file_name: name,
    media_type: 'application/pdf',
    bytes: 35 * 1024,
    sha256: 'ab'.repeat(32),
    uploaded_by: { id: '11', name: '张干事' },
    uploaded_at: 1795593600000,
  }
}

function json(body: object, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
}

function urlOf(call: unknown[] | undefined): URL {
  const input = call?.[0]
  const text = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input)
  return new URL(text, 'http://localhost')
}

function initOf(call: unknown[] | undefined): RequestInit {
  return (call?.[1] ?? {}) as RequestInit
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  setLocale('zh-CN')
  fetchMock = vi.fn()
  configureApiClient({ fetch: fetchMock as unknown as typeof fetch, csrfToken: () => 'csrf-1' })
})

afterEach(() => {
  resetApiClient()
  document.body.innerHTML = ''
})

function mountPanel(props: Record<string, unknown> = {}) {
  return mount(AttachmentsPanel, {
    props: { title: '证明材料', ownerKind: 'hardship_file', ownerId: '9', writable: true, testid: 'att', ...props },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
}

async function pick(view: ReturnType<typeof mountPanel>, file: File): Promise<void> {
  const input = view.get('[data-testid="att-input"]').element as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  await view.get('[data-testid="att-input"]').trigger('change')
  await flushPromises()
}

describe('AttachmentsPanel', () => {
  it("lists the owner's files without their content, and uploads a picked file as the body with its name", async () => {
    fetchMock
      .mockResolvedValueOnce(json({ items: [item('1', '诊断书.pdf')] }))
      .mockResolvedValueOnce(json(item('2', '低保证.pdf'), 201))
      .mockResolvedValueOnce(json({ items: [item('1', '诊断书.pdf'), item('2', '低保证.pdf')] }))
    const view = mountPanel()
    await flushPromises()
    expect(urlOf(fetchMock.mock.calls[0]).pathname).toBe('/api/v1/hardship/files/9/attachments')
    expect(view.findAll('[data-testid="att-name"]').map((n) => n.text())).toEqual(['诊断书.pdf'])
    expect(view.text()).toContain('35 KB')
    expect(view.text()).toContain('张干事')

    const file = new File(['%PDF-1.4 x'], '低保证.pdf', { type: 'application/pdf' })
    await pick(view, file)
    const upload = fetchMock.mock.calls[1]
    expect(urlOf(upload).pathname).toBe('/api/v1/hardship/files/9/attachments')
    expect(urlOf(upload).searchParams.get('file_name')).toBe('低保证.pdf')
    expect(initOf(upload).method).toBe('POST')
    expect(initOf(upload).body).toBe(file)
    expect(new Headers(initOf(upload).headers).get('Content-Type')).toBe('application/octet-stream')
    expect(view.findAll('[data-testid="att-name"]').map((n) => n.text())).toEqual(['诊断书.pdf', '低保证.pdf'])
    view.unmount()
  })

  it("shows the server's refusal of a file, and never sends one over 10 MB", async () => {
    fetchMock
      .mockResolvedValueOnce(json({ items: [] }))
      .mockResolvedValueOnce(
        json({ status: 400, title: '输入有误', errors: [{ field: 'file', message: '只能上传 PDF、JPEG、PNG、WebP 或 HEIC 文件' }] }, 400),
      )
    const view = mountPanel()
    await flushPromises()
    await pick(view, new File(['MZ'], 'setup.pdf'))
    expect(view.get('[data-testid="att-error"]').text()).toBe('只能上传 PDF、JPEG、PNG、WebP 或 HEIC 文件')

    const big = new File(['x'], 'big.pdf')
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 })
    await pick(view, big)
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(view.get('[data-testid="att-error"]').text()).toBe(i18n.global.t('attachments.tooLarge'))
    view.unmount()
  })

  it('asks a reason before a download and sends it; a closed owner offers no upload', async () => {
    fetchMock.mockResolvedValueOnce(json({ items: [item('7', '诊断书.pdf')] })).mockResolvedValueOnce(
      new Response(new Blob(['%PDF-1.4']), {
        status: 200,
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': "attachment; filename=\"file.pdf\"; filename*=UTF-8''%E8%AF%8A.pdf" },
      }),
    )
    const created = vi.fn(() => 'blob:x')
    URL.createObjectURL = created as unknown as typeof URL.createObjectURL
    URL.revokeObjectURL = vi.fn()
    let savedAs = ''
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      savedAs = this.download
    })
    const view = mountPanel({ writable: false })
    await flushPromises()
    expect(view.find('[data-testid="att-upload"]').exists()).toBe(false)
    await view.get('[data-testid="att-download"]').trigger('click')
    await flushPromises()
    const box = document.querySelector('.attachment-download-reason') as HTMLElement
    expect(box).not.toBeNull()
    const input = box.querySelector('input') as HTMLInputElement
    input.value = '核对诊断证明'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    ;(box.querySelector('.el-button--primary') as HTMLElement).click()
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 0))
    await flushPromises()
    const call = fetchMock.mock.calls[1]
    expect(urlOf(call).pathname).toBe('/api/v1/attachments/7/content')
    expect(urlOf(call).searchParams.get('reason')).toBe('核对诊断证明')
    expect(created).toHaveBeenCalledTimes(1)
    expect(savedAs).toBe('诊.pdf') // the server's name, from Content-Disposition
    click.mockRestore()
    view.unmount()
  })
})
