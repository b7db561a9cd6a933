// Evidence files (issue 20): a hardship file's 证明材料 and the documents of a legal case's
// stages. Uploads send the file itself as the body (its name in the query; the server decides
// its type by its own bytes); lists carry names, types, sizes, who and when, never content; a
// download needs a reason (audited as a reveal) and comes back as a file; removal is audited.
// Outside the caller's subtree everything is 404.
import { request, requestFile, type FileAnswer } from './request'

export interface Attachment {
  id: string
  owner_kind: 'hardship_file' | 'legal_stage' | 'ma_claim'
  owner_id: string
  stage: string | null
  file_name: string
  media_type: string
  bytes: number
  sha256: string
  uploaded_by: { id: string; name: string } | null
  uploaded_at: number
}

/** What the file picker offers (the server checks the bytes whatever the picker let through). */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.heic,.heif,application/pdf,image/jpeg,image/png,image/webp,image/heic,image/heif'
/** The largest file the server takes (10 MiB). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024

const filePath = (fileId: string) => `/api/v1/hardship/files/${encodeURIComponent(fileId)}/attachments`
const stagePath = (caseId: string, stage: string) =>
  `/api/v1/legal/cases/${encodeURIComponent(caseId)}/stages/${encodeURIComponent(stage)}/documents`

export async function listHardshipAttachmentsApi(fileId: string): Promise<Attachment[]> {
  return (await request<{ items: Attachment[] }>(filePath(fileId), { silent: true })).items
}

export function addHardshipAttachmentApi(fileId: string, file: File): Promise<Attachment> {
  return request(filePath(fileId), { method: 'POST', bytes: file, query: { file_name: file.name }, silent: true })
}

export async function listStageDocumentsApi(caseId: string, stage: string): Promise<Attachment[]> {
  return (await request<{ items: Attachment[] }>(stagePath(caseId, stage), { silent: true })).items
}

export function addStageDocumentApi(caseId: string, stage: string, file: File): Promise<Attachment> {
  return request(stagePath(caseId, stage), { method: 'POST', bytes: file, query: { file_name: file.name }, silent: true })
}

/** The file itself, with a reason (audited before it is sent). */
export function downloadAttachmentApi(id: string, reason: string): Promise<FileAnswer> {
  return requestFile(`/api/v1/attachments/${encodeURIComponent(id)}/content`, { query: { reason }, silent: true })
}

export function removeAttachmentApi(id: string): Promise<void> {
  return request(`/api/v1/attachments/${encodeURIComponent(id)}`, { method: 'DELETE', silent: true })
}
