// Whether the window is phone-sized, as a reactive flag: staff pages switch to a narrow layout
// (drawer menu, one column, shorter chart labels) below 768 px.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export const NARROW_QUERY = '(max-width: 768px)'

export function useMediaQuery(query: string): Ref<boolean> {
  const matches = ref(false)
  let list: MediaQueryList | null = null
  const update = () => {
    matches.value = list?.matches ?? false
  }
  onMounted(() => {
    if (typeof window === 'undefined' || !window.matchMedia) return
    list = window.matchMedia(query)
    update()
    list.addEventListener('change', update)
  })
  onBeforeUnmount(() => list?.removeEventListener('change', update))
  return matches
}

export function useNarrow(): Ref<boolean> {
  return useMediaQuery(NARROW_QUERY)
}
