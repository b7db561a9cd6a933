// Who sees which console pages of the union tree and its coverage. The server decides what each
// may read and change; these lists only keep pages and buttons out of reach of those refused.

/** May open the org tree, enterprises, coverage and the founding list. */
export const COVERAGE_VIEWERS = ['admin', 'staff', 'cadre', 'operator']

/** May create, change and move orgs and enterprises. */
export const ORG_EDITORS = ['admin', 'staff']
