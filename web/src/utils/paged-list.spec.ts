import { describe, expect, it } from 'vitest'
import { usePagedList, type CursorPage } from './paged-list'

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('usePagedList', () => {
  it('replaces on a first load, appends with the cursor on "more", and keeps the last cursor', async () => {
    const asked: (string | undefined)[] = []
    const pages: Record<string, CursorPage<number>> = {
      first: { items: [1, 2], next_cursor: 'c2' },
      c2: { items: [3], next_cursor: null },
    }
    const list = usePagedList<number>(async (cursor) => {
      asked.push(cursor)
      return pages[cursor ?? 'first']!
    })
    expect(list.items.value).toBeNull()
    await list.load()
    expect(list.items.value).toEqual([1, 2])
    expect(list.nextCursor.value).toBe('c2')
    await list.load(true)
    expect(list.items.value).toEqual([1, 2, 3])
    expect(list.nextCursor.value).toBeNull()
    await list.load()
    expect(list.items.value).toEqual([1, 2])
    expect(asked).toEqual([undefined, 'c2', undefined])
  })

  it('hands each page to onPage (the inbox reads its unread count there)', async () => {
    const seen: number[] = []
    const list = usePagedList<string, CursorPage<string> & { unread: number }>(
      async () => ({ items: ['a'], next_cursor: null, unread: 4 }),
      (page) => seen.push(page.unread),
    )
    await list.load()
    expect(seen).toEqual([4])
  })

  it('lets a newer load win over an older one still on its way', async () => {
    const slow = deferred<CursorPage<string>>()
    const fast = deferred<CursorPage<string>>()
    const queue = [slow, fast]
    const list = usePagedList<string>(() => queue.shift()!.promise)
    const first = list.load()
    const second = list.load()
    fast.resolve({ items: ['rejected tab'], next_cursor: null })
    await second
    expect(list.loading.value).toBe(false)
    slow.resolve({ items: ['pending tab'], next_cursor: 'x' })
    await first
    expect(list.items.value).toEqual(['rejected tab'])
    expect(list.nextCursor.value).toBeNull()
  })

  it('keeps what it showed and stops loading when a page fails', async () => {
    let fail = false
    const list = usePagedList<number>(async () => {
      if (fail) throw new Error('offline')
      return { items: [7], next_cursor: 'n' }
    })
    await list.load()
    fail = true
    await list.load(true)
    expect(list.items.value).toEqual([7])
    expect(list.nextCursor.value).toBe('n')
    expect(list.loading.value).toBe(false)
  })
})
