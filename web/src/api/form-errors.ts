// The server's answer to a failed save, shown on a form: field errors (RFC 9457 `errors`) under
// their fields, anything else through the app's error sink. Shared by every create/edit form.
import { reactive } from 'vue'
import { showApiError } from './error-sink'
import { ApiError } from './request'

export function useServerErrors() {
  /** field name → message, for `<el-form-item :error="serverErrors.field">`. */
  const errors = reactive<Record<string, string>>({})

  function clear(): void {
    for (const key of Object.keys(errors)) delete errors[key]
  }

  /** Puts a failed save's field errors on the form; other API failures go to the error sink. */
  function report(error: unknown): void {
    if (!(error instanceof ApiError)) return // network failures were reported by the client
    if (error.errors.length === 0) {
      showApiError(error)
      return
    }
    for (const e of error.errors) errors[e.field] = e.message
  }

  return { errors, clear, report }
}
