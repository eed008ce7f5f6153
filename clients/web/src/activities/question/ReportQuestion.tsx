import { useMemo } from 'preact/hooks';
import { defineMessages } from '../../i18n/i18n';
import { field, list, num, parseJsonObject, str } from '../../pages/console/exportFile';
import type { ReportProps } from '../activity';

const useQuestionReportMessages = defineMessages({
  es: { questionReportAnswers: (n: number) => `${n} ${n === 1 ? 'respuesta' : 'respuestas'}` },
  en: { questionReportAnswers: (n: number) => `${n} ${n === 1 ? 'answer' : 'answers'}` },
});

// The agenda's open questions in the report: each one's prompt and every answer, without names
// (the projector may have shown them anonymously, and the report is read beyond the room).
export function ReportQuestion({ exported, part }: ReportProps) {
  const m = useQuestionReportMessages();
  const items = useMemo(() => {
    const raw = parseJsonObject(exported);
    const byItem = new Map<number, string[]>();
    for (const a of list(raw, 'answers')) {
      const index = num(a, 'agenda_index');
      byItem.set(index, [...(byItem.get(index) ?? []), str(a, 'text')]);
    }
    const agenda = list(field(raw, 'agenda'), 'items');
    return [...byItem.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, answers]) => ({
        index,
        title: str(agenda[index], 'title'),
        prompt: str(agenda[index], 'prompt'),
        answers,
      }));
  }, [exported]);
  if (part !== 'body' || items.length === 0) return null;
  return (
    <>
      {items.map((item) => (
        <section key={item.index} class="report-activity" data-report-question={item.index}>
          <h3>{item.title}</h3>
          {item.prompt && <p>{item.prompt}</p>}
          <p>{m.questionReportAnswers(item.answers.length)}</p>
          <ul>
            {item.answers.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
