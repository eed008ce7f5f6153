// The action plans' file in the console's zip of the workshop: one row per step of every group's
// plan (a plan without steps: one row with its objective), and the same table in the zip's
// report. Plans nobody wrote in are left out, as on the report page. Pure; the zip is made by
// pages/console/zipExport.ts.

import type { Language } from '../../i18n/i18n';
import { csvFile } from '../../pages/console/exportFile';
import type { ExportFile } from '../activity';
import { columnName } from './ColumnNames';
import { usePlanMessages } from './messages';
import { planColumns, textOf } from './PlanSelectors';
import { parsePlanExport, reportedPlans } from './ReportPlanData';

export function planExportFiles(exported: string, language: Language): ExportFile[] {
  const data = parsePlanExport(exported);
  const byItem = reportedPlans(data);
  if (byItem.size === 0) return [];
  const m = usePlanMessages.in(language);
  const rows: string[][] = [
    [m.planTitle, m.planGroupHeader, m.planObjective, '#', ...planColumns.map((f) => columnName(m, f))],
  ];
  for (const [item, plans] of byItem) {
    for (const plan of plans) {
      const lead = [data.items[item] ?? String(item + 1), m.group(plan.group), plan.objective?.text ?? ''];
      if (plan.rows.length === 0) rows.push([...lead, '', ...planColumns.map(() => '')]);
      plan.rows.forEach((row, i) =>
        rows.push([...lead, String(i + 1), ...planColumns.map((f) => textOf(row, f)?.text ?? '')]),
      );
    }
  }
  return [csvFile('action-plans.csv', rows, { title: m.planTitle, table: rows })];
}
