// The zhijia command line as a user meets it: help on every subcommand, and one clear line
// (with a non-zero exit code) for each kind of bad input, in the user's language.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
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

describe('zhijia demo --history', () => {
  let dir
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhijia-history-'))
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('loads a year of service once and prints each account with what it can try', () => {
    // TMPDIR: the demo's roster files go to $TMPDIR/zhijia-imports, here inside the test folder.
    const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', TMPDIR: dir }
    delete env.ZHIJIA_DB
    const args = ['--db', `sqlite:${path.join(dir, 'demo.db')}`, '--key-file', path.join(dir, 'zhijia.key'), '--log-level', 'warn', 'demo', '--history', '--admin-password', 'Secret-Pass-2026']
    const first = spawnSync(zhijiaBin, args, { encoding: 'utf8', timeout: 120_000, env })
    assert.equal(first.status, 0, `${first.stdout}\n${first.stderr}`)
    const replayed = /a year of service replayed: (\d+) requests \((\d+) escalations, (\d+) follow-up visits\), (\d+) members recorded, (\d+) member transfers, 2 roster imports/.exec(first.stdout)
    assert.ok(replayed, first.stdout)
    assert.ok(Number(replayed[1]) > 2000 && Number(replayed[2]) > 100, replayed[0])
    // The park competition at the seed's scale, mid-scoring: 4,800 entries, about 60 % of 24,000 marks.
    const park = /park competition \(scoring\): 4800 entries, (\d+) marks given/.exec(first.stdout)
    assert.ok(park && Number(park[1]) > 12000 && Number(park[1]) < 17000, first.stdout)
    const lines = first.stdout.split('\n')
    for (const name of ['admin', 'staff.dongcheng', 'staff.xicheng', 'operator', 'cadre.donghuamen', 'judge.dongcheng']) {
      const at = lines.findIndex((line) => new RegExp(`user ${name.replace('.', '\\.')}\\b.*password Secret-Pass-2026`).test(line))
      assert.ok(at >= 0, `${name} is printed`)
      assert.match(lines[at + 1], /^ {2}try: /, `what ${name} can try follows its login`)
    }
    // The demo worker signs in to the portal by phone; what to try there follows that line.
    const worker = lines.findIndex((line) => /demo worker worker\.demo: sign in at \/portal\/sign-in with phone \d{11}/.test(line))
    assert.ok(worker >= 0, 'the demo worker is printed')
    assert.match(lines[worker + 1], /^ {2}try: /, 'what the demo worker can try follows its line')
    assert.match(lines[worker + 1], /rate request \d{15} in My requests \(or track it with the phone's last four digits \d{4}\)/)
    // The demo's rosters are imported from nameless files: none is left in TMPDIR in plain text.
    const rosters = path.join(dir, 'zhijia-imports')
    assert.deepEqual(existsSync(rosters) ? readdirSync(rosters) : [], [], 'no roster file is left behind')

    const second = spawnSync(zhijiaBin, args, { encoding: 'utf8', timeout: 120_000, env })
    assert.equal(second.status, 0, second.stderr)
    assert.match(second.stdout, /the year of service was there already/)
    assert.doesNotMatch(second.stdout, /try: /)
  })
})

describe('zhijia users', () => {
  let dir
  let common
  const run = (args, lang) => zhijia([...common, ...args], lang)
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhijia-users-'))
    common = ['--db', `sqlite:${path.join(dir, 'users.db')}`, '--key-file', path.join(dir, 'zhijia.key'), '--log-level', 'warn']
    const demo = run(['demo', '--admin-password', 'Secret-Pass-2026'])
    assert.equal(demo.status, 0, demo.stderr)
    for (const name of ['admin', 'staff.dongcheng', 'staff.xicheng', 'operator', 'cadre.donghuamen']) {
      assert.match(demo.stdout, new RegExp(`user ${name.replace('.', '\\.')}\\b.*password Secret-Pass-2026`))
    }
    // The demo worker signs in to the portal by phone, with the code from the server log.
    assert.match(demo.stdout, /demo worker worker\.demo: sign in at \/portal\/sign-in with phone 13600001019/)
    assert.doesNotMatch(demo.stdout, /user worker\.demo/)
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('users and its subcommands have --help', () => {
    for (const args of [['users', '--help'], ['users', 'add', '--help'], ['users', 'list', '--help'], ['users', 'disable', '--help'], ['users', 'reset-password', '--help']]) {
      const result = zhijia(args)
      assert.equal(result.status, 0, `zhijia ${args.join(' ')}\n${result.stderr}`)
      assert.match(result.stdout, /Usage: zhijia/)
    }
  })

  test('add with a generated password prints it, and list shows the account', () => {
    const added = run(['users', 'add', '--username', 'li.ming', '--display-name', '李明', '--role', 'cadre', '--org', '110102001'])
    assert.equal(added.status, 0, added.stderr)
    assert.match(added.stdout, /created user li\.ming \(cadre\)/)
    assert.match(added.stdout, /password of li\.ming: \S{12,}/)
    const listed = run(['users', 'list', '--org', '110102'])
    assert.equal(listed.status, 0, listed.stderr)
    const rows = listed.stdout.trim().split('\n')
    assert.match(rows[0], /^username\tname\trole\tstatus/)
    assert.deepEqual(rows.slice(1).map((r) => r.split('\t')[0]).sort(), ['li.ming', 'staff.xicheng'])
    assert.ok(rows.some((r) => r === 'li.ming\t李明\tcadre\tactive\t110102001\t西长安街街道总工会'), listed.stdout)
  })

  test('add refuses a common password, a bad role and an unknown org in one line each', () => {
    const base = ['users', 'add', '--username', 'wang.fang', '--display-name', '王芳']
    assertOneLineError(run([...base, '--role', 'cadre', '--org', '110101001', '--password', 'password123']), 2, /password: This password is too common/)
    assertOneLineError(run([...base, '--role', 'cadre', '--org', '110101001', '--password', 'short']), 2, /password: At least 10 characters/)
    assertOneLineError(run([...base, '--role', 'chief', '--org', '110101001', '--password', 'Wang-Fang-2026']), 2, /role: The role must be/)
    assertOneLineError(run([...base, '--role', 'cadre', '--org', '999999', '--password', 'Wang-Fang-2026']), 1, /No such record/)
    const good = [...base, '--role', 'cadre', '--org', '110101001', '--password', 'Wang-Fang-2026']
    assert.equal(run(good).status, 0)
    assertOneLineError(run(good, 'zh_CN.UTF-8'), 1, /该用户名已被使用/)
  })

  test('disable ends sign-in; reset-password sets a new one; unknown names are one line', () => {
    assert.equal(run(['users', 'add', '--username', 'zhao.lei', '--display-name', '赵磊', '--role', 'operator', '--org', '110000', '--password', 'Zhao-Lei-2026']).status, 0)
    const disabled = run(['users', 'disable', 'zhao.lei'])
    assert.equal(disabled.status, 0, disabled.stderr)
    assert.match(disabled.stdout, /disabled user zhao\.lei/)
    assert.match(run(['users', 'list']).stdout, /^zhao\.lei\t赵磊\toperator\tdisabled\t110000\t/m)
    const reset = run(['users', 'reset-password', 'zhao.lei'])
    assert.equal(reset.status, 0, reset.stderr)
    assert.match(reset.stdout, /password of zhao\.lei: \S{12,}/)
    assert.equal(run(['users', 'reset-password', 'zhao.lei', '--password', 'New-Zhao-Lei-2026']).status, 0)
    assertOneLineError(run(['users', 'disable', 'nobody']), 1, /No such record/)
    assertOneLineError(run(['users', 'reset-password', 'zhao.lei', '--password', 'zhao.lei']), 2, /password: .*(user name|At least)/)
  })
})

describe('zhijia keys', () => {
  let dir
  let keyFile
  let common
  const run = (args, lang) => zhijia([...common, ...args], lang)
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhijia-keys-'))
    keyFile = path.join(dir, 'secret', 'zhijia.key')
    common = ['--db', `sqlite:${path.join(dir, 'keys.db')}`, '--key-file', keyFile, '--log-level', 'warn']
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('the key file is created on first start, readable by its owner only', () => {
    assert.equal(run(['demo', '--admin-password', 'Secret-Pass-2026']).status, 0)
    assert.equal(statSync(keyFile).mode & 0o777, 0o600)
    // The personal-data key, and the federation's signing key for member cards.
    assert.match(
      readFileSync(keyFile, 'utf8'),
      /^zhijia-keys 1\ncurrent 1\nkey 1 [0-9a-f]{64} [0-9a-f]{64}\nsigning-key [0-9a-f]{64}\nsigning-current [0-9a-f]{8}\n$/,
    )
  })

  test('a key file that others may read is refused with one line saying what to do', () => {
    chmodSync(keyFile, 0o644)
    try {
      assertOneLineError(run(['keys', 'rotate'], 'zh_CN.UTF-8'), 1, /可被其他用户读取.*chmod 600/)
    } finally {
      chmodSync(keyFile, 0o600)
    }
  })

  test('rotate moves to a new key version and drops the old one', () => {
    const before = readFileSync(keyFile, 'utf8')
    const rotated = run(['keys', 'rotate', '--batch', '10'])
    assert.equal(rotated.status, 0, rotated.stderr)
    assert.match(rotated.stdout, /version 2/)
    const after = readFileSync(keyFile, 'utf8')
    assert.match(after, /^zhijia-keys 1\ncurrent 2\nkey 2 [0-9a-f]{64} [0-9a-f]{64}\nsigning-key [0-9a-f]{64}\nsigning-current [0-9a-f]{8}\n$/)
    assert.notEqual(after.split('\n')[2].slice(6), before.split('\n')[2].slice(6), 'a fresh key, not the old one')
    assert.equal(after.split('\n')[3], before.split('\n')[3], 'the card signing key stays: cards keep verifying')
    assert.equal(statSync(keyFile).mode & 0o777, 0o600)
    assertOneLineError(run(['keys', 'rotate', '--batch', '0']), 2, /--batch/)
  })
})

describe('zhijia calendar', () => {
  let dir
  const run = (args, lang = 'C.UTF-8') =>
    zhijia(['--db', `sqlite:${path.join(dir, 'z.db')}`, '--key-file', path.join(dir, 'k'), ...args], lang)
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhijia-calendar-'))
    assert.equal(run(['migrate']).status, 0)
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('lists the shipped years, loads another, and names file and line of a bad one', () => {
    const listed = run(['calendar', 'list'])
    assert.equal(listed.status, 0, listed.stderr)
    assert.match(listed.stdout, /^2025 \(shipped\): 248 working days/m)
    assert.match(listed.stdout, /^2026 \(shipped\): 248 working days, 19 holidays, 6 weekend days worked$/m)

    const good = path.join(dir, '2027.txt')
    writeFileSync(good, 'year 2027\noff 2027-02-08 2027-02-12 春节\nwork 2027-02-20 春节调休\n')
    const loaded = run(['calendar', 'load', good], 'zh_CN.UTF-8')
    assert.equal(loaded.status, 0, loaded.stderr)
    assert.match(loaded.stdout, /2027 年（载入）：工作日 257 天，节假日 5 天，调休上班 1 天/)
    assert.match(run(['calendar', 'list']).stdout, /^2027 \(loaded\)/m)

    const bad = path.join(dir, 'bad.txt')
    writeFileSync(bad, 'year 2027\noff 2027-02-30 不存在\n')
    assertOneLineError(run(['calendar', 'load', bad]), 2, new RegExp(`line 2.*${bad.replace(/[.]/g, '\\.')}`))
  })
})
