import type { RouteRecordRaw } from 'vue-router'
import { LEGAL_VIEWERS } from '../roles'

/** Legal aid and rights cases (法律援助 / 维权, issue 20): the list, opening one, one case. */
export const legalRoutes: RouteRecordRaw[] = [
  {
    // ?type=…&stage=…&collective=true|false&alert=open
    path: 'legal-cases',
    name: 'legal-cases',
    component: () => import('@/views/legal/LegalCaseListView.vue'),
    meta: { titleKey: 'legal.titles.cases', roles: LEGAL_VIEWERS },
  },
  {
    // ?request=<id>&title=… prefills from a request's page
    path: 'legal-cases/new',
    name: 'legal-open',
    component: () => import('@/views/legal/LegalCaseOpenView.vue'),
    meta: { titleKey: 'legal.titles.open', roles: LEGAL_VIEWERS },
  },
  {
    path: 'legal-cases/:id',
    name: 'legal-case',
    component: () => import('@/views/legal/LegalCaseDetailView.vue'),
    meta: { titleKey: 'legal.titles.case', roles: LEGAL_VIEWERS },
  },
]
