import type { RouteRecordRaw } from 'vue-router'
import { MEMBER_EDITORS, MEMBER_VIEWERS } from '../roles'

/** The member registry: search, one member (deep-linkable), roster import and transfers. */
export const memberRoutes: RouteRecordRaw[] = [
  {
    path: 'members',
    name: 'members',
    component: () => import('@/views/members/MemberListView.vue'),
    meta: { titleKey: 'titles.members', roles: MEMBER_VIEWERS },
  },
  {
    path: 'members/import',
    name: 'member-import',
    component: () => import('@/views/members/MemberImportView.vue'),
    meta: { titleKey: 'titles.memberImport', roles: MEMBER_EDITORS },
  },
  {
    // ?box=incoming|outgoing|decidable
    path: 'members/transfers',
    name: 'member-transfers',
    component: () => import('@/views/members/MemberTransfersView.vue'),
    meta: { titleKey: 'titles.memberTransfers', roles: MEMBER_EDITORS },
  },
  {
    path: 'members/:id',
    name: 'member',
    component: () => import('@/views/members/MemberDetailView.vue'),
    meta: { titleKey: 'titles.member', roles: MEMBER_VIEWERS },
  },
]
