// The colour of a request status wherever it is shown as a tag.
import type { RequestsApi } from '@/api/requests'

export function statusTagType(status: RequestsApi.Status): 'primary' | 'success' | 'info' | 'warning' | 'danger' {
  switch (status) {
    case 'submitted':
      return 'warning'
    case 'accepted':
    case 'in_progress':
      return 'primary'
    case 'resolved':
    case 'closed':
      return 'success'
    case 'rejected':
      return 'danger'
    default:
      return 'info'
  }
}
