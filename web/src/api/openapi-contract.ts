// Checks a web client against the server's OpenAPI document (src/http/openapi.json): every call
// has its path and method, and the fields of each response type are exactly the schema's. The key
// lists are written with `satisfies Keys<T>` against the TypeScript types, so a field added on
// either side fails. One spec file per group of clients (openapi-contract*.spec.ts) calls it.
import { describe, expect, it } from 'vitest'
import openapi from '../../../src/http/openapi.json'

export type Keys<T> = Record<keyof T, true>

interface Schema {
  properties?: Record<string, unknown>
}
const document = openapi as unknown as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Schema> } }

/** One describe block: each call documented, each schema named in `fields` with exactly its keys. */
export function describeContract(title: string, fields: Record<string, Record<string, true>>, calls: [string, string][]) {
  describe(`${title} against openapi.json`, () => {
    if (calls.length > 0) {
      it.each(calls)('the server documents %s %s', (method, path) => {
        expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined()
      })
    }
    it.each(Object.entries(fields))('%s has exactly the fields of its TypeScript type', (name, keys) => {
      const properties = Object.keys(document.components.schemas[name]?.properties ?? {}).sort()
      expect(properties).toEqual(Object.keys(keys).sort())
    })
  })
}
