import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_enums';
import { currentItem, type ViewProps } from '../activity';
import { useQuestionMessages } from './messages';
import { useQuestionScreenMessages } from './screenMessages';

// The current item's open question, with the answers the facilitator put on the projector
// (named or anonymous). Only this item's: answers shown earlier leave with their item.
export function ScreenQuestion({ session }: ViewProps) {
  const m = useQuestionMessages();
  const sm = useQuestionScreenMessages();
  const agenda = session.view.doc(DocKind.AGENDA);
  const item = currentItem(session.view);
  if (!agenda || item?.activity !== Agenda_Activity.QUESTION) return null;
  const shown = session.view.docs(DocKind.SHOWN_ANSWER).filter((a) => a.agendaIndex === agenda.current);
  return (
    <section class="scene shown-answers" aria-label={m.answers}>
      <h2 class="said title scene-prompt">{item.prompt || item.title}</h2>
      {shown.length === 0 ? (
        <p class="scene-note">{sm.answersComing}</p>
      ) : (
        <>
          <p class="answer-count">{sm.shownCount(shown.length)}</p>
          <ul class="answer-grid" data-fit-list>
            {shown.map((a) => (
              <li key={a.id} class="answer">
                <q class="said answer-text">{a.text}</q>
                <span class="said name author">{a.authorName || m.anonymous}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
