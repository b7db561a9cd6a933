// The state of a mutual-aid claim form, one for the phone's form (PortalMaClaimForm) and the
// console's dialog (MaClaimDialog): the benefit (the plan's first when the plan changes), the day,
// the loss or the items, the photos, the computed amount (dropped whenever a fact changes, so
// nothing is sent that was not computed) and one call at a time with its problem.
import type { UploadFile } from 'element-plus'
import { computed, reactive, watch } from 'vue'
import { apiErrorMessage } from '@/api/error-sink'
import type { MyMutualAidApi } from '@/api/my-mutual-aid'
import { ApiError } from '@/api/request'
import { claimBody } from './my-mutual-aid'

export interface ClaimForm {
  benefitCode: string
  incidentDate: string
  lossYuan: number | undefined
  items: string[]
  photos: UploadFile[]
  result: MyMutualAidApi.Computed | null
  problem: string
  busy: boolean
}

export function useClaimForm(planId: () => string, benefits: () => MyMutualAidApi.Benefit[] | undefined) {
  const form = reactive<ClaimForm>({
    benefitCode: '',
    incidentDate: '',
    lossYuan: undefined,
    items: [],
    photos: [],
    result: null,
    problem: '',
    busy: false,
  })
  const benefit = computed(() => benefits()?.find((b) => b.code === form.benefitCode))
  watch(benefits, (list) => (form.benefitCode = list?.[0]?.code ?? ''), { immediate: true })
  watch(
    [planId, () => form.benefitCode, () => form.incidentDate, () => form.lossYuan, () => form.items],
    () => (form.result = null),
    { deep: true },
  )

  /** The claim as the form says it (member and request are the console's to add). */
  const body = (): MyMutualAidApi.NewClaim => claimBody(planId(), benefit.value, form.incidentDate, form.lossYuan, form.items)

  /** Runs one call: busy meanwhile, an API error shown as the problem (null), anything else thrown. */
  async function run<T>(call: () => Promise<T>): Promise<T | null> {
    form.problem = ''
    form.busy = true
    try {
      return await call()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      form.problem = apiErrorMessage(error)
      return null
    } finally {
      form.busy = false
    }
  }

  return { form, benefit, body, run }
}
