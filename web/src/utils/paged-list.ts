// A list read page by page with the server's opaque cursor (every list route answers
// { items, next_cursor }): the first page replaces what is shown, "load more" appends the next.
// One place for the four lists that did this inline (the account bindings and corrections queues,
// the portal's inbox and My requests). `items` is null until the first page arrives, so a page can
// show a skeleton; errors are already shown by the API client's error sink.
import { ref, type Ref } from 'vue'

export interface CursorPage<T> {
  items: T[]
  next_cursor: string | null
}

export interface PagedList<T> {
  items: Ref<T[] | null>
  nextCursor: Ref<string | null>
  loading: Ref<boolean>
  load: (more?: boolean) => Promise<void>
}

export function usePagedList<T, P extends CursorPage<T> = CursorPage<T>>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
  onPage?: (page: P) => void,
): PagedList<T> {
  const items = ref<T[] | null>(null) as Ref<T[] | null>
  const nextCursor = ref<string | null>(null)
  const loading = ref(false)
  // A newer load (another tab of a queue, a reload after a decision) wins over one still on its way.
  let generation = 0

  async function load(more = false): Promise<void> {
    const mine = ++generation
    loading.value = true
    try {
      const page = await fetchPage(more ? (nextCursor.value ?? undefined) : undefined)
      if (mine !== generation) return
      items.value = more ? [...(items.value ?? []), ...page.items] : page.items
      nextCursor.value = page.next_cursor
      onPage?.(page)
    } catch {
      // shown by the API client's error sink
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  return { items, nextCursor, loading, load }
}

/** A filter's code read from the address: the value when it is one of `allowed`, else "any" (''). */
export function queryCode(value: unknown, allowed: readonly string[]): string {
  return typeof value === 'string' && allowed.includes(value) ? value : ''
}
