// Who sees which console pages of the union tree and its coverage. The server decides what each
// may read and change; these lists only keep pages and buttons out of reach of those refused.

/** May open the org tree, enterprises, coverage and the founding list. */
export const COVERAGE_VIEWERS = ['admin', 'staff', 'cadre', 'operator']

/** May create, change and move orgs and enterprises. */
export const ORG_EDITORS = ['admin', 'staff']

/** May search and read members (operators find callers), and reveal an ID or phone with a reason. */
export const MEMBER_VIEWERS = ['admin', 'staff', 'cadre', 'operator']

/** May change members, import and export rosters, and ask for and decide transfers. */
export const MEMBER_EDITORS = ['admin', 'staff', 'cadre']
/** May open the request queues and requests of their subtree (the server scopes them). */
export const REQUEST_VIEWERS = ['admin', 'staff', 'cadre', 'operator']

/** May register phoned-in and walk-in requests. */
export const REQUEST_INTAKE = ['admin', 'staff', 'cadre', 'operator']

/** May accept, resolve and reply to requests. */
export const REQUEST_HANDLERS = ['admin', 'staff', 'cadre']

/** May list, open, read and close hardship files (困难职工档案), and read the 低保 standards. */
export const HARDSHIP_VIEWERS = ['admin', 'staff', 'cadre']

/** May list, open, read and work legal aid and rights cases (法律援助案件). */
export const LEGAL_VIEWERS = ['admin', 'staff', 'cadre']

/** May list, create and run competitions (劳动竞赛) of their subtree. */
export const COMPETITION_ORGANISERS = ['admin', 'staff', 'cadre']

/** May list, create and run activities (文体活动) of their subtree and their registrations. */
export const ACTIVITY_ORGANISERS = ['admin', 'staff', 'cadre']

/** May open "My judging": any console user may be a competition's judge. */
export const COMPETITION_JUDGES = ['admin', 'staff', 'cadre', 'operator']

/** May open the mutual-aid page (互助保障): plans, enrolment, lists, claims of their subtree. */
export const MUTUAL_AID_RUNNERS = ['admin', 'staff', 'cadre']

/** May search the talent pool (人才库) of their subtree, record levels and titles, and run studios. */
export const TALENT_KEEPERS = ['admin', 'staff', 'cadre']
