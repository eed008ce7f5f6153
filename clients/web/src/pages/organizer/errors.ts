import type { TemplateProblem } from '../../gen/campana/v1/organizer_pb';
import type { ApiFailure } from './api';
import type { OrganizerMessages } from './messages';

// An API failure in the page's language: the ApiError's code decides, never its English
// message (which is for logs and scripts).
export function errorText(m: OrganizerMessages, failure: ApiFailure): string {
  const e = m.apiError;
  switch (failure.code) {
    case 'network':
      return e.network;
    case 'unauthorized':
    case 'forbidden':
      return e.refusedKey;
    case 'not_found':
      return e.notFound;
    case 'bad_request':
      return e.badRequest;
    case 'conflict':
      return e.conflict;
    case 'invalid_template':
      return e.invalidTemplate;
    case 'too_large':
      return e.tooLarge;
    case 'method_not_allowed':
      return e.methodNotAllowed;
    case 'bad_reply':
      return e.badReply;
    default:
      return e.unknown(failure.status);
  }
}

// One of a template's problems as the server places it: "items[3].poll.questions[0].type: ...".
export function problemLine(problem: TemplateProblem): string {
  return problem.path ? `${problem.path}: ${problem.problem}` : problem.problem;
}
