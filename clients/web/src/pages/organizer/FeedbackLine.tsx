import { Notice } from '../../ui/Chrome';
import { errorText } from './errors';
import { LinkList } from './LinkList';
import { useOrganizerMessages } from './messages';
import { ProblemList } from './ProblemList';
import type { Feedback } from './useOrganizer';

// The last action's result, where it was asked for: what went wrong (with a template's
// problems, each at its place), or what was done (a new workshop with its links).
export function FeedbackLine({
  feedback,
  where,
  onClose,
}: {
  feedback: Feedback | undefined;
  where: string;
  onClose: () => void;
}) {
  const m = useOrganizerMessages();
  if (feedback?.where !== where) return null;
  const { failure, say, created } = feedback;
  const problems = feedback.problems ?? failure?.problems ?? [];
  if (problems.length > 0) return <ProblemList problems={problems} />;
  if (failure) return <Notice onClose={onClose}>{errorText(m, failure)}</Notice>;
  return (
    <div class="org-feedback org-done" role="status">
      {say && <p>{say(m)}</p>}
      {created && <LinkList reply={created} />}
    </div>
  );
}
