// The names of a competition's entrants for the organiser's pages: entries carry the enterprise's
// or member's id, so the names are read once each (enterprise register, member registry) and
// kept; a team shows its own name. Blind judging never uses this (judges see numbers only).
import { reactive } from 'vue'
import type { CompetitionsApi } from '@/api/competitions'
import { getEnterpriseApi } from '@/api/enterprises'
import { getMemberApi } from '@/api/members'

export function useEntrantNames() {
  const names = reactive<Record<string, string>>({})
  const asked = new Set<string>()

  function ask(key: string, fetch: () => Promise<string>): void {
    if (asked.has(key)) return
    asked.add(key)
    fetch()
      .then((name) => (names[key] = name))
      .catch(() => undefined)
  }

  /** Starts reading the names the entries need (at most `max` of them). */
  function load(entries: CompetitionsApi.Entry[], max = 100): void {
    for (const e of entries.slice(0, max)) {
      if (e.enterprise_id) ask(`e${e.enterprise_id}`, async () => (await getEnterpriseApi(e.enterprise_id as string)).name)
      if (e.member_id) ask(`m${e.member_id}`, async () => (await getMemberApi(e.member_id as string)).name)
    }
  }

  function enterprise(e: CompetitionsApi.Entry): string | null {
    return e.enterprise_id ? (names[`e${e.enterprise_id}`] ?? null) : null
  }
  function member(e: CompetitionsApi.Entry): string | null {
    return e.member_id ? (names[`m${e.member_id}`] ?? null) : null
  }
  return { load, enterprise, member }
}
