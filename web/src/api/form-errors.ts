// The server's answer to a failed save, shown on a form: field errors (RFC 9457 `errors`) under
// their fields, anything else through the app's error sink. Shared by every create/edit form.
import { reactive, watch } from 'vue'
import { showApiError } from './error-sink'
import { ApiError } from './request'

/** With the form's `model`, a field's server error goes away as soon as that field changes (it
 *  stayed until the next submit, on a field already fixed); `linked` names errors that belong to
 *  another model field (e.g. `{ employerText: ['employer_id'] }`). */
export function useServerErrors(model?: Record<string, unknown>, linked: Record<string, string[]> = {}) {
  /** field name → message, for `<el-form-item :error="serverErrors.field">`. */
  const errors = reactive<Record<string, string>>({})
  if (model) {
    watch(
      () => Object.entries(model).map(([key, value]) => [key, JSON.stringify(value ?? null)] as const),
      (now, before) => {
        const old = new Map(before)
        for (const [key, value] of now) {
          if (old.get(key) === value) continue
          delete errors[key]
          for (const other of linked[key] ?? []) delete errors[other]
        }
      },
    )
  }

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
