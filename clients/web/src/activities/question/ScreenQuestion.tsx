import { DocKind } from '../../gen/campana/v1/docs_pb';
import type { ViewProps } from '../activity';
import { useQuestionMessages } from './messages';

// The answers the facilitator put on the projector, named or anonymous.
export function ScreenQuestion({ session }: ViewProps) {
  const m = useQuestionMessages();
  const shown = session.view.docs(DocKind.SHOWN_ANSWER);
  if (shown.length === 0) return null;
  return (
    <section class="shown-answers" aria-label={m.answers}>
      <h2>{m.answers}</h2>
      <ul>
        {shown.map((a) => (
          <li key={a.id} class="answer">
            <q class="said answer-text">{a.text}</q>
            <span class="said name author">{a.authorName || m.anonymous}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
