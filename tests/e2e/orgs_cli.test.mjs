// The union tree, enterprise import and the coverage check from the command line: orgs add and
// tree, a refused duplicate, an enterprise import in GBK with one bad row reported by row and
// column while the good rows are kept, and `coverage verify` agreeing (exit 0).
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'

import { zhijiaBin } from './server.mjs'

function zhijia(args) {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' }
  delete env.ZHIJIA_DB
  return spawnSync(zhijiaBin, args, { encoding: 'utf8', timeout: 60_000, env })
}

describe('zhijia orgs, enterprises and coverage', () => {
  let dir
  let common
  const run = (args) => zhijia([...common, ...args])
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhijia-orgs-'))
    common = ['--db', `sqlite:${path.join(dir, 'orgs.db')}`, '--key-file', path.join(dir, 'zhijia.key'), '--log-level', 'warn']
    // The tree alone (--scale 0), so the figures below are exactly the imported ones.
    const demo = run(['demo', '--admin-password', 'Secret-Pass-2026', '--scale', '0'])
    assert.equal(demo.status, 0, demo.stderr)
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('orgs, enterprises and coverage have --help', () => {
    for (const args of [['orgs', 'add', '--help'], ['orgs', 'tree', '--help'], ['orgs', 'import', '--help'], ['enterprises', 'import', '--help'], ['coverage', 'verify', '--help']]) {
      const result = zhijia(args)
      assert.equal(result.status, 0, `zhijia ${args.join(' ')}\n${result.stderr}`)
      assert.match(result.stdout, /Usage: zhijia/)
    }
  })

  test('orgs add puts a union under a street, and tree shows it there', () => {
    const added = run(['orgs', 'add', '--code', 'DHM-U1', '--name', '东华门某公司工会', '--kind', 'grassroots', '--parent', '110101001'])
    assert.equal(added.status, 0, added.stderr)
    assert.match(added.stdout, /added org DHM-U1 \(东华门某公司工会\)/)
    const tree = run(['orgs', 'tree', '--root', '110101001'])
    assert.equal(tree.status, 0, tree.stderr)
    assert.deepEqual(tree.stdout.trim().split('\n'), ['110101001\t东华门街道总工会\tstreet', '  DHM-U1\t东华门某公司工会\tgrassroots'])
  })

  test('orgs add refuses a duplicate code and a cycle-free but wrong parent kind in one line each', () => {
    const again = run(['orgs', 'add', '--code', '110101', '--name', 'x', '--kind', 'grassroots', '--parent', '110101001'])
    assert.equal(again.status, 1)
    assert.match(again.stderr.trim(), /^zhijia: This org code is taken/)
    const wrong = run(['orgs', 'add', '--code', 'ST-X', '--name', 'x', '--kind', 'street', '--parent', '110101001'])
    assert.notEqual(wrong.status, 0)
    assert.match(wrong.stderr.trim(), /^zhijia: .*cannot be placed under/)
  })

  test('enterprises import reads GBK, keeps the good rows and names the bad row and column', () => {
    // The file as a Windows spreadsheet program in China saves it: GBK, CRLF.
    const gbk = (hex) => Buffer.from(hex, 'hex')
    const line = (...parts) => Buffer.concat([...parts, Buffer.from('\r\n')])
    const file = path.join(dir, 'enterprises.csv')
    writeFileSync(
      file,
      Buffer.concat([
        line(Buffer.from('name,uscc,region_code,industry,ownership,employees,employees_reported_on,union_code')),
        line(gbk('bcd7b9abcbbe'), Buffer.from(',911101010000000015,110101001,C,private,120,2026-06-30,DHM-U1')), // 甲公司
        line(gbk('d2d2b9abcbbe'), Buffer.from(',911101010000000028,110101002,I,private,40,,')), // 乙公司
        line(Buffer.from('C3,91110101000000003X,110101001,C,private,30,,')), // wrong check character
      ]),
    )
    const imported = run(['enterprises', 'import', file])
    assert.equal(imported.status, 1, imported.stdout + imported.stderr)
    assert.match(imported.stdout, /\(GB18030, header on row 1\): 2 added, 0 updated, 1 rows with errors/)
    assert.equal(imported.stderr.trim(), `${file}: row 4, column uscc: Invalid unified social credit code (18 characters with a correct check character)`)
    // Importing the same file again updates instead of duplicating.
    const again = run(['enterprises', 'import', file])
    assert.match(again.stdout, /0 added, 2 updated, 1 rows with errors/)
  })

  test('enterprises import finds the header under a title, and --json says which row it took', () => {
    const file = path.join(dir, 'enterprises-titled.csv')
    writeFileSync(
      file,
      '2026年东华门街道用人单位名录,,,,,,\r\n' +
        '序号,单位名称,统一社会信用代码,所在街道代码,行业门类,经济类型,职工人数\r\n' +
        '填表说明：行业门类填 GB/T 4754 门类字母,,,,,,\r\n' +
        '1,丙公司,91110101000000004E,110101001,C,private,x\r\n' +
        '合计,,,,,,0\r\n',
    )
    const imported = run(['enterprises', 'import', file, '--json'])
    assert.equal(imported.status, 1, imported.stderr)
    const out = JSON.parse(imported.stdout)
    assert.equal(out.header_row, 2)
    assert.equal(out.failed_rows, 1)
    assert.deepEqual(out.problems.map((p) => [p.row, p.column, p.code]), [[4, '职工人数', 'error.field.not_integer']])
  })

  test('orgs and enterprises import: a file that cannot be read exits 1, with --json as JSON', () => {
    for (const command of ['orgs', 'enterprises']) {
      const missing = run([command, 'import', path.join(dir, 'missing.csv'), '--json'])
      assert.equal(missing.status, 1, missing.stderr)
      assert.equal(JSON.parse(missing.stdout).error.code, 'error.import.unreadable')
      const text = run([command, 'import', path.join(dir, 'missing.csv')])
      assert.equal(text.status, 1)
      assert.equal(text.stdout, '')
      assert.match(text.stderr, /^zhijia: Cannot read the file /)
    }
  })

  test('coverage verify finds the rollups equal to a recount', () => {
    const verified = run(['coverage', 'verify'])
    assert.equal(verified.status, 0, verified.stdout + verified.stderr)
    assert.match(verified.stdout, /coverage rollups match a recount \(\d+ orgs, 2 enterprises\)/)
  })

  test('the default demo generates enterprises deterministically, and verify agrees with them', () => {
    const generate = (name) => {
      const db = `sqlite:${path.join(dir, name)}`
      const demo = zhijia(['demo', '--db', db, '--key-file', path.join(dir, 'zhijia.key'), '--log-level', 'warn', '--admin-password', 'Secret-Pass-2026'])
      assert.equal(demo.status, 0, demo.stderr)
      const verified = zhijia(['coverage', 'verify', '--db', db, '--key-file', path.join(dir, 'zhijia.key'), '--log-level', 'warn'])
      assert.equal(verified.status, 0, verified.stdout + verified.stderr)
      return demo.stdout.match(/demo enterprises generated: (\d+)/)[1]
    }
    const first = generate('demo1.db')
    assert.ok(Number(first) > 5000, first)
    assert.equal(generate('demo2.db'), first)
  })
})
