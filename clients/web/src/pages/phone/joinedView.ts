import type { PhoneProps } from '../../activities/activity';
import { lazyView } from '../../ui/lazyView';

// The joined phone's page (Joined.tsx) is its own chunk: a phone that has not joined yet does not
// download it with the join form, but when the person taps to join (JoinForm, CodeJoinForm), while
// the Join goes to the server, or at once when the phone joined before (PhoneApp). So the first
// load of a room of phones arriving together stays light (tests/e2e/weight.test.mjs).
export const JoinedView = lazyView<PhoneProps>(() => import('./Joined').then((m) => m.Joined));
