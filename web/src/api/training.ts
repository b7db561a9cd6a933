// Training (培训, issue 22): for organisers the courses of their subtree, a course's classes (one
// class = one intake, with the seat rules of activities), a class with its sessions, enrolments
// (attendance counted from the sessions' check-ins) and assessments, adding a session, checking
// members in at a session by their card's QR and recording a result (a pass issues a training
// certificate with its expiry); for a worker in the portal the classes open to them, enrolling,
// and their training certificates with expiry. Instants are Unix ms, days YYYY-MM-DD.
import type { CheckInsApi } from './activity-check-ins'
import { request } from './request'

export namespace TrainingApi {
  export type Kind = 'cadre' | 'skills' | 'craftsman'
  export type Result = 'pass' | 'fail' | 'absent'
  export interface Course {
    id: string
    org_id: string
    kind: Kind
    title: string
    trade: string | null
    level_awarded: number | null
    certificate_valid_months: number
    remind_days_before: number
    min_attendance_percent: number
    created_at: number
  }
  export interface NewCourse {
    org_id?: string
    kind: Kind
    title: string
    trade?: string
    level_awarded?: number
    certificate_valid_months: number
    remind_days_before: number
    min_attendance_percent: number
  }
  export interface Class {
    id: string
    course_id: string
    org_id: string
    title: string
    place: string
    starts_at: number
    ends_at: number
    opens_at: number
    closes_at: number
    capacity: number
    waitlist_max: number | null
    status: 'open' | 'closed'
    seats_taken: number
    waitlisted: number
    sessions: number
    created_at: number
  }
  export interface NewClass {
    title: string
    place: string
    starts_at: number
    ends_at: number
    opens_at: number
    closes_at: number
    capacity: number
    waitlist_max?: number | null
  }
  export interface Session {
    id: string
    class_id: string
    starts_at: number
    ends_at: number
    place: string
    checked_in: number
  }
  export interface Enrolment {
    id: string
    member_id: string
    member_name: string
    union_name: string
    state: 'seated' | 'waitlisted' | 'offered' | 'cancelled' | 'lapsed'
    position: number | null
    attended: number
    may_be_assessed: boolean
  }
  export interface Assessment {
    id: string
    class_id: string
    member_id: string
    result: Result
    score: number | null
    attended: number
    certificate_id: string | null
    certificate_code: string | null
    expires_on: string | null
    assessed_at: number
  }
  export interface ClassDetail {
    class: Class
    course: Course
    sessions_needed: number
    sessions: Session[]
    enrolments: Enrolment[]
    assessments: Assessment[]
  }
  export interface MyEnrolment {
    id: string
    class_id: string
    member_id: string
    state: Enrolment['state']
    position: number | null
    registered_at: number
  }
  export interface MyClass {
    class: Class
    course_title: string
    org_name: string
    mine: MyEnrolment | null
    attended: number
    can_enrol: boolean
  }
  export interface MyCertificate {
    id: string
    code: string
    title: string
    award: string
    issued_on: string
    expires_on: string | null
    expired: boolean
    expires_soon: boolean
    revoked: boolean
  }
  export interface MyTraining {
    classes: MyClass[]
    certificates: MyCertificate[]
  }
}

const id = (x: string) => encodeURIComponent(x)

export async function listCoursesApi(): Promise<TrainingApi.Course[]> {
  const page = await request<{ items: TrainingApi.Course[] }>('/api/v1/courses', { query: { limit: 200 } })
  return page.items
}

export function createCourseApi(course: TrainingApi.NewCourse): Promise<TrainingApi.Course> {
  return request('/api/v1/courses', { method: 'POST', body: course, silent: true })
}

export async function listClassesApi(courseId: string): Promise<TrainingApi.Class[]> {
  const page = await request<{ items: TrainingApi.Class[] }>(`/api/v1/courses/${id(courseId)}/classes`)
  return page.items
}

export function createClassApi(courseId: string, fields: TrainingApi.NewClass): Promise<TrainingApi.Class> {
  return request(`/api/v1/courses/${id(courseId)}/classes`, { method: 'POST', body: fields, silent: true })
}

export function getClassApi(classId: string): Promise<TrainingApi.ClassDetail> {
  return request(`/api/v1/classes/${id(classId)}`)
}

export function addSessionApi(classId: string, session: { starts_at: number; ends_at: number; place: string }): Promise<TrainingApi.Session> {
  return request(`/api/v1/classes/${id(classId)}/sessions`, { method: 'POST', body: session, silent: true })
}

export async function recordSessionCheckInsApi(sessionId: string, scans: CheckInsApi.Scan[]): Promise<CheckInsApi.Answer[]> {
  const page = await request<{ items: CheckInsApi.Answer[] }>(`/api/v1/sessions/${id(sessionId)}/check-ins`, {
    method: 'POST',
    body: { scans },
    silent: true,
  })
  return page.items
}

export function assessApi(classId: string, body: { member_id: string; result: TrainingApi.Result; score?: number }): Promise<TrainingApi.Assessment> {
  return request(`/api/v1/classes/${id(classId)}/assessments`, { method: 'POST', body, silent: true })
}

export function getMyTrainingApi(): Promise<TrainingApi.MyTraining> {
  return request('/api/v1/me/training', { session: 'portal' })
}

export function enrolMyselfApi(classId: string): Promise<TrainingApi.MyClass> {
  return request(`/api/v1/me/classes/${id(classId)}/registration`, { method: 'POST', session: 'portal', silent: true })
}
