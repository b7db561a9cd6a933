import { describe, expect, it } from 'vitest'
import { reachShade, reachShare } from './reach-text'

describe('reach text', () => {
  it('shows the share with one decimal and nothing without members', () => {
    expect(reachShare({ members: 8, reached_12m: 1 })).toBe('12.5%')
    expect(reachShare({ members: 3, reached_12m: 3 })).toBe('100.0%')
    expect(reachShare({ members: 0, reached_12m: 0 })).toBe('—')
  })

  it('shades a street by its share', () => {
    expect(reachShade({ members: 0, reached_12m: 0 })).toBe('transparent')
    expect(reachShade({ members: 10, reached_12m: 0 })).toBe('rgba(103, 194, 58, 0.08)')
    expect(reachShade({ members: 10, reached_12m: 10 })).toBe('rgba(103, 194, 58, 0.58)')
  })
})
