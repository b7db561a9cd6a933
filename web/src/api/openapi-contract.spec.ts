// Checks the issue-5 clients against the server's OpenAPI document (src/http/openapi.json): every
// call has its path and method, and the fields of each response type are exactly the schema's.
// The key lists are checked against the TypeScript types, so a field added on either side fails.
import { describe, expect, it } from 'vitest'
import openapi from '../../../src/http/openapi.json'
import type { CoverageApi } from './coverage'
import type { EnterprisesApi } from './enterprises'
import type { OrgsApi } from './orgs'

type Keys<T> = Record<keyof T, true>

const fields = {
  OrgNode: { id: true, code: true, name: true, kind: true, status: true, has_children: true } satisfies Keys<OrgsApi.Node>,
  Org: {
    id: true,
    code: true,
    name: true,
    kind: true,
    status: true,
    parent: true,
    ancestors: true,
    region_code: true,
    region_name: true,
    founded_on: true,
    chair: true,
    contact: true,
    child_count: true,
  } satisfies Keys<OrgsApi.Detail>,
  Coverage: {
    org: true,
    enterprises: true,
    unionised_enterprises: true,
    unionised_rate: true,
    employees: true,
    members: true,
    membership_rate: true,
    served_12m: true,
    served_rate: true,
    founding_gap: true,
    children: true,
    industries: true,
  } satisfies Keys<CoverageApi.Coverage>,
  ChildCoverage: {
    id: true,
    code: true,
    name: true,
    kind: true,
    enterprises: true,
    unionised_enterprises: true,
    unionised_rate: true,
    employees: true,
    members: true,
    membership_rate: true,
    founding_gap: true,
    region_code: true,
  } satisfies Keys<CoverageApi.Child>,
  IndustryCoverage: {
    section: true,
    enterprises: true,
    unionised_enterprises: true,
    unionised_rate: true,
    employees: true,
    members: true,
  } satisfies Keys<CoverageApi.Industry>,
  FoundingEntry: {
    id: true,
    name: true,
    uscc: true,
    industry: true,
    employees: true,
    region_code: true,
    region_name: true,
  } satisfies Keys<CoverageApi.FoundingItem>,
  Enterprise: {
    id: true,
    name: true,
    uscc: true,
    region_code: true,
    region_name: true,
    industry: true,
    ownership: true,
    employees: true,
    employees_reported_on: true,
    union: true,
  } satisfies Keys<EnterprisesApi.Enterprise>,
  NewOrg: {
    code: true,
    name: true,
    kind: true,
    parent_id: true,
    region_code: true,
    founded_on: true,
    chair: true,
    contact: true,
  } satisfies Keys<OrgsApi.NewOrg>,
  OrgChanges: { name: true, region_code: true, founded_on: true, chair: true, contact: true, status: true } satisfies Keys<OrgsApi.Changes>,
  NewEnterprise: {
    name: true,
    uscc: true,
    region_code: true,
    industry: true,
    ownership: true,
    employees: true,
    employees_reported_on: true,
    union_org_id: true,
  } satisfies Keys<EnterprisesApi.Fields>,
}

const calls: [string, string][] = [
  ['get', '/api/v1/orgs'],
  ['get', '/api/v1/org-tree'],
  ['get', '/api/v1/orgs/{id}'],
  ['post', '/api/v1/orgs'],
  ['patch', '/api/v1/orgs/{id}'],
  ['post', '/api/v1/orgs/{id}/move'],
  ['get', '/api/v1/orgs/{id}/coverage'],
  ['get', '/api/v1/orgs/{id}/founding-list'],
  ['get', '/api/v1/orgs/{id}/founding-list.xlsx'],
  ['get', '/api/v1/enterprises'],
  ['post', '/api/v1/enterprises'],
  ['get', '/api/v1/enterprises/{id}'],
  ['patch', '/api/v1/enterprises/{id}'],
]

interface Schema {
  properties?: Record<string, unknown>
}
const document = openapi as unknown as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Schema> } }

describe('the issue-5 clients against openapi.json', () => {
  it.each(calls)('the server documents %s %s', (method, path) => {
    expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined()
  })

  it.each(Object.entries(fields))('%s has exactly the fields of its TypeScript type', (name, keys) => {
    const properties = Object.keys(document.components.schemas[name]?.properties ?? {}).sort()
    expect(properties).toEqual(Object.keys(keys).sort())
  })
})
