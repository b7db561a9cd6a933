// `zhijia aid load`: the rules of aid from a CSV through the command line. The sample file of
// docs/samples loads whole; a file with a bad row names it by row and column and loads nothing
// (exit 1), with --json for scripts.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'

import { zhijiaBin } from './server.mjs'

const sample = fileURLToPath(new URL('../../docs/samples/aid-rules-beijing.csv', import.meta.url))

function zhijia(args) {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' }
  delete env.ZHIJIA_DB
  return spawnSync(zhijiaBin, args, { encoding: 'utf8', timeout: 120_000, env })
}

describe('zhijia aid load', () => {
  let dir
  let common
  const run = (args) => zhijia([...common, ...args])
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhijia-aid-'))
    common = ['--db', `sqlite:${path.join(dir, 'aid.db')}`, '--key-file', path.join(dir, 'zhijia.key'), '--log-level', 'warn']
    const demo = run(['demo', '--admin-password', 'Aid-Cli-Pass-2026'])
    assert.equal(demo.status, 0, demo.stderr)
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('has --help naming the columns', () => {
    const result = zhijia(['aid', 'load', '--help'])
    assert.equal(result.status, 0, result.stderr)
    assert.match(result.stdout, /amount_yuan/)
  })

  test('a bad row loads nothing and is named by row and column', () => {
    const file = path.join(dir, 'bad.csv')
    writeFileSync(
      file,
      ['table,org_code,year,kind,amount_yuan', 'budget,110101,2026,living,600000', 'budget,110102,2026,living,六十万', ''].join('\r\n'),
    )
    const loaded = run(['aid', 'load', file])
    assert.equal(loaded.status, 1, loaded.stdout + loaded.stderr)
    assert.match(loaded.stdout, /1 rows with errors; nothing of the file was loaded/)
    assert.deepEqual(loaded.stderr.trim().split('\n'), [
      `${file}: row 3, column amount_yuan: An amount in yuan with at most two decimals (1450 or 1,450.50)`,
    ])
    const json = JSON.parse(run(['aid', 'load', '--json', file]).stdout)
    assert.equal(json.loaded, false)
    assert.equal(json.budgets, 0)
    assert.deepEqual(json.problems.map((p) => [p.row, p.column, p.code]), [[3, 'amount_yuan', 'error.aid.yuan']])
  })

  test('the sample file loads whole, and again', () => {
    for (let i = 0; i < 2; i++) {
      const json = run(['aid', 'load', '--json', sample])
      assert.equal(json.status, 0, json.stdout + json.stderr)
      const report = JSON.parse(json.stdout)
      assert.deepEqual([report.loaded, report.rules, report.limits, report.budgets], [true, 20, 20, 160])
    }
  })
})
