import { describe, expect, it } from 'vitest'
import { judgingErrorKey } from './judging-errors'

describe('judgingErrorKey', () => {
  it('names the refusals a judge meets in words', () => {
    expect(judgingErrorKey(409, 'error.competition.not_listed')).toBe('not_listed')
    expect(judgingErrorKey(409, 'error.competition.scoring_closed')).toBe('closed')
    expect(judgingErrorKey(409, 'error.competition.published')).toBe('closed')
    expect(judgingErrorKey(409, 'error.competition.vetoed')).toBe('vetoed')
    expect(judgingErrorKey(403, 'error.competition.conflict')).toBe('conflict')
    expect(judgingErrorKey(404, 'error.not_found')).toBe('not_found')
    expect(judgingErrorKey(400, 'error.invalid_input')).toBeNull()
  })
})
