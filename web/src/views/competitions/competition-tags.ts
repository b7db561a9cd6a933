// Tag colours of the competition pages.
import type { CompetitionsApi } from '@/api/competitions'

export function statusTagType(status: CompetitionsApi.Status): 'primary' | 'warning' | 'success' {
  return status === 'published' ? 'success' : status === 'listed' ? 'warning' : 'primary'
}
