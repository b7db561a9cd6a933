import { describe, expect, it } from 'vitest'
import type { MyCompetitionsApi } from '@/api/my-competitions'
import { displayCode, normaliseCode, resultLine, verifyPath } from './my-competitions'

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key)

function entry(over: Partial<MyCompetitionsApi.Entry> = {}): MyCompetitionsApi.Entry {
  return {
    id: '1',
    competition_id: '2',
    competition_title: '园区劳动竞赛',
    competition_status: 'published',
    group: '个人组',
    entrant_kind: 'individual',
    team_name: null,
    status: 'listed',
    number: 1,
    vetoed: false,
    rank_group: 1,
    rank_overall: 3,
    result_e4: 900000,
    ...over,
  }
}

describe('verification codes', () => {
  it('takes what a person types: case, spaces and dashes ignored', () => {
    expect(normaliseCode('abcd-efgh-jkmn')).toBe('ABCDEFGHJKMN')
    expect(normaliseCode(' 2345 6789 ABCD ')).toBe('23456789ABCD')
  })
  it('refuses the look-alikes and wrong lengths rather than guessing', () => {
    expect(normaliseCode('ABCD-EFGH-JKM0')).toBeNull()
    expect(normaliseCode('ABCD-EFGH-JKMO')).toBeNull()
    expect(normaliseCode('ABCD-EFGH-JKM')).toBeNull()
    expect(normaliseCode('ABCD-EFGH-JKMNP')).toBeNull()
    expect(normaliseCode('x'.repeat(100))).toBeNull()
  })
  it('prints a code in groups of four and links the verify page', () => {
    expect(displayCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN')
    expect(displayCode('short')).toBe('short')
    expect(verifyPath('ABCD-EFGH-JKMN')).toBe('/verify?code=ABCDEFGHJKMN')
  })
})

describe('an entry in the worker words', () => {
  it('says the rank once published, and why not otherwise', () => {
    expect(resultLine(entry(), t)).toBe('portalCompetitions.rank {"rank":1}')
    expect(resultLine(entry({ competition_status: 'listed' }), t)).toBe('portalCompetitions.waiting')
    expect(resultLine(entry({ vetoed: true }), t)).toBe('portalCompetitions.vetoed')
    expect(resultLine(entry({ rank_group: null }), t)).toBe('portalCompetitions.unranked')
  })
})
