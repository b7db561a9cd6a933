// Working-day calendars (issue 7): the years known (shipped with the program or loaded by an
// administrator) and loading one year's text (holidays and adjusted working days).
import { request } from './request'

export namespace CalendarsApi {
  export interface Year {
    year: number
    source: 'shipped' | 'loaded'
    working_days: number
    /** Weekdays off. */
    holidays: number
    /** Saturdays and Sundays worked (调休). */
    worked_weekends: number
    /** Unix ms; null for a shipped year. */
    loaded_at: number | null
  }
}

/** Every year known, oldest first (administrators and staff). */
export function listCalendarsApi(): Promise<CalendarsApi.Year[]> {
  return request('/api/v1/calendars')
}

/** Loads one year's text; a bad line comes back as an ApiError with a field error on "text". */
export function loadCalendarApi(year: number, text: string): Promise<CalendarsApi.Year> {
  return request(`/api/v1/calendars/${year}`, { method: 'PUT', bytes: new Blob([text], { type: 'text/plain' }), silent: true })
}
