// The single place where API failures become visible to the user (an Element Plus message).
// Calls that handle their own errors pass `silent` to `request` and never reach it.
import { ElMessage } from 'element-plus'
import { i18n } from '@/locales'
import type { ApiError } from './request'

// A 401 is a lost session, except a refused one-time code (sign-in, My data's reveal): that is
// the server's own sentence ("验证码不正确或已失效…"), and the worker is still where they were.
const REFUSED_CODE = 'error.sign_in.code_invalid'

export function apiErrorMessage(error: ApiError): string {
  const { t } = i18n.global
  if (error.kind === 'network') return t('errors.network')
  if (error.status === 401 && error.code === REFUSED_CODE && error.detail) return error.detail
  if (error.status === 401) return t('errors.sessionExpired')
  return error.detail ?? error.title ?? t('errors.unexpected', { status: error.status })
}

export function showApiError(error: ApiError): void {
  ElMessage({ type: 'error', message: apiErrorMessage(error), grouping: true, showClose: true })
}
