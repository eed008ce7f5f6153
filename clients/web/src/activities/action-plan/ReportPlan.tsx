import { useMemo } from 'preact/hooks';
import { useLanguage } from '../../i18n/i18n';
import type { ReportProps } from '../activity';
import { parsePlanExport, reportedPlans } from './ReportPlanData';
import { usePlanMessages } from './messages';
import { PlanTable } from './PlanTable';
import { usePlanReportMessages } from './reportMessages';
import './ReportPlan.css';

// The action plans in the report: for each action plan item, every group's plan that something
// was written in: its objective and its steps as a table. Nobody is named (the last writers are
// not the plan's authors: the plan is the group's).
export function ReportPlan({ exported, part }: ReportProps) {
  const m = usePlanMessages();
  const r = usePlanReportMessages();
  const language = useLanguage();
  const data = useMemo(() => parsePlanExport(exported), [exported]);
  const byItem = useMemo(() => reportedPlans(data), [data]);
  if (part !== 'body' || byItem.size === 0) return null;
  return (
    <>
      {[...byItem.entries()].map(([item, plans]) => {
        const title = data.items[item] ?? '';
        const heading =
          title && !title.toLowerCase().includes(m.planTitle.toLowerCase())
            ? r.planReportHeading(m.planTitle, title)
            : title || m.planTitle;
        return (
          <section key={item} class="report-activity report-plans" data-report-plan={item}>
            <h3>{heading}</h3>
            <p class="report-minutes">{plans[0]?.prompt || m.planDefaultPrompt}</p>
            {plans.map((plan) => (
              <div key={plan.group} class="report-plan" data-report-plan-group={plan.group}>
                <h4>{m.planOfGroup(plan.group)}</h4>
                <p class="report-keep">
                  <strong>{m.planObjective}:</strong> {plan.objective?.text || r.planReportNoObjective}
                </p>
                {plan.rows.length === 0 ? (
                  <p>{r.planReportNoSteps}</p>
                ) : (
                  <PlanTable
                    plan={plan}
                    m={m}
                    language={language}
                    caption={r.planReportSteps(plan.group)}
                    className="report-table report-plan-table"
                  />
                )}
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}
