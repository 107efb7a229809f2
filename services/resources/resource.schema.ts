/**
 * The records PlanHub holds, one zod schema per resource type, and the types inferred from them:
 * what an import line must be, and what stores, jobs and the indexer pass around. Fields beyond
 * the canonical ones are kept (in each table's `extra` column), never dropped. A leaf module:
 * it imports nothing of the app.
 */
import { z } from 'zod';

/** The largest body text a record may carry; longer lines are rejected, not truncated. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;
const SHORT = 2000;

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const id = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[^\s\p{Cc}]+$/u, 'must not contain spaces or control characters');
/** What a record's id must be, on import and wherever an id arrives from outside. */
export const recordIdSchema = id;

const short = z.string().trim().max(SHORT, `must be at most ${SHORT} characters`);
const optShort = short.nullish();

const bodyText = z.string().superRefine((s, ctx) => {
  // Cheap first: a string of few characters cannot be over the limit in bytes.
  if (s.length * 3 <= MAX_TEXT_BYTES) return;
  const bytes = utf8Bytes(s);
  if (bytes > MAX_TEXT_BYTES) {
    ctx.addIssue({
      code: 'custom',
      message: `is ${bytes.toLocaleString('en')} bytes, over the ${MAX_TEXT_BYTES / 1024 / 1024} MB limit`,
    });
  }
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** True when the string starts with a real calendar day (no 2月30日). */
function isCalendarDay(s: string): boolean {
  const day = s.slice(0, 10);
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day);
}

/** `YYYY-MM-DD`, checked to be a real calendar day. */
const date = z
  .string()
  .trim()
  .regex(ISO_DATE, 'must be a date written YYYY-MM-DD')
  .refine((s) => !ISO_DATE.test(s) || isCalendarDay(s), 'is not a calendar date');

/**
 * A date or a date-time. Times without a zone are the bureau's local time (UTC+8), so they are
 * stored as such instead of being read in whatever zone the importing machine runs.
 */
const dateTime = z
  .string()
  .trim()
  .refine((s) => ISO_DATE.test(s) || ISO_DATE_TIME.test(s), 'must be an ISO date or date-time')
  .transform((s, ctx) => {
    if (!isCalendarDay(s)) {
      ctx.addIssue({ code: 'custom', message: 'is not a calendar date' });
      return z.NEVER;
    }
    const withTime = ISO_DATE.test(s) ? `${s}T00:00:00` : s.replace(' ', 'T');
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(withTime) ? withTime : `${withTime}+08:00`;
    const d = new Date(zoned);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid date-time' });
      return z.NEVER;
    }
    return d.toISOString();
  });

const projectNos = z.array(short.min(1)).max(200, 'must list at most 200 projects').default([]);

export const APPROVAL_STATUSES = ['新增', '在办', '办结'] as const;
/** An approval is open (still being handled) until it is 办结: the one place that says so. */
export const CLOSED_APPROVAL_STATUS = '办结' satisfies (typeof APPROVAL_STATUSES)[number];
export const isOpenApproval = (status: string | null | undefined): boolean => status !== CLOSED_APPROVAL_STATUS;
/** A builder under a 失信 record: its applications are not accepted (the credit check's fact). */
export const DISHONEST_CREDIT_STATUS = '失信';
export const isDishonest = (status: string | null | undefined): boolean => status === DISHONEST_CREDIT_STATUS;
/** Petitions still in hand; whatever else a petition's status says, it is closed. */
export const OPEN_PETITION_STATUSES: ReadonlySet<string> = new Set(['受理', '办理中', '转办', '待受理']);

export const projectSchema = z.looseObject({
  id,
  project_no: short.min(1).nullish(),
  name: short.min(1, 'must not be empty'),
  builder: optShort,
  builder_credit_code: z
    .string()
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'must be an 18-character unified social credit code')
    .nullish(),
  address: optShort,
  district: optShort,
  project_type: optShort,
  land_use: optShort,
  scale_m2: z.number().nonnegative('must not be negative').finite().nullish(),
  created_at: dateTime.nullish(),
  /** The estate's sales name (楼盘名, `万科·湖畔里`), by which citizens and officers call it. */
  estate_name: optShort,
  /** Other names the project goes by: a short name, an old name, a 小区 name. */
  aliases: z.array(short.min(1, 'must not be empty')).max(50, 'must list at most 50 names').optional(),
  // Optional facts the rules read (kept in `extra`; services/alerts/approval-facts.ts): 重点 / 重大 / 一般项目, 市政, 交通, 划拨, 跨区.
  level: optShort,
  municipal: z.boolean().nullish(),
  transport: z.boolean().nullish(),
  allocated: z.boolean().nullish(),
  cross_district: z.boolean().nullish(),
});

export const approvalStepSchema = z.looseObject({
  name: short.min(1, 'must not be empty'),
  stage: optShort,
  office: optShort,
  handler: optShort,
  limit_days: z.number().int('must be a whole number of working days').min(0).max(3650).nullish(),
  started_at: dateTime.nullish(),
  finished_at: dateTime.nullish(),
});

export const approvalSchema = z.looseObject({
  id,
  project_no: short.min(1, 'must not be empty'),
  item: short.min(1, 'must not be empty'),
  status: z.enum(APPROVAL_STATUSES, { message: `must be one of ${APPROVAL_STATUSES.join(', ')}` }),
  received_at: dateTime.nullish(),
  closed_at: dateTime.nullish(),
  office: optShort,
  handler: optShort,
  certificate_no: optShort,
  steps: z.array(approvalStepSchema).max(200, 'must have at most 200 steps').default([]),
  // Optional facts the rules read (kept in `extra`; services/alerts/approval-facts.ts): 申报材料, 审批结果及图件, 红线, 三传件.
  materials_complete: z.boolean().nullish(),
  materials_genuine: z.boolean().nullish(),
  materials_expired: z.boolean().nullish(),
  materials_uploaded: z.boolean().nullish(),
  results_uploaded: z.boolean().nullish(),
  red_line_stored: z.boolean().nullish(),
  red_line_valid: z.boolean().nullish(),
  map_consistent: z.boolean().nullish(),
  sign_off: z.array(short.min(1, 'must not be empty')).max(20, 'must list at most 20 signatures').nullish(),
  // 证照上传: whether the issued certificate's scan is in the certificate library (the 证照情况统计 table).
  certificate_uploaded: z.boolean().nullish(),
});

export const documentSchema = z
  .looseObject({
    id,
    doc_no: optShort,
    title: optShort,
    date: date.nullish(),
    issuer: optShort,
    text: bodyText.nullish(),
    project_nos: projectNos,
  })
  .refine((d) => Boolean(d.doc_no || d.title), { message: 'needs a doc_no or a title', path: ['title'] });

export const meetingSchema = z.looseObject({
  id,
  title: short.min(1, 'must not be empty'),
  date: date.nullish(),
  kind: optShort,
  text: bodyText.nullish(),
  project_nos: projectNos,
});

export const petitionerSchema = z.looseObject({
  name: optShort,
  phone: optShort,
  email: optShort,
  address: optShort,
});

export const petitionSchema = z.looseObject({
  id,
  letter_no: optShort,
  subject: short.min(1, 'must not be empty'),
  text: bodyText.nullish(),
  received_at: dateTime.nullish(),
  channel: optShort,
  category: optShort,
  office: optShort,
  deadline: date.nullish(),
  status: optShort,
  petitioner: petitionerSchema.nullish(),
  project_nos: projectNos,
});

export const creditSchema = z.looseObject({
  id,
  builder: short.min(1, 'must not be empty'),
  credit_code: optShort,
  status: short.min(1, 'must not be empty'),
  reason: optShort,
  date: date.nullish(),
});

export const regulationSchema = z.looseObject({
  id,
  title: short.min(1, 'must not be empty'),
  date: date.nullish(),
  region: optShort,
  category: optShort,
  text: bodyText.nullish(),
});

export const IMPORT_SCHEMAS = {
  project: projectSchema,
  approval: approvalSchema,
  document: documentSchema,
  meeting: meetingSchema,
  petition: petitionSchema,
  credit: creditSchema,
  regulation: regulationSchema,
} as const;

export type ResourceType = keyof typeof IMPORT_SCHEMAS;
export const RESOURCE_TYPES = Object.keys(IMPORT_SCHEMAS) as ResourceType[];

export type ProjectRecord = z.output<typeof projectSchema>;
export type ApprovalRecord = z.output<typeof approvalSchema>;
export type DocumentRecord = z.output<typeof documentSchema>;
export type MeetingRecord = z.output<typeof meetingSchema>;
export type PetitionRecord = z.output<typeof petitionSchema>;
export type CreditRecord = z.output<typeof creditSchema>;
export type RegulationRecord = z.output<typeof regulationSchema>;

export type ResourceRecord<T extends ResourceType> = z.output<(typeof IMPORT_SCHEMAS)[T]>;

/**
 * Where each type's records name the projects they belong to: one number in `project_no`, a list
 * in `project_nos`, or nowhere. The one place that says so; stores and the import read it here.
 */
export const PROJECT_NO_FIELD = {
  project: 'project_no',
  approval: 'project_no',
  document: 'project_nos',
  meeting: 'project_nos',
  petition: 'project_nos',
  credit: null,
  regulation: null,
} as const satisfies Record<ResourceType, 'project_no' | 'project_nos' | null>;

/** The project numbers a record names itself. */
export function projectNosOf<T extends ResourceType>(type: T, record: ResourceRecord<T>): string[] {
  const field = PROJECT_NO_FIELD[type];
  if (field === null) return [];
  const value = (record as Partial<Record<'project_no' | 'project_nos', string | string[] | null>>)[field];
  if (Array.isArray(value)) return value;
  return value ? [value] : [];
}

/** Narrows a user-given type name, with an error that lists what is allowed. */
export function parseResourceType(value: string): ResourceType {
  if ((RESOURCE_TYPES as string[]).includes(value)) return value as ResourceType;
  throw new TypeError(`unknown type "${value}": expected one of ${RESOURCE_TYPES.join(', ')}`);
}
