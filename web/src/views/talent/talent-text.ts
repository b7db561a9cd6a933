// How the talent pool's figures read: a level says both the pool's name and the national grade
// (初级工（五级）… 高级技师（一级）), a studio's funding says which year of how many it is in, or that
// it is not funded this year. Pure: the views pass their translate function.
import type { TalentApi } from '@/api/talent'

type Translate = (key: string, params?: Record<string, unknown>) => string

const CODES: TalentApi.LevelCode[] = ['junior', 'intermediate', 'senior', 'technician', 'senior_technician']

/** The level's code of 1..5; undefined outside. */
export function levelCode(level: number): TalentApi.LevelCode | undefined {
  return Number.isInteger(level) && level >= 1 && level <= 5 ? CODES[level - 1] : undefined
}

/** "高级技师（一级）": the pool's name and the national grade, which run the other way (the
 *  server's labels talent.level.* say the same). */
export function levelLabel(level: number, t: Translate): string {
  const code = levelCode(level)
  return code ? t(`talent.levelLabels.${code}`) : ''
}

/** The tag type of a level: the two technician levels stand out. */
export function levelTag(level: number): 'danger' | 'warning' | 'info' {
  if (level >= 5) return 'danger'
  if (level === 4) return 'warning'
  return 'info'
}

/** "第 2 年（共 3 年）" this year, "资助期外" outside, "未资助" for a studio with no funding. */
export function fundingLine(s: Pick<TalentApi.StudioView, 'funding_first_year' | 'funding_years' | 'funding_year_now'>, t: Translate): string {
  if (s.funding_first_year === null) return t('talent.studios.unfunded')
  if (s.funding_year_now === null) {
    return t('talent.studios.outside', { from: s.funding_first_year, to: s.funding_first_year + s.funding_years - 1 })
  }
  return t('talent.studios.yearOf', { n: s.funding_year_now, of: s.funding_years })
}

/** Whether this year's funding may be recorded: within the funding years and not recorded yet. */
export function mayRecordFunding(s: TalentApi.StudioView, year: number): boolean {
  return s.funding_year_now !== null && !s.funding.some((f) => f.year === year)
}
