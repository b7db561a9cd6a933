// Background jobs (imports of rosters, registers and the union tree; large exports): the
// caller's subtree's jobs, one job with its progress, cancelling, and a finished export's file.
import { apiUrl, request } from './request'

export namespace JobsApi {
  export type Kind = 'members.import' | 'enterprises.import' | 'orgs.import' | 'members.export'
  export type State = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted'
  export interface Ref {
    id: string
    name: string
  }
  export interface Progress {
    /** Estimated from a first pass over the file; null until known. */
    rows_expected: number | null
    rows_read: number
    rows_committed: number
    rows_rejected: number
    /** Since the current attempt began; null until a second has passed. */
    rows_per_second: number | null
    eta_seconds: number | null
    /** 0–99 while running, 100 when it succeeded; null while the row count is unknown. */
    percent: number | null
    /** The file row taken as the header, once read. */
    header_row: number | null
  }
  export interface Problem {
    row: number
    column: string
    code: string
    message: string
  }
  export interface TableReport {
    encoding: string
    created: number
    updated: number
    failed_rows: number
    /** The first 1000. */
    problems: Problem[]
  }
  export interface Job {
    id: string
    kind: Kind
    state: State
    org: Ref | null
    owner: Ref | null
    file_name: string
    progress: Progress
    cancel_requested: boolean
    error: { code: string; message: string } | null
    /** A table import's report; other kinds have their own (an import's run, an export's file). */
    report: (Partial<TableReport> & Record<string, unknown>) | null
    result_ref: string | null
    has_file: boolean
    attempts: number
    created_at: number
    started_at: number | null
    finished_at: number | null
  }
  export interface Page {
    items: Job[]
    next_cursor: string | null
  }
  export interface Query {
    kind?: Kind
    state?: State
    mine?: boolean
    cursor?: string
    limit?: number
  }
}

export const JOB_STATES: JobsApi.State[] = ['queued', 'running', 'interrupted', 'succeeded', 'failed', 'cancelled']

/** Whether a job has stopped for good (polling ends); an interrupted one resumes by itself. */
export function jobFinished(job: Pick<JobsApi.Job, 'state'>): boolean {
  return job.state === 'succeeded' || job.state === 'failed' || job.state === 'cancelled'
}

/** Seconds as "1:05" or "1:02:03" (the time left of a running job). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}

const jobPath = (id: string) => `/api/v1/jobs/${encodeURIComponent(id)}`

export function listJobsApi(query: JobsApi.Query = {}): Promise<JobsApi.Page> {
  return request('/api/v1/jobs', {
    query: {
      kind: query.kind,
      state: query.state,
      mine: query.mine ? 'true' : undefined,
      cursor: query.cursor,
      limit: query.limit,
    },
  })
}

export function getJobApi(id: string): Promise<JobsApi.Job> {
  return request(jobPath(id), { silent: true })
}

export function cancelJobApi(id: string): Promise<JobsApi.Job> {
  return request(`${jobPath(id)}/cancel`, { method: 'POST', body: {}, silent: true })
}

/** Where the browser downloads a finished export (audited). */
export function jobFileUrl(id: string): string {
  return apiUrl(`${jobPath(id)}/file`)
}
