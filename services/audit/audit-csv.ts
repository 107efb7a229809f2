/**
 * The audit log as CSV for the bureau's spreadsheets: RFC 4180 (CRLF rows, a field quoted when it
 * holds a comma, a quote or a line break, quotes doubled), Chinese headers, and a UTF-8
 * byte-order mark so that Excel reads the Chinese as UTF-8 rather than the local code page.
 */
import type { AuditRow } from './audit.store.ts';

export const CSV_BOM = '\uFEFF';
export const AUDIT_CSV_HEADER = ['时间', '操作人', '操作', '资源类型', '资源编号', '详情'] as const;

/**
 * One field. A field a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an
 * apostrophe: actors, aliases and details carry text people typed, and the file is opened in Excel.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvRow = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\r\n`;

/** An entry's row, in the header's order; the detail as its JSON. */
export const auditCsvRow = (e: AuditRow): string =>
  csvRow([e.at, e.actor, e.action, e.resource_type ?? '', e.resource_id ?? '', JSON.stringify(e.detail)]);
