// System API: what server and database this is (/api/v1/version).
import { request } from './request'

export namespace SystemApi {
  export type Backend = 'sqlite' | 'postgresql'
  export interface Version {
    name: string
    version: string
    schema_version: number
    backend: Backend
  }
}

export function getVersionApi(): Promise<SystemApi.Version> {
  return request('/api/v1/version')
}
