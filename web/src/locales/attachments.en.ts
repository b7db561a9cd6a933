// Evidence files' messages (issue 20), English: the same keys as attachments.zh-CN.ts.
import type { attachmentsZhCN } from './attachments.zh-CN'

export const attachmentsEn: { [K in keyof typeof attachmentsZhCN]: string } = {
  hardshipTitle: 'Supporting documents',
  stageDocuments: 'Documents by stage',
  upload: 'Upload a file',
  hint: 'PDF, JPG, PNG, WebP or HEIC, up to 10 MB each and 20 files per file or stage',
  none: 'No documents yet',
  uploaded: 'Uploaded (the file is stored encrypted)',
  tooLarge: 'The file is larger than 10 MB',
  name: 'File',
  type: 'Type',
  size: 'Size',
  by: 'Uploaded by',
  at: 'Uploaded at',
  download: 'Download',
  downloadTitle: 'Download a document',
  downloadReason: 'Why do you need it? (kept in the audit log)',
  reasonRule: 'At least 2 characters',
  remove: 'Remove',
  removeConfirm: 'Remove “{name}”? The removal is kept in the audit log.',
  removeTitle: 'Remove a document',
  removed: 'Removed',
  confirm: 'OK',
  cancel: 'Cancel',
}
