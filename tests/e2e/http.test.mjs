// The server's HTTP contract as seen from outside: health, version, OpenAPI, problem+json
// errors, security headers, static assets and the SPA fallback.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ADMIN_PASSWORD, importFromWeb, startServer } from './server.mjs'

const { Validator } = await importFromWeb('@seriousme/openapi-schema-validator')
const { url } = await startServer()

async function get(path, init) {
  return fetch(url + path, { redirect: 'manual', ...init })
}

function assertProblem(response, status) {
  assert.equal(response.status, status)
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/)
}

describe('health and version', () => {
  it('answers /healthz with status ok', async () => {
    const response = await get('/healthz')
    assert.equal(response.status, 200)
    assert.deepEqual(await response.json(), { status: 'ok' })
  })

  it('answers /readyz with status ready', async () => {
    const response = await get('/readyz')
    assert.equal(response.status, 200)
    assert.deepEqual(await response.json(), { status: 'ready' })
  })

  it('describes server and database at /api/v1/version', async () => {
    const response = await get('/api/v1/version')
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/)
    const body = await response.json()
    assert.equal(body.name, 'zhijia')
    assert.match(body.version, /^\d+\.\d+\.\d+/)
    assert.ok(Number.isInteger(body.schema_version) && body.schema_version >= 1, `schema_version ${body.schema_version}`)
    assert.equal(body.backend, 'sqlite')
  })
})

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document that describes the session and version paths', async () => {
    const response = await get('/api/v1/openapi.json')
    assert.equal(response.status, 200)
    const document = await response.json()
    assert.match(document.openapi, /^3\.1\./)

    const validator = new Validator()
    const result = await validator.validate(document)
    assert.equal(result.valid, true, `OpenAPI document is invalid:\n${JSON.stringify(result.errors, null, 2)}`)
    assert.equal(validator.version, '3.1')
    for (const path of ['/api/v1/version', '/api/v1/session']) {
      assert.ok(document.paths?.[path], `paths lacks ${path}`)
    }
  })
})

describe('errors are problem+json', () => {
  it('answers an unknown /api path with 404', async () => {
    const response = await get('/api/v1/no-such-thing')
    assertProblem(response, 404)
    const body = await response.json()
    assert.equal(body.status, 404)
    assert.equal(typeof body.title, 'string')
  })

  it('answers malformed JSON with 400 and per-field errors', async () => {
    const response = await get('/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' },
      body: '{"username": "admin", "password": ',
    })
    assertProblem(response, 400)
    const body = await response.json()
    assert.equal(body.status, 400)
    assert.ok(Array.isArray(body.errors), `errors member missing: ${JSON.stringify(body)}`)
  })

  it('answers a 2 MiB body with 413', async () => {
    const big = JSON.stringify({ username: 'a'.repeat(2 * 1024 * 1024), password: 'x' })
    const response = await get('/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: big,
    })
    assertProblem(response, 413)
  })

  it('answers in the language of Accept-Language', async () => {
    const zh = await (await get('/api/v1/no-such-thing', { headers: { 'Accept-Language': 'zh-CN' } })).json()
    const en = await (await get('/api/v1/no-such-thing', { headers: { 'Accept-Language': 'en' } })).json()
    assert.match(zh.title, /\p{Script=Han}/u, `zh-CN title: ${zh.title}`)
    assert.doesNotMatch(en.title, /\p{Script=Han}/u, `en title: ${en.title}`)
  })

})

describe('session', () => {
  it('answers a wrong password with 401 problem+json', async () => {
    const response = await get('/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'not-the-password' }),
    })
    assertProblem(response, 401)
    assert.equal(response.headers.get('set-cookie'), null)
  })

  it('signs in with a secure cookie, needs the CSRF token to sign out, then forgets the session', async () => {
    const login = await get('/api/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    })
    assert.equal(login.status, 200)
    const setCookie = login.headers.get('set-cookie') ?? ''
    assert.match(setCookie, /^zj_session=/)
    assert.match(setCookie, /HttpOnly/i)
    assert.match(setCookie, /SameSite=Strict/i)
    const session = await login.json()
    assert.equal(session.user.username, 'admin')
    assert.equal(typeof session.user.display_name, 'string')
    assert.equal(typeof session.user.org?.name, 'string')
    assert.ok(session.csrf_token, 'csrf_token missing')

    const cookie = setCookie.split(';')[0]
    const current = await get('/api/v1/session', { headers: { Cookie: cookie } })
    assert.equal(current.status, 200)
    assert.equal((await current.json()).user.username, 'admin')

    const noToken = await get('/api/v1/session', { method: 'DELETE', headers: { Cookie: cookie } })
    assertProblem(noToken, 403)
    const wrongToken = await get('/api/v1/session', {
      method: 'DELETE',
      headers: { Cookie: cookie, 'X-CSRF-Token': 'x' + session.csrf_token },
    })
    assertProblem(wrongToken, 403)

    const logout = await get('/api/v1/session', {
      method: 'DELETE',
      headers: { Cookie: cookie, 'X-CSRF-Token': session.csrf_token },
    })
    assert.equal(logout.status, 204)
    assertProblem(await get('/api/v1/session', { headers: { Cookie: cookie } }), 401)
  })
})

describe('web front end', () => {
  it('serves index.html with security headers and no cache', async () => {
    const response = await get('/')
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/)
    const csp = response.headers.get('content-security-policy') ?? ''
    assert.match(csp, /default-src 'self'/)
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff')
    assert.ok(
      /frame-ancestors/.test(csp) || /^(deny|sameorigin)$/i.test(response.headers.get('x-frame-options') ?? ''),
      `neither frame-ancestors in CSP (${csp}) nor X-Frame-Options`,
    )
    assert.match(response.headers.get('cache-control') ?? '', /no-cache|no-store/)
    assert.match(await response.text(), /<div id="app">/)
  })

  it('serves hashed assets with a long immutable cache and the right content types', async () => {
    const html = await (await get('/')).text()
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    const style = /<link[^>]+href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1]
    assert.ok(script && style, 'index.html links no /assets/*.js or *.css')

    for (const [path, type] of [
      [script, /^(text|application)\/javascript/],
      [style, /^text\/css/],
    ]) {
      const response = await get(path)
      assert.equal(response.status, 200, path)
      assert.match(response.headers.get('content-type') ?? '', type, path)
      const cache = response.headers.get('cache-control') ?? ''
      assert.match(cache, /immutable/, `${path}: ${cache}`)
      assert.ok(Number(/max-age=(\d+)/.exec(cache)?.[1] ?? 0) >= 86400 * 30, `${path}: ${cache}`)
    }
  })

  it('answers a missing asset with 404, not the SPA page', async () => {
    const response = await get('/assets/no-such-file-1234.js')
    assert.equal(response.status, 404)
  })

  it('serves index.html for a deep link (SPA fallback)', async () => {
    const response = await get('/some/deep/route')
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/)
    assert.match(await response.text(), /<div id="app">/)
  })
})
