// The zhijia command line as a user meets it: help on every subcommand, and one clear line
// (with a non-zero exit code) for each kind of bad input, in the user's language.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'

import { zhijiaBin } from './server.mjs'

function zhijia(args, lang = 'C.UTF-8') {
  const env = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' }
  delete env.ZHIJIA_DB
  return spawnSync(zhijiaBin, args, { encoding: 'utf8', timeout: 30_000, env })
}

function assertOneLineError(result, exitCode, pattern) {
  assert.equal(result.status, exitCode, `exit code\n${result.stdout}\n${result.stderr}`)
  const lines = result.stderr.trim().split('\n')
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${result.stderr}`)
  assert.match(lines[0], /^zhijia: /)
  assert.match(lines[0], pattern)
}

describe('zhijia command line', () => {
  let dir
  before(() => {
    assert.ok(existsSync(zhijiaBin), `zhijia binary not found at ${zhijiaBin}`)
    dir = mkdtempSync(path.join(tmpdir(), 'zhijia-cli-'))
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('every subcommand has --help', () => {
    for (const args of [['--help'], ['serve', '--help'], ['migrate', '--help'], ['demo', '--help'], ['version', '--help']]) {
      const result = zhijia(args)
      assert.equal(result.status, 0, `zhijia ${args.join(' ')}\n${result.stderr}`)
      assert.match(result.stdout, /Usage: zhijia/)
    }
  })

  test('version prints the program and schema versions', () => {
    const result = zhijia(['version'])
    assert.equal(result.status, 0)
    assert.match(result.stdout, /^zhijia \d+\.\d+\.\d+ \(schema \d+\)$/m)
  })

  test('an unknown subcommand is one line naming it, exit 2', () => {
    assertOneLineError(zhijia(['frobnicate']), 2, /unknown subcommand 'frobnicate'/)
  })

  test('an unknown option is one line naming it, exit 2', () => {
    assertOneLineError(zhijia(['serve', '--no-such-option']), 2, /--no-such-option/)
  })

  test('a malformed --db is one line naming the accepted forms, exit 2', () => {
    assertOneLineError(zhijia(['migrate', '--db', 'mysql://localhost/x']), 2, /mysql:\/\/localhost\/x.*sqlite:PATH/)
  })

  test('an unreachable PostgreSQL is one line, in English or Chinese by LANG, exit 1', () => {
    const args = ['migrate', '--db', 'postgresql://zhijia:topsecret@127.0.0.1:1/zhijia']
    const en = zhijia(args)
    assertOneLineError(en, 1, /cannot be reached/)
    assert.doesNotMatch(en.stderr, /topsecret/, 'the password must not be printed')
    assertOneLineError(zhijia(args, 'zh_CN.UTF-8'), 1, /无法连接数据库/)
  })

  test('a database from a newer version is refused and left untouched, exit 1', () => {
    const file = path.join(dir, 'newer.db')
    const db = `sqlite:${file}`
    assert.equal(zhijia(['migrate', '--db', db]).status, 0)
    const sql = (statement) => spawnSync('sqlite3', [file, statement], { encoding: 'utf8' })
    assert.equal(sql("INSERT INTO schema_migrations VALUES (9999, 'from_the_future', 0)").status, 0)
    const before = sql('SELECT group_concat(name) FROM sqlite_master').stdout
    assertOneLineError(zhijia(['migrate', '--db', db]), 1, /newer than this program supports/)
    assertOneLineError(zhijia(['serve', '--db', db, '--listen', '127.0.0.1:0']), 1, /newer/)
    assert.equal(sql('SELECT group_concat(name) FROM sqlite_master').stdout, before)
    assert.equal(sql('SELECT max(version) FROM schema_migrations').stdout.trim(), '9999')
  })

  test('serving on a port already in use is one line, exit 1', async () => {
    const blocker = net.createServer()
    await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = blocker.address()
      const db = `sqlite:${path.join(dir, 'port.db')}`
      assert.equal(zhijia(['migrate', '--db', db]).status, 0)  // so no migration log line precedes the error
      assertOneLineError(zhijia(['serve', '--db', db, '--listen', `127.0.0.1:${port}`]), 1, new RegExp(`127\\.0\\.0\\.1:${port}`))
    } finally {
      blocker.close()
    }
  })

  test('a malformed --listen is one line, exit 2', () => {
    assertOneLineError(zhijia(['serve', '--listen', 'localhost']), 2, /HOST:PORT/)
  })
})
