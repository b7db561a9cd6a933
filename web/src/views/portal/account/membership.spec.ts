import { describe, expect, it } from 'vitest'
import type { MyMembershipApi } from '@/api/my-membership'
import { checkTransferForm, historyArgs, historyKey, mayAskTransfer, pendingTransfer, transferBody, transferTag } from './membership'

function membership(over: Partial<MyMembershipApi.Membership> = {}): MyMembershipApi.Membership {
  return {
    member: { name: '张晓林', card_number: '1101010000000001', status: 'active', join_date: '2018-05-01' },
    union: { id: '1', name: '甲公司工会', kind: 'grassroots', chair: null, contact: null },
    parent: null,
    history: [],
    transfers: [],
    ...over,
  }
}

function transfer(state: MyMembershipApi.TransferState, asked_by_me = true): MyMembershipApi.Transfer {
  return {
    id: '9',
    from_union: '甲公司工会',
    to_union: '乙公司工会',
    state,
    created_at: 1,
    decided_at: null,
    asked_by_me,
    reason: '换工作了',
    new_employer: null,
    can_withdraw: state === 'pending' && asked_by_me,
  }
}

describe('My membership', () => {
  it('names a history line by its kind and reads an unknown kind as a generic line', () => {
    expect(historyKey({ at: 1, kind: 'transferred', params: {} })).toBe('portalMembership.history.transferred')
    expect(historyKey({ at: 1, kind: 'merged' as never, params: {} })).toBe('portalMembership.history.unknown')
  })

  it("fills a line's arguments and names the status in the reader's language", () => {
    const args = historyArgs({ at: 1, kind: 'status', params: { status: 'left', on: '2026-01-02' } }, (s) => `<${s}>`)
    expect(args.status).toBe('<left>')
    expect(args.on).toBe('2026-01-02')
    expect(args.union).toBe('')
  })

  it('lets an active member ask only while no transfer is pending, whoever asked for it', () => {
    expect(mayAskTransfer(membership())).toBe(true)
    expect(mayAskTransfer(membership({ transfers: [transfer('rejected'), transfer('cancelled')] }))).toBe(true)
    const staffAsked = membership({ transfers: [transfer('pending', false)] })
    expect(mayAskTransfer(staffAsked)).toBe(false)
    expect(pendingTransfer(staffAsked)?.asked_by_me).toBe(false)
    expect(mayAskTransfer(membership({ member: { name: 'x', card_number: '1', status: 'left', join_date: null } }))).toBe(false)
  })

  it('shows the states as tags', () => {
    expect(transferTag('pending')).toBe('warning')
    expect(transferTag('approved')).toBe('success')
    expect(transferTag('rejected')).toBe('danger')
    expect(transferTag('cancelled')).toBe('info')
  })

  it('checks the form before sending and leaves out an empty employer', () => {
    expect(checkTransferForm({ to_union_id: '', reason: ' 换', new_employer: '' })).toEqual({
      to_union_id: 'portalMembership.ask.unionRequired',
      reason: 'portalMembership.ask.reasonRequired',
    })
    expect(checkTransferForm({ to_union_id: '7', reason: '换工作', new_employer: '' })).toEqual({})
    expect(transferBody({ to_union_id: '7', reason: ' 换工作 ', new_employer: '  ' })).toEqual({ to_union_id: '7', reason: '换工作' })
    expect(transferBody({ to_union_id: '7', reason: '换工作', new_employer: ' 乙公司 ' })).toEqual({
      to_union_id: '7',
      reason: '换工作',
      new_employer: '乙公司',
    })
  })
})
