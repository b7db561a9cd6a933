// The member import from the command line, interrupted for real: `zhijia members import` of a
// large generated roster is killed with SIGKILL mid-way, and the rerun of the same file resumes
// after the last committed batch, so in the end every row is a member exactly once and the
// counters add up. Also: --json output shape (of a run, and of a file refused: exit 1), the
// report file, the error line naming the file, row and column, and the header under a title.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

import { zhijiaBin } from './server.mjs'

const generator = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bench/import/gen_roster.mjs')
const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' }
delete env.ZHIJIA_DB

describe('zhijia members import', () => {
  let dir
  let common
  const run = (args) => spawnSync(zhijiaBin, [...common, ...args], { encoding: 'utf8', timeout: 600_000, env })
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhijia-members-'))
    common = ['--db', `sqlite:${path.join(dir, 'members.db')}`, '--key-file', path.join(dir, 'zhijia.key'), '--log-level', 'warn']
    assert.equal(run(['demo', '--admin-password', 'Secret-Pass-2026', '--scale', '0']).status, 0)
    for (const code of ['KILL-U1', 'SMALL-U1']) {
      const added = run(['orgs', 'add', '--code', code, '--name', `${code} 工会`, '--kind', 'grassroots', '--parent', '110101001'])
      assert.equal(added.status, 0, added.stderr)
    }
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('--json, the report file and the error line name the file, row and column', () => {
    const file = path.join(dir, 'small.csv')
    writeFileSync(file, '\uFEFF姓名,身份证号,备注\r\n张三,11010519491231002X,x\r\n李四,110105194912310021,y\r\n')
    const report = path.join(dir, 'small-report.csv')
    const json = run(['members', 'import', '--union', 'SMALL-U1', file, '--json', '--report', report])
    assert.equal(json.status, 1, json.stderr)
    const out = JSON.parse(json.stdout)
    assert.equal(out.rows, 2)
    assert.equal(out.accepted, 1)
    assert.equal(out.rejected, 1)
    assert.equal(out.already_present, 0)
    assert.equal(out.transfer_candidates, 0)
    assert.deepEqual(out.unknown_columns, ['备注'])
    assert.match(out.import_id, /^\d+$/)
    assert.deepEqual(out.rejections, [{ row: 3, column: '身份证号', code: 'error.id_number.check', message: "The ID number's check character does not match; check for a mistyped digit" }])
    const lines = readFileSync(report, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
    assert.equal(lines[0], '"姓名","身份证号","备注","错误说明"')
    assert.equal(lines[1], '"张三","11010519491231002X","x",""')
    assert.match(lines[2], /^"李四","110105194912310021","y","身份证号：The ID number's check character/)

    const again = run(['members', 'import', '--union', 'SMALL-U1', file])
    assert.equal(again.status, 1)
    assert.match(again.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: row 3, column 身份证号: The ID number's check character`))
    assert.match(again.stdout, /2 rows, 0 members added, 1 already present/)
  })

  test('--json prints the error as JSON and a file that cannot be read exits 1, not 2', () => {
    const refused = (file, union = 'SMALL-U1') => {
      const result = run(['members', 'import', '--union', union, file, '--json'])
      return { status: result.status, out: result.stdout ? JSON.parse(result.stdout) : null, stderr: result.stderr }
    }
    const missing = refused(path.join(dir, 'no-such-file.csv'))
    assert.equal(missing.status, 1, missing.stderr)
    assert.equal(missing.out.error.code, 'error.import.unreadable')
    assert.equal(missing.out.error.type, 'invalid-argument')
    assert.equal(missing.out.error.file, path.join(dir, 'no-such-file.csv'))
    assert.match(missing.out.error.message, /^Cannot read the file /)

    const notABook = path.join(dir, 'not-a-book.xlsx')
    writeFileSync(notABook, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('not really a zip')]))
    const xlsx = refused(notABook)
    assert.equal(xlsx.status, 1, xlsx.stderr)
    assert.equal(xlsx.out.error.code, 'error.import.xlsx')

    // One field that never ends (a CSV "bomb"): refused past the cell bound (import_limits.h),
    // not read whole.
    const bomb = path.join(dir, 'bomb.csv')
    writeFileSync(bomb, '姓名,身份证号\r\n"' + 'x'.repeat(3 * 1024 * 1024))
    const tooLarge = refused(bomb)
    assert.equal(tooLarge.status, 1, tooLarge.stderr)
    assert.equal(tooLarge.out.error.code, 'error.import.limit.cell_bytes')
    assert.equal(tooLarge.out.error.row, '2')

    const noId = path.join(dir, 'no-id.csv')
    writeFileSync(noId, '会员花名册\r\n姓名,手机号\r\n张三,13812345678\r\n')
    const header = refused(noId)
    assert.equal(header.status, 1, header.stderr)
    assert.equal(header.out.error.code, 'error.roster.missing_column')
    assert.equal(header.out.error.row, '2')
    assert.deepEqual(header.out.error.errors.map((e) => e.code), ['error.roster.missing_column'])

    // Any other failure is reported as JSON as well (an unknown union: not found, exit 1).
    const union = refused(path.join(dir, 'small.csv'), 'NO-SUCH-UNION')
    assert.equal(union.status, 1, union.stderr)
    assert.equal(union.out.error.code, 'error.org.not_found')
    assert.equal(union.out.error.type, 'not-found')
  })

  test('a roster under a title row names the row taken as its header', () => {
    const file = path.join(dir, 'titled.csv')
    writeFileSync(file, 'XX有限公司工会会员花名册,,\r\n序号,姓名,身份证号\r\n填表说明：身份证号填18位,,\r\n1,王五,110105194912310054\r\n合计,1人,\r\n')
    const json = run(['members', 'import', '--union', 'SMALL-U1', file, '--json'])
    assert.equal(json.status, 0, json.stderr)
    const out = JSON.parse(json.stdout)
    assert.equal(out.header_row, 2)
    assert.equal(out.rows, 1)
    assert.equal(out.accepted, 1)
    const text = run(['members', 'import', '--union', 'SMALL-U1', file])
    assert.match(text.stdout, /\(UTF-8, header on row 2\): 1 rows, 0 members added, 1 already present/)
  })

  test('a SIGKILL mid-way and a rerun leave every row a member exactly once', async () => {
    const rows = 200_000
    const file = path.join(dir, 'big.csv')
    const gen = spawnSync(process.execPath, [generator, '--rows', String(rows), file], { encoding: 'utf8' })
    assert.equal(gen.status, 0, gen.stderr)

    const child = spawn(zhijiaBin, [...common, 'members', 'import', '--union', 'KILL-U1', file, '--json'], { env })
    const ended = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
    await new Promise((resolve) => setTimeout(resolve, 2000))
    child.kill('SIGKILL')
    const first = await ended
    assert.equal(first.signal, 'SIGKILL', 'the import finished before it could be killed; use more rows')

    const rerun = run(['members', 'import', '--union', 'KILL-U1', file, '--json'])
    assert.equal(rerun.status, 0, rerun.stderr)
    const out = JSON.parse(rerun.stdout)
    assert.equal(out.status, 'done')
    assert.equal(out.rows, rows)
    assert.equal(out.accepted + out.already_present, rows)
    assert.equal(out.rejected, 0)

    const exported = path.join(dir, 'kill-export.csv')
    const exp = run(['members', 'export', '--union', 'KILL-U1', exported])
    assert.equal(exp.status, 0, exp.stderr)
    const members = readFileSync(exported, 'utf8').trim().split('\r\n').length - 1
    assert.equal(members, rows)
  })
})
