import type { TemplateProblem } from '../../gen/campana/v1/organizer_pb';
import { problemLine } from './errors';
import { useOrganizerMessages } from './messages';

// Every problem of a template at once, each at its place ("items[3].poll.questions[0].type: ...").
export function ProblemList({ problems }: { problems: readonly TemplateProblem[] }) {
  const m = useOrganizerMessages();
  return (
    <div class="org-problems" role="alert">
      <p>{m.problemsHeading(problems.length)}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{problemLine(p)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
