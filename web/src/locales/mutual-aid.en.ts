// The console's mutual-aid page (issue 22), English; the keys of mutual-aid.zh-CN.ts.
import type { mutualAidZhCN } from './mutual-aid.zh-CN'

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }

export const mutualAidEn: Strings<typeof mutualAidZhCN> = {
  menu: 'Mutual aid',
  intro: 'Mutual-aid plans of your union and those above it: confirm the members covered each period, send the additions-and-removals lists, decide and pay claims.',
  tabs: { plans: 'Plans', claims: 'Claims', listsDue: 'Lists due' },
  plans: { empty: 'No plans', title: 'Plan', kind: 'Kind', perHead: 'Per head' },
  periods: { pick: 'Choose a period', label: '{from} to {to} ({count} members)', open: 'Open this period' },
  org: 'Choose an org',
  enrol: 'Enrol its members',
  enrolled: '{count} members newly enrolled; {total} enrolled under the org now',
  reasons: { joined: 'joined', moved_in: 'moved in', reinstated: 'reinstated', moved_out: 'moved out', retired: 'retired', died: 'died', left: 'left' },
  lists: {
    make: 'Make the list',
    empty: 'No lists',
    list: 'Additions and removals',
    status: 'Status',
    summary: '{from} to {to}: {added} added, {removed} removed',
    statuses: { draft: 'Draft', sent: 'Sent', applied: 'Applied' },
    send: 'Send',
    apply: 'Apply',
  },
  claims: {
    any: 'All',
    empty: 'No claims',
    plan: 'Plan and benefit',
    incident: 'Incident',
    amount: 'Amount',
    actions: { approve: 'Approve', refuse: 'Refuse', pay: 'Record payment' },
    done: { approve: 'Approved', refuse: 'Refused', pay: 'Payment recorded' },
    reasonPrompt: 'Why is the claim refused?',
    reasonRule: 'The reason is 2 to 500 characters',
    referencePrompt: 'The payment reference',
    referenceRule: 'The reference is 1 to 100 characters',
    evidence: 'Photos and documents',
    toDecide: 'Only those my level decides',
  },
  file: {
    open: 'Claim for a member',
    title: 'Claim mutual aid for a member',
    member: 'Member id',
    fromRequest: 'From a 12351 request: the claim will be linked to it.',
    done: 'Claim filed',
  },
  due: { empty: 'No additions-and-removals list is due', period: 'Period', dueOn: 'Due on' },
  prompt: {
    title: 'The request mentions "{words}" and its requester is in "{plan}": a mutual-aid claim may be filed.',
    open: 'Open a mutual-aid claim',
  },
  links: { claim: 'Mutual-aid claim #{id}' },
}
