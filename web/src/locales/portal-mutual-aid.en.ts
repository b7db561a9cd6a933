// Mutual aid in My account (issue 22), English; the keys of portal-mutual-aid.zh-CN.ts.
import type { portalMutualAidZhCN } from './portal-mutual-aid.zh-CN'

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }

export const portalMutualAidEn: Strings<typeof portalMutualAidZhCN> = {
  intro: 'Mutual-aid protection your union arranges for members: the plans you are in this period, what they pay and your claims.',
  notBound: 'Link your membership to see your mutual-aid protection',
  plans: 'Plans this period',
  noPlans: 'You are in no mutual-aid plan this period.',
  period: 'Period {from} to {to}',
  cover: 'Covered from {from} to {to}',
  coverEnded: 'Covered from {from}; ended on {to}',
  kinds: { medical: 'Medical mutual aid', accident: 'Accident mutual aid', property: 'Property loss mutual aid' },
  shareOfLoss: 'Pays {percent}% of the loss',
  itemised: 'Pays the {count} items of its table',
  capped: ', at most ¥{amount} an incident',
  claims: 'My claims',
  noClaims: 'No mutual-aid claims yet.',
  incident: 'Incident on {date}',
  amount: 'Amount ¥{amount}',
  cappedTag: 'At the cap',
  statuses: { filed: 'Received', approved: 'Approved', refused: 'Not approved', paid: 'Paid' },
  refusedReason: 'Reason: {reason}',
  paidOn: 'Paid on {date}',
  howToClaim: 'After a fire, a burst pipe or an injury, claim below with photos of the evidence, or ask your union.',
  form: {
    title: 'Claim mutual aid',
    plan: 'Plan',
    benefit: 'Benefit',
    date: 'Day of the incident',
    loss: 'Loss (yuan)',
    items: 'Injuries',
    photos: 'Photos or documents',
    addPhoto: 'Take a photo or choose a file',
    compute: 'Compute the amount',
    send: 'Send the claim',
  },
  became: 'Mutual-aid claim ({status})',
  benefitNamed: '{name}: {line}',
  benefits: { fire: 'Fire', pipe_burst: 'Burst pipe', injury: 'Injury' },
  items: { fracture: 'Fracture', burn: 'Burn', sprain: 'Sprain' },
}
