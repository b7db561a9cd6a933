// Whether the window is phone-sized, as a reactive flag: staff pages switch to a narrow layout
// (drawer menu, one column, shorter chart labels) below 768 px.
import { useMediaQuery } from '@vueuse/core'
import type { Ref } from 'vue'

export const NARROW_QUERY = '(max-width: 768px)'

export function useNarrow(): Ref<boolean> {
  return useMediaQuery(NARROW_QUERY)
}
