import { describe, expect, it } from 'vitest'
import { changesOf, emptyCorrectionForm, shownValue, stateTagType } from './corrections'

describe('the correction form', () => {
  it('sends only the fields filled in, trimmed, in the form order', () => {
    const form = { ...emptyCorrectionForm(), phone: ' 13700001111 ', name: '张小林' }
    expect(changesOf(form, {})).toEqual([
      { field: 'name', value: '张小林' },
      { field: 'phone', value: '13700001111' },
    ])
  })

  it('leaves out a value that is the one on record already', () => {
    const form = { ...emptyCorrectionForm(), name: '张晓林 ', ethnicity: '回族' }
    expect(changesOf(form, { name: '张晓林', ethnicity: null })).toEqual([{ field: 'ethnicity', value: '回族' }])
  })

  it('sends nothing for an empty form', () => {
    expect(changesOf({ ...emptyCorrectionForm(), employer: '   ' }, { employer: '甲公司' })).toEqual([])
  })
})

describe('a correction as shown', () => {
  const t = (key: string) => `<${key}>`
  it('reads a gender through the locale and a missing value as a dash', () => {
    expect(shownValue('gender', 'female', t)).toBe('<members.genders.female>')
    expect(shownValue('ethnicity', null, t)).toBe('—')
    expect(shownValue('phone', '137****1111', t)).toBe('137****1111')
  })

  it('tags pending as waiting, applied as done, rejected as closed', () => {
    expect(stateTagType('pending')).toBe('warning')
    expect(stateTagType('applied')).toBe('success')
    expect(stateTagType('rejected')).toBe('info')
  })
})
