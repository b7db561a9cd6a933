// A refused mark in words for the judge's card: the API's problem code (409 not listed,
// published, scoring closed, vetoed; 403 a conflict of interest; 404 not this judge's entry)
// → a key of competitions.judging.errors; anything else shows the server's own message.
export function judgingErrorKey(status: number, code: string | undefined): string | null {
  switch (code) {
    case 'error.competition.not_listed':
    case 'error.competition.entry_not_listed':
      return 'not_listed'
    case 'error.competition.published':
    case 'error.competition.scoring_closed':
      return 'closed'
    case 'error.competition.vetoed':
      return 'vetoed'
    case 'error.competition.conflict':
      return 'conflict'
  }
  if (status === 403) return 'conflict'
  if (status === 404) return 'not_found'
  return null
}
