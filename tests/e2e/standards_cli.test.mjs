// `zhijia standards load`: the 低保 lines of hardship files from a CSV, the good rows kept and
// each bad row named by row and column (exit 1), and --json for scripts.
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

describe('zhijia standards load', () => {
  let dir
  let common
  const run = (args) => zhijia([...common, ...args])
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhijia-standards-'))
    common = ['--db', `sqlite:${path.join(dir, 'standards.db')}`, '--key-file', path.join(dir, 'zhijia.key'), '--log-level', 'warn']
    const migrated = run(['migrate'])
    assert.equal(migrated.status, 0, migrated.stderr)
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('has --help', () => {
    const result = zhijia(['standards', 'load', '--help'])
    assert.equal(result.status, 0, result.stderr)
    assert.match(result.stdout, /Usage: zhijia/)
  })

  test('keeps the good rows and names each bad row and column', () => {
    const file = path.join(dir, 'standards.csv')
    writeFileSync(
      file,
      ['地区代码,年度,低保标准（元/月）,来源', '110101,2026,"1,450",北京市民政局（样例）', '110102,2026,一千四,样例', '', '999999,2026,1450,样例', ''].join('\r\n'),
    )
    const loaded = run(['standards', 'load', file])
    assert.equal(loaded.status, 1, loaded.stdout + loaded.stderr)
    assert.match(loaded.stdout, /1 standards loaded, 2 rows with errors/)
    assert.deepEqual(loaded.stderr.trim().split('\n'), [
      `${file}: row 3, column 低保标准（元/月）: The line is 1 to 100,000 yuan a month (at most two decimals)`,
      `${file}: row 5, column 地区代码: The region code is not in the GB/T 2260 table`,
    ])
    const json = run(['standards', 'load', '--json', file])
    const report = JSON.parse(json.stdout)
    assert.equal(report.loaded, 1)
    assert.deepEqual(
      report.problems.map((p) => [p.row, p.column, p.code]),
      [
        [3, '低保标准（元/月）', 'error.standards.dibao'],
        [5, '地区代码', 'error.region.unknown'],
      ],
    )
  })

  test('a file that is not there fails with exit 1 naming it', () => {
    const missing = run(['standards', 'load', path.join(dir, 'none.csv')])
    assert.equal(missing.status, 1)
    assert.match(missing.stderr, /none\.csv/)
  })
})
