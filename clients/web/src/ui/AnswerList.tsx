import { useMessages } from '../i18n/i18n';
import { AnswerItem } from './AnswerItem';

// The answers to one question on the console, each with its author's name, or a line that
// says there are none yet.
export function AnswerList({
  answers,
  names,
}: {
  answers: { id: number; participantId: number; text: string }[];
  names: Map<number, string>;
}) {
  const m = useMessages();
  if (answers.length === 0) return <p class="muted">{m.noAnswers}</p>;
  return (
    <ul class="answers">
      {answers.map((a) => (
        <AnswerItem key={a.id} text={a.text} author={names.get(a.participantId) ?? '?'} />
      ))}
    </ul>
  );
}
