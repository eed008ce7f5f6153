import { ActionPlanField } from '../../gen/campana/v1/action_plan_enums';
import { type ActionPlan } from '../../gen/campana/v1/action_plan_pb';
import { columnName } from './ColumnNames';
import type { PlanMessages } from './messages';
import { formatDueDate, planColumns, textOf } from './PlanSelectors';
import './PlanTable.css';

// A plan's steps as a plain table (the console's overview and the printed report): a number and
// the six columns, dates in words.
export function PlanTable({
  plan,
  m,
  language,
  caption,
  className = '',
}: {
  plan: Pick<ActionPlan, 'rows'>;
  m: PlanMessages;
  language: string;
  caption: string;
  className?: string; // more classes (the report's table style)
}) {
  return (
    <table class={`plan-steps-table ${className}`}>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          {planColumns.map((field) => (
            <th key={field} scope="col">
              {columnName(m, field, true)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {plan.rows.map((row, i) => (
          <tr key={row.id}>
            <th scope="row">{i + 1}</th>
            {planColumns.map((field) => {
              const text = textOf(row, field)?.text ?? '';
              return <td key={field}>{field === ActionPlanField.DUE_DATE ? formatDueDate(text, language) : text}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
