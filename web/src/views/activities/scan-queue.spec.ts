import { describe, expect, it } from 'vitest'
import type { CheckInsApi } from '@/api/activity-check-ins'
import { ScanQueue, type QueueStorage } from './scan-queue'

function memoryStorage(): QueueStorage & { data: Map<string, CheckInsApi.Scan[]> } {
  const data = new Map<string, CheckInsApi.Scan[]>()
  return {
    data,
    read: async (key) => data.get(key),
    write: async (key, scans) => {
      data.set(key, scans)
    },
  }
}

function answer(scan: CheckInsApi.Scan, outcome: CheckInsApi.Outcome): CheckInsApi.Answer {
  return { scan_id: scan.scan_id, outcome, reason: null, message_key: null, member_id: '1', member_name: '张*' }
}

function queue(storage: QueueStorage, activity = '7') {
  let n = 0
  return new ScanQueue(activity, storage, () => `scan-${String(++n).padStart(4, '0')}`, () => 1_700_000_000_000 + n)
}

describe('ScanQueue', () => {
  it('keeps scans per activity with their own id and time', async () => {
    const storage = memoryStorage()
    const q = queue(storage)
    await q.add('token-a')
    await q.add('token-b')
    expect(await q.pending()).toEqual([
      { scan_id: 'scan-0001', token: 'token-a', scanned_at: 1_700_000_000_001 },
      { scan_id: 'scan-0002', token: 'token-b', scanned_at: 1_700_000_000_002 },
    ])
    expect(await queue(storage, '8').pending()).toEqual([])
  })

  it('drops every answered scan, refused ones too, and keeps the unanswered', async () => {
    const storage = memoryStorage()
    const q = queue(storage)
    const a = await q.add('token-a')
    const b = await q.add('token-b')
    const c = await q.add('token-c')
    const sent: string[][] = []
    const answers = await q.flush(async (batch) => {
      sent.push(batch.map((s) => s.scan_id))
      // The server answered a and b; c's answer was lost.
      return [answer(a, 'recorded'), answer(b, 'refused')].filter((x) => batch.some((s) => s.scan_id === x.scan_id))
    })
    expect(sent).toEqual([['scan-0001', 'scan-0002', 'scan-0003'], ['scan-0003']])
    expect(answers.map((x) => x.outcome)).toEqual(['recorded', 'refused'])
    expect(await q.pending()).toEqual([c])
  })

  it('keeps the batch when the call fails (offline) and sends the same scans once when back', async () => {
    const storage = memoryStorage()
    const q = queue(storage)
    const a = await q.add('token-a')
    await expect(q.flush(async () => Promise.reject(new Error('offline')))).rejects.toThrow('offline')
    expect(await q.pending()).toEqual([a])
    const calls: CheckInsApi.Scan[][] = []
    const answers = await q.flush(async (batch) => {
      calls.push(batch)
      return batch.map((s) => answer(s, 'recorded'))
    })
    expect(calls).toEqual([[a]])
    expect(answers.map((x) => x.scan_id)).toEqual([a.scan_id])
    expect(await q.pending()).toEqual([])
    // Nothing left: a later round sends nothing.
    await q.flush(async () => {
      throw new Error('must not be called')
    })
  })

  it('sends at most 500 scans a call', async () => {
    const storage = memoryStorage()
    const q = queue(storage)
    for (let i = 0; i < 501; ++i) await q.add(`token-${i}`)
    const sizes: number[] = []
    await q.flush(async (batch) => {
      sizes.push(batch.length)
      return batch.map((s) => answer(s, 'replay'))
    })
    expect(sizes).toEqual([500, 1])
    expect(await q.pending()).toEqual([])
  })

  it('keeps a scan queued while a batch is on its way', async () => {
    const storage = memoryStorage()
    const q = queue(storage)
    const a = await q.add('token-a')
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const flushing = q.flush(async (batch) => {
      await gate
      return batch.map((s) => answer(s, 'recorded'))
    })
    const adding = q.add('token-b')
    release()
    await flushing
    const b = await adding
    expect(await q.pending()).toEqual([b])
    expect(b.scan_id).not.toBe(a.scan_id)
  })
})
