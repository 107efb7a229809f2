/**
 * The figures as CSV for the bureau's spreadsheets: the rows the JSON has and its 合计 / 总计 row,
 * Chinese headers, a UTF-8 byte-order mark (Excel then reads the Chinese as UTF-8), fields written
 * as the audit export writes them (RFC 4180, formula-safe).
 */
import { CSV_BOM, csvRow } from '../audit/audit-csv.ts';
import type { Group, ProjectBy } from './stats-params.ts';
import type { DrillItem } from './stats-drill.store.ts';
import type { CertificateReport, CertificateRow, HandlingReport, OverdueReport, ProjectsReport } from './stats.service.ts';
import { TOTAL } from './stats.service.ts';

export const withBom = (text: string): string => CSV_BOM + text;

const GROUP_HEADER: Record<Group | ProjectBy, string> = { item: '业务事项', month: '月份', district: '区域', office: '办理处室' };

export function handlingCsv(r: HandlingReport): string {
  const line = (x: { key: string; received: number; open: number; closed: number }) => csvRow([x.key, String(x.received), String(x.open), String(x.closed)]);
  return withBom(csvRow([GROUP_HEADER[r.group], '新增', '在办', '办结']) + r.rows.map(line).join('') + line(r.total));
}

export function certificatesCsv(r: CertificateReport): string {
  const header = ['办理部门', '发证数', ...r.types.flatMap((t) => [`${t}发证数`, `${t}已传`, `${t}未传`, `${t}上传率`])];
  const line = (x: CertificateRow) => csvRow([x.unit, String(x.issued), ...r.types.flatMap((t) => {
    const f = x.by_type[t];
    return [String(f.issued), String(f.uploaded), String(f.not_uploaded), f.rate];
  })]);
  // The seed's table puts 总计 first.
  return withBom(csvRow(header) + line(r.total) + r.rows.map(line).join(''));
}

export function projectsCsv(r: ProjectsReport): string {
  const line = (x: { key: string; projects: number }) => csvRow([x.key, String(x.projects)]);
  return withBom(csvRow([GROUP_HEADER[r.by], '项目数']) + r.rows.map(line).join('') + line(r.total));
}

export function overdueCsv(r: OverdueReport): string {
  const line = (x: { office: string; month: string; overdue: number; due: number }) => csvRow([x.office, x.month, String(x.overdue), String(x.due)]);
  return withBom(csvRow(['办理处室', '月份', '超期环节数', '到期环节数']) + r.cells.map(line).join('') + line({ office: TOTAL, month: '', ...r.total }));
}

const DRILL_COLUMNS = ['审批编号', '项目编号', '项目名称', '业务事项', '办理处室', '区域', '状态', '收件时间', '办结时间', '证书编号'];
const STEP_COLUMNS = ['超期环节', '环节办理处室', '到期日', '环节办结时间'];

export const DRILL_CSV_HEADER = (steps: boolean): string => csvRow(steps ? [...DRILL_COLUMNS, ...STEP_COLUMNS] : DRILL_COLUMNS);

export function drillCsvRow(x: DrillItem): string {
  const fields = [x.id, x.project_no, x.project_name ?? '', x.item, x.office ?? '', x.district ?? '', x.status,
    x.received_at ?? '', x.closed_at ?? '', x.certificate_no ?? ''];
  return csvRow(x.step ? [...fields, x.step.name, x.step.office ?? '', x.step.due, x.step.finished_at ?? ''] : fields);
}
