// Member registry API (会员实名制, /api/v1/members, /api/v1/member-transfers): search the members
// of the caller's subtree, read one with its history and transfers, change it, reveal its full
// ID or phone with a reason (audited), move it to another union through a transfer the other
// side decides, import rosters (XLSX/CSV as raw bytes, read in the background, polled for
// progress) and export them. Outside the caller's subtree everything answers 404.
import type { JobsApi } from './jobs'
import { apiUrl, request, requestFile, requestFileOrJson, type FileAnswer } from './request'

export namespace MembersApi {
  export type Status = 'active' | 'transferred_out' | 'retired' | 'deceased' | 'left'
  export type Gender = 'male' | 'female'
  export interface Ref {
    id: string
    name: string
  }
  export interface Employer {
    id: string | null
    name: string | null
  }
  /** One member as lists show it; ID and phone only masked (110101********1234, 138****5678). */
  export interface Summary {
    id: string
    name: string
    gender: Gender
    /** YYYY-MM-DD */
    birth_date: string
    id_masked: string
    phone_masked: string | null
    /** 16 digits. */
    card_number: string
    union: Ref
    employer: Employer
    /** YYYY-MM-DD */
    join_date: string | null
    status: Status
    migrant_worker: boolean
    model_worker: boolean
  }
  /** Something that happened to a member: updated, status, transfer_requested, transferred, revealed… */
  export interface Event {
    /** Unix milliseconds (an ISO string is accepted as well). */
    at: number | string
    event: string
    actor_name: string | null
    detail: Record<string, unknown> | string | null
  }
  export interface Detail extends Summary {
    ethnicity: string | null
    /** YYYY-MM-DD */
    status_changed_on: string | null
    import_id: string | null
    created_at: number | string
    updated_at: number | string
    events: Event[]
    transfers: Transfer[]
  }
  export interface Page {
    items: Summary[]
    next_cursor: string | null
  }
  export interface ListQuery {
    /** The subtree of this org (within the caller's scope). */
    org_id?: string
    q?: string
    status?: Status | ''
    after?: string
    limit?: number
  }
  export interface NewMember {
    union_id: string
    name: string
    id_number: string
    gender?: Gender
    phone?: string
    ethnicity?: string
    employer_id?: string
    employer_name?: string
    employer_uscc?: string
    join_date?: string
    migrant_worker?: boolean
    model_worker?: boolean
  }
  /** A member's status can only be set to one of these by hand; transfers set transferred_out. */
  export type SettableStatus = 'active' | 'retired' | 'deceased' | 'left'
  export interface Changes {
    phone?: string
    ethnicity?: string
    employer_id?: string
    employer_name?: string
    join_date?: string
    migrant_worker?: boolean
    model_worker?: boolean
    status?: SettableStatus
    status_changed_on?: string
  }
  export type RevealField = 'id_number' | 'phone'

  export type TransferBox = 'incoming' | 'outgoing' | 'decidable'
  export type TransferState = 'pending' | 'approved' | 'rejected' | 'cancelled'
  /** 会员关系接转: asked by one side (from = sending union, to = receiving union), decided by the other. */
  export interface Transfer {
    id: string
    member: { id: string; name: string; id_masked: string }
    from_union: Ref
    to_union: Ref
    requested_side: 'from' | 'to'
    requested_by_name: string | null
    /** The worker asked on My membership (changing jobs); requested_side is then 'from'. */
    requested_by_worker: boolean
    /** The new employer the worker named, if any. */
    new_employer: string | null
    reason: string
    state: TransferState
    due_at: number | string
    created_at: number | string
    decided_at: number | string | null
    decided_by_name: string | null
    decision_note: string | null
    /** The import whose candidate it came from, if any. */
    import_id: string | null
    can_decide: boolean
    can_cancel: boolean
  }
  export interface TransferPage {
    items: Transfer[]
    next_cursor: string | null
  }
  export interface TransferQuery {
    box: TransferBox
    state?: TransferState | ''
    after?: string
    limit?: number
  }
  /**
   * Asked by the sending side (member_id; the receiving union by id when in scope, or by its org
   * code when not — the server resolves any active grassroots union's code and reveals only its
   * name) or by the receiving side (id_number of someone active elsewhere).
   */
  export type NewTransfer =
    | { member_id: string; to_union_id: string; reason: string }
    | { member_id: string; to_union_code: string; reason: string }
    | { id_number: string; to_union_id: string; reason: string }

  export type ImportMode = 'valid-rows' | 'all-or-nothing'
  /** queued and interrupted: waiting for (or to resume on) the server's import worker. */
  export type ImportStatus = 'queued' | 'running' | 'interrupted' | 'done' | 'refused' | 'failed' | 'cancelled'
  export interface Rejection {
    /** The row number in the file, header = 1. */
    row: number
    column: string | null
    code: string
    message: string
  }
  export interface Candidate {
    row: number
    member_id?: string | null
    name: string
    id_masked: string
    current_union: Ref
  }
  export interface Import {
    id: string
    union: Ref
    file_name: string
    mode: ImportMode
    status: ImportStatus
    encoding: string | null
    unknown_columns: string[]
    /** The file's row taken as the header (title and blank rows above it are skipped). */
    header_row: number
    rows_total: number
    rows_committed_through: number
    accepted: number
    already_present: number
    transfer_candidates: number
    rejected: number
    started_at: number | string
    finished_at: number | string | null
    /** The first 500, in the caller's language. */
    rejections: Rejection[]
    /** The first 500. */
    candidates: Candidate[]
    /** The background job that runs it (null for a run of the command line). */
    job: JobsApi.Job | null
  }
  export interface ImportStart {
    union_id: string
    mode: ImportMode
    file_name: string
  }
  export interface ImportList {
    items: Import[]
    next_cursor?: string | null
  }
  export type FileFormat = 'xlsx' | 'csv'
  export interface ExportRequest {
    org_id: string
    subtree: boolean
    format: FileFormat
    /** Unmasked ID and phone; needs a reason and is audited. */
    full: boolean
    reason?: string
  }
}

export const MEMBER_STATUSES: MembersApi.Status[] = ['active', 'transferred_out', 'retired', 'deceased', 'left']
export const SETTABLE_STATUSES: MembersApi.SettableStatus[] = ['active', 'retired', 'deceased', 'left']
export const TRANSFER_BOXES: MembersApi.TransferBox[] = ['incoming', 'outgoing', 'decidable']
export const IMPORT_MODES: MembersApi.ImportMode[] = ['valid-rows', 'all-or-nothing']

/** What the server will match a search text against (the contract's q rules), for the hint under the box. */
export type QueryKind = 'none' | 'id_number' | 'card_number' | 'last4' | 'phone' | 'pinyin' | 'name'

/** Classifies a search text the way the server does; full-width digits and letters count as ASCII. */
export function queryKind(raw: string): QueryKind {
  const q = toHalfWidth(raw).trim()
  if (q === '') return 'none'
  if (/^\d{17}[\dXx]$/.test(q) || /^\d{15}$/.test(q)) return 'id_number'
  if (/^\d{16}$/.test(q)) return 'card_number'
  if (/^1\d{10}$/.test(q)) return 'phone'
  if (/^[\dXx]{4}$/.test(q)) return 'last4'
  if (/^[A-Za-z]+$/.test(q)) return 'pinyin'
  return 'name'
}

/** Full-width ASCII (as typed on a Chinese IME) to half-width, ideographic space to space. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** Whether an import run has stopped (polling ends); a queued or interrupted one will still run. */
export function importFinished(run: Pick<MembersApi.Import, 'status'>): boolean {
  return run.status !== 'running' && run.status !== 'queued' && run.status !== 'interrupted'
}

/**
 * How far a run has got, 0–100: the job's share of the rows expected (counted by the server
 * before it starts), never 100 before the server says it is done.
 */
export function importPercent(run: Pick<MembersApi.Import, 'status' | 'job'>): number {
  if (importFinished(run)) return 100
  const percent = run.job?.progress.percent
  return percent === null || percent === undefined ? 0 : Math.min(99, Math.max(0, percent))
}

const memberPath = (id: string) => `/api/v1/members/${encodeURIComponent(id)}`
const transferPath = (id: string) => `/api/v1/member-transfers/${encodeURIComponent(id)}`
const importPath = (id: string) => `/api/v1/members/imports/${encodeURIComponent(id)}`

export function listMembersApi(query: MembersApi.ListQuery = {}): Promise<MembersApi.Page> {
  return request('/api/v1/members', {
    query: {
      org_id: query.org_id || undefined,
      q: query.q?.trim() || undefined,
      status: query.status || undefined,
      after: query.after || undefined,
      limit: query.limit,
    },
  })
}

/** One member with history and transfers; a 404 ApiError when outside the caller's subtree. */
export function getMemberApi(id: string): Promise<MembersApi.Detail> {
  return request(memberPath(id), { silent: true })
}

/** Creates a member; field errors (and 409 active_elsewhere) come back as an ApiError for the form. */
export function createMemberApi(member: MembersApi.NewMember): Promise<MembersApi.Summary> {
  return request('/api/v1/members', { method: 'POST', body: member, silent: true })
}

export function updateMemberApi(id: string, changes: MembersApi.Changes): Promise<MembersApi.Summary> {
  return request(memberPath(id), { method: 'PATCH', body: changes, silent: true })
}

/** The full ID or phone; the server writes the look and its reason to the audit log first. */
export function revealMemberApi(id: string, field: MembersApi.RevealField, reason: string): Promise<{ value: string }> {
  return request(`${memberPath(id)}/reveal`, { method: 'POST', body: { field, reason }, silent: true })
}

export function listTransfersApi(query: MembersApi.TransferQuery): Promise<MembersApi.TransferPage> {
  return request('/api/v1/member-transfers', {
    query: { box: query.box, state: query.state || undefined, after: query.after || undefined, limit: query.limit },
  })
}

export function requestTransferApi(transfer: MembersApi.NewTransfer): Promise<MembersApi.Transfer> {
  return request('/api/v1/member-transfers', { method: 'POST', body: transfer, silent: true })
}

export function approveTransferApi(id: string, note?: string): Promise<MembersApi.Transfer> {
  return request(`${transferPath(id)}/approve`, { method: 'POST', body: note ? { note } : {}, silent: true })
}

export function rejectTransferApi(id: string, note: string): Promise<MembersApi.Transfer> {
  return request(`${transferPath(id)}/reject`, { method: 'POST', body: { note }, silent: true })
}

export function cancelTransferApi(id: string): Promise<MembersApi.Transfer> {
  return request(`${transferPath(id)}/cancel`, { method: 'POST', body: {}, silent: true })
}

/** Uploads a roster file as it is (the server detects XLSX, or CSV in UTF-8/GBK) and queues the run (202). */
export function startImportApi(file: Blob, start: MembersApi.ImportStart): Promise<MembersApi.Import> {
  return request('/api/v1/members/imports', {
    method: 'POST',
    bytes: file,
    query: { union_id: start.union_id, mode: start.mode, file_name: start.file_name },
    silent: true,
  })
}

export function getImportApi(id: string): Promise<MembersApi.Import> {
  return request(importPath(id), { silent: true })
}

/** Stops a queued or running import; what it committed stays (the report says how far it got). */
export function cancelImportApi(id: string): Promise<MembersApi.Import> {
  return request(`${importPath(id)}/cancel`, { method: 'POST', body: {}, silent: true })
}

export function listImportsApi(unionId?: string, status?: MembersApi.ImportStatus): Promise<MembersApi.ImportList> {
  return request('/api/v1/members/imports', { query: { union_id: unionId || undefined, status: status || undefined } })
}

/** Where the browser downloads the run's rows with an error column, IDs and phones masked (audited). */
export function importReportUrl(id: string, format: MembersApi.FileFormat): string {
  return apiUrl(`${importPath(id)}/report`, { format })
}

/** The report with full IDs and phones (to correct and import again): needs a reason, audited. */
export function revealedImportReportApi(id: string, format: MembersApi.FileFormat, reason: string): Promise<FileAnswer> {
  return requestFile(`${importPath(id)}/report`, { method: 'POST', body: { format, reason }, silent: true })
}

/** Turns the run's transfer candidates (all, or the given rows) into requests to the import's union. */
export function importTransfersApi(
  id: string,
  reason: string,
  rows?: number[],
): Promise<{ created: number; skipped: number }> {
  return request(`${importPath(id)}/transfers`, {
    method: 'POST',
    body: rows ? { reason, rows } : { reason },
    silent: true,
  })
}

/** Where the browser downloads the empty roster template (header row with Chinese names + notes). */
export function templateUrl(format: MembersApi.FileFormat): string {
  return apiUrl('/api/v1/members/template', { format })
}

/**
 * The roster of an org (or its subtree) as a file; masked unless `full` with a reason. Audited.
 * A large one (over the server's limit) comes back as a background job whose file is downloaded
 * when it is ready.
 */
export function exportMembersApi(request: MembersApi.ExportRequest): Promise<{ file: FileAnswer } | { job: JobsApi.Job }> {
  const body: MembersApi.ExportRequest = { ...request }
  if (!body.full) delete body.reason
  return requestFileOrJson<JobsApi.Job>('/api/v1/members/export', { method: 'POST', body, silent: true }).then((answer) =>
    'json' in answer ? { job: answer.json } : { file: answer.file },
  )
}
