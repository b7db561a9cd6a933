// The scanner page's offline queue (docs/design/activities.md "Offline check-in replay"): each
// scan gets its own id (crypto.randomUUID()) and the phone's clock when scanned, and waits in
// IndexedDB (idb-keyval) per activity until a batch reaches the server. The server answers each
// scan (recorded, replay, already in or refused); answered scans leave the queue, the rest stay
// for the next try — a batch lost on the way is sent again and answered `replay`, never counted
// twice. The storage is injected, so the logic runs in tests without IndexedDB.
import { createStore, get, set, type UseStore } from 'idb-keyval'
import { MAX_SCANS_PER_BATCH, type CheckInsApi } from '@/api/activity-check-ins'

/** Where the queue lives: a key-value store (IndexedDB in the browser). */
export interface QueueStorage {
  read(key: string): Promise<CheckInsApi.Scan[] | undefined>
  write(key: string, scans: CheckInsApi.Scan[]): Promise<void>
}

let idbStore: UseStore | undefined

/** The browser's IndexedDB, database "zhijia-check-in", store "scans". */
export function indexedDbStorage(): QueueStorage {
  idbStore ??= createStore('zhijia-check-in', 'scans')
  const store = idbStore
  return {
    read: (key) => get<CheckInsApi.Scan[]>(key, store),
    write: (key, scans) => set(key, scans, store),
  }
}

/** A card's QR payload that may be sent: the server refuses anything longer as a field error. */
export const MAX_TOKEN_LENGTH = 256

export type SendBatch = (scans: CheckInsApi.Scan[]) => Promise<CheckInsApi.Answer[]>

export class ScanQueue {
  private readonly key: string
  // Calls that change the queue run one after another (a scan while a batch is on its way).
  private chain: Promise<unknown> = Promise.resolve()

  constructor(
    activityId: string,
    private readonly storage: QueueStorage,
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly now: () => number = () => Date.now(),
  ) {
    this.key = `activity:${activityId}`
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work)
    this.chain = next.catch(() => undefined)
    return next
  }

  /** The scans waiting, oldest first. */
  async pending(): Promise<CheckInsApi.Scan[]> {
    return (await this.storage.read(this.key)) ?? []
  }

  /** Queues a scan of `token` now; the scan. */
  add(token: string): Promise<CheckInsApi.Scan> {
    return this.serial(async () => {
      const scan: CheckInsApi.Scan = { scan_id: this.newId(), token, scanned_at: this.now() }
      await this.storage.write(this.key, [...(await this.pending()), scan])
      return scan
    })
  }

  /** Sends the queue in batches of at most MAX_SCANS_PER_BATCH, oldest first; drops every scan
   *  answered and keeps the rest. A failed call stops the round and leaves its batch queued (the
   *  error is thrown after the answers so far are kept). Returns the answers. */
  flush(send: SendBatch): Promise<CheckInsApi.Answer[]> {
    return this.serial(async () => {
      const answers: CheckInsApi.Answer[] = []
      for (;;) {
        const batch = (await this.pending()).slice(0, MAX_SCANS_PER_BATCH)
        if (batch.length === 0) return answers
        const got = await send(batch)
        const answered = new Set(got.map((a) => a.scan_id))
        answers.push(...got)
        const rest = (await this.pending()).filter((s) => !answered.has(s.scan_id))
        await this.storage.write(this.key, rest)
        // Nothing of the batch answered: stop rather than send it again and again.
        if (!batch.some((s) => answered.has(s.scan_id))) return answers
      }
    })
  }
}
