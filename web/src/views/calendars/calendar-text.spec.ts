import { describe, expect, it } from 'vitest'
import { declaredYear, errorLine, linesAround } from './calendar-text'

describe('calendar text', () => {
  it('reads the declared year after comments and blank lines, and nothing from a bad first line', () => {
    expect(declaredYear('# 2027 年安排\n\nyear 2027\noff 2027-01-01 元旦')).toBe(2027)
    expect(declaredYear('off 2027-01-01\nyear 2027')).toBeNull()
    expect(declaredYear('year 27')).toBeNull()
  })

  it('finds the line a message names in either language', () => {
    expect(errorLine('日历文件第 3 行：日期应为 YYYY-MM-DD 格式的真实日期')).toBe(3)
    expect(errorLine('Calendar file, line 12: a line starts with year, off or work')).toBe(12)
    expect(errorLine('必填项')).toBeNull()
  })

  it('shows the named line with its neighbours, numbered from 1', () => {
    expect(linesAround('year 2027\noff 2027-13-01\nwork 2027-01-02', 2)).toEqual([
      { n: 1, text: 'year 2027', bad: false },
      { n: 2, text: 'off 2027-13-01', bad: true },
      { n: 3, text: 'work 2027-01-02', bad: false },
    ])
    expect(linesAround('year 2027', 1).map((l) => l.n)).toEqual([1])
  })
})
