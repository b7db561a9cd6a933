import { describe, expect, it } from 'vitest'
import type { MembersApi } from '@/api/members'
import { memberChanges, type MemberForm } from './member-form'

const member: MembersApi.Summary & { ethnicity: string | null } = {
  id: '7',
  name: '张小林',
  gender: 'male',
  birth_date: '1990-03-07',
  id_masked: '110101********4514',
  phone_masked: '138****5678',
  card_number: '1101010000000018',
  union: { id: '21', name: '东华门联合工会' },
  employer: { id: null, name: '北京某某科技有限公司' },
  join_date: '2020-05-01',
  status: 'active',
  migrant_worker: false,
  model_worker: false,
  ethnicity: '汉族',
}

function formOf(changes: Partial<MemberForm> = {}): MemberForm {
  return {
    phone: '',
    ethnicity: '汉族',
    employer_name: '北京某某科技有限公司',
    join_date: '2020-05-01',
    migrant_worker: false,
    model_worker: false,
    status: 'active',
    status_changed_on: '',
    ...changes,
  }
}

describe('memberChanges', () => {
  it('sends nothing when nothing changed and keeps the phone when left empty', () => {
    expect(memberChanges(member, formOf())).toEqual({})
  })

  it('sends only the changed fields, the phone in half-width digits', () => {
    expect(memberChanges(member, formOf({ phone: ' １３９ 0000 1111 ', model_worker: true, employer_name: ' 新单位 ' }))).toEqual({
      phone: '13900001111',
      model_worker: true,
      employer_name: '新单位',
    })
  })

  it('sends a status change with its date', () => {
    expect(memberChanges(member, formOf({ status: 'retired', status_changed_on: '2026-10-01' }))).toEqual({
      status: 'retired',
      status_changed_on: '2026-10-01',
    })
  })

  it('never changes the status of a member who was transferred out', () => {
    expect(memberChanges({ ...member, status: 'transferred_out' }, formOf({ status: 'left' }))).toEqual({})
  })
})
