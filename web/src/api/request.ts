// The one HTTP client of the front end. Every call goes through `request`, which sends the
// session cookies (same origin), Accept-Language from the current locale and, on unsafe methods,
// the X-CSRF-Token header of the session the call belongs to (the staff console's, or the worker
// portal's for `session: 'portal'`); turns RFC 9457 problem+json (and any other failure) into an
// `ApiError`; and reports errors to one sink unless the caller handles them itself (`silent`).

/** One per-field message from a problem's `errors` member. */
export interface FieldError {
  field: string
  message: string
}

/** An RFC 9457 problem details body as the zhijia server sends it. */
export interface ProblemDetails {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  /** The message key of the problem, e.g. "error.auth.use_portal" (stable, not translated). */
  code?: string
  errors?: FieldError[]
}

/** Why a request failed: the server said so (problem), it answered oddly (http), or no answer (network). */
export type ApiErrorKind = 'problem' | 'http' | 'network'

/** The problem code of a wrong, expired or used one-time code (sign-in's and reveal's). */
const CODE_REFUSED = 'error.sign_in.code_invalid'

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number
  readonly type: string
  readonly title?: string
  readonly detail?: string
  readonly code?: string
  readonly errors: FieldError[]

  constructor(kind: ApiErrorKind, status: number, problem: ProblemDetails = {}) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.kind = kind
    this.status = status
    this.type = problem.type ?? 'about:blank'
    this.title = problem.title
    this.detail = problem.detail
    this.code = problem.code
    this.errors = problem.errors ?? []
  }

  /** The message of the first error on `field`, if any. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  method?: HttpMethod
  /** Sent as JSON. */
  body?: unknown
  /** Sent as they are with Content-Type application/octet-stream (file uploads); excludes `body`. */
  bytes?: Blob | ArrayBuffer
  query?: Record<string, string | number | boolean | undefined>
  /** Handle the error at the call site instead of reporting it to the error sink. */
  silent?: boolean
  signal?: AbortSignal
  /** Whose session the call runs in: the staff console's (default) or the worker portal's. */
  session?: 'console' | 'portal'
}

/** What the client needs from the rest of the app; wired once in main.ts, replaced in tests. */
export interface ApiClientConfig {
  baseUrl: string
  locale: () => string
  csrfToken: () => string | undefined
  /** The worker portal session's CSRF token, for `session: 'portal'` calls. */
  portalCsrfToken: () => string | undefined
  onError: (error: ApiError) => void
  /** Called on a 401 from any console request except the session's own. */
  onUnauthorized: (error: ApiError) => void
  /** Called on a 401 from any portal request except the portal session's own. */
  onPortalUnauthorized: (error: ApiError) => void
  /** Told after every call whether the server answered at all (silent calls too): the portal's
   *  offline notice, since navigator.onLine says nothing about a network that goes nowhere. */
  onReached: (reached: boolean) => void
  fetch: typeof fetch
}

const defaults: ApiClientConfig = {
  baseUrl: '',
  locale: () => 'zh-CN',
  csrfToken: () => undefined,
  portalCsrfToken: () => undefined,
  onError: () => {},
  onUnauthorized: () => {},
  onPortalUnauthorized: () => {},
  onReached: () => {},
  fetch: (...args) => globalThis.fetch(...args),
}

let config: ApiClientConfig = { ...defaults }

export function configureApiClient(changes: Partial<ApiClientConfig>): void {
  config = { ...config, ...changes }
}

export function resetApiClient(): void {
  config = { ...defaults }
}

const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['GET'])

/** The URL a call to `path` with `query` goes to; for links the browser follows itself (downloads). */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  return buildUrl(path, query)
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  let url = config.baseUrl + path
  if (query) {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.append(key, String(value))
    }
    const text = params.toString()
    if (text) url += (url.includes('?') ? '&' : '?') + text
  }
  return url
}

function isJson(contentType: string | null): boolean {
  return contentType !== null && /^application\/(problem\+)?json\b/i.test(contentType)
}

async function toApiError(response: Response): Promise<ApiError> {
  const contentType = response.headers.get('Content-Type')
  if (isJson(contentType)) {
    try {
      const body = (await response.json()) as ProblemDetails
      if (body && typeof body === 'object') {
        const problem = /^application\/problem\+json\b/i.test(contentType ?? '')
        return new ApiError(problem ? 'problem' : 'http', response.status, body)
      }
    } catch {
      // Not JSON after all: fall through to a bare HTTP error.
    }
  }
  return new ApiError('http', response.status)
}

/** Sends one call and returns the successful response; every failure becomes a reported ApiError. */
async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET'
  const headers = new Headers({ Accept: accept, 'Accept-Language': config.locale() })
  let body: BodyInit | undefined
  if (options.bytes !== undefined) {
    headers.set('Content-Type', 'application/octet-stream')
    body = options.bytes
  } else if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify(options.body)
  }
  const portal = options.session === 'portal'
  if (!SAFE_METHODS.has(method)) {
    const token = portal ? config.portalCsrfToken() : config.csrfToken()
    if (token) headers.set('X-CSRF-Token', token)
  }

  let response: Response
  try {
    response = await config.fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body,
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    config.onReached(false)
    const error = new ApiError('network', 0)
    if (!options.silent) config.onError(error)
    throw error
  }
  config.onReached(true)

  if (!response.ok) {
    const error = await toApiError(response)
    // A refused one-time code (My data's reveal) is a 401 like sign-in's, not a lost session.
    const sessionLost = error.code !== CODE_REFUSED && !path.startsWith('/api/v1/portal/session')
    if (error.status === 401 && portal && sessionLost) config.onPortalUnauthorized(error)
    else if (error.status === 401 && !portal && !path.startsWith('/api/v1/session')) config.onUnauthorized(error)
    else if (!options.silent) config.onError(error)
    throw error
  }
  return response
}

/** A file the server answered with, and the name its Content-Disposition gives it. */
export interface FileAnswer {
  blob: Blob
  fileName: string | null
}

/** The file name of a Content-Disposition header (RFC 6266: filename* in UTF-8 wins over filename). */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header)
  if (!plain) return null
  return (plain[2] ?? plain[1] ?? '').trim() || null
}

/** Performs one API call whose answer is a file (an export made by POST), not JSON. */
export async function requestFile(path: string, options: RequestOptions = {}): Promise<FileAnswer> {
  const response = await send(path, options, '*/*')
  return { blob: await response.blob(), fileName: dispositionFileName(response.headers.get('Content-Disposition')) }
}

/** One API call that answers either a file or (e.g. 202 with a background job) JSON. */
export async function requestFileOrJson<T>(path: string, options: RequestOptions = {}): Promise<{ file: FileAnswer } | { json: T }> {
  const response = await send(path, options, '*/*')
  if (isJson(response.headers.get('Content-Type'))) return { json: (await response.json()) as T }
  return { file: { blob: await response.blob(), fileName: dispositionFileName(response.headers.get('Content-Disposition')) } }
}

/** Performs one API call and returns its parsed JSON body (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json')
  if (response.status === 204) return undefined as T
  if (!isJson(response.headers.get('Content-Type'))) {
    const error = new ApiError('http', response.status)
    if (!options.silent) config.onError(error)
    throw error
  }
  return (await response.json()) as T
}
