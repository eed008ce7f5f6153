import { Dating_Phase } from '../../gen/campana/v1/dating_enums';
import { type Dating } from '../../gen/campana/v1/dating_pb';

// Why the server would refuse a speed-dating command now (server/domain/activities/dating/
// dating.cc), or undefined when it would take it. The console turns these into disabled
// buttons with a reason.
export type DatingBlock = 'tooFew' | 'noRound' | 'sharingStarted' | 'over' | 'nobodySharing' | 'everyoneShared';

// A new round pairs whoever is connected: at least two.
export function newDateBlock(connected: number): DatingBlock | undefined {
  return connected < 2 ? 'tooFew' : undefined;
}

export function startSharingBlock(dating: Dating): DatingBlock | undefined {
  if (dating.round === 0) return 'noRound';
  if (dating.phase === Dating_Phase.DONE) return 'over';
  if (dating.phase !== Dating_Phase.MEETING) return 'sharingStarted';
  return undefined;
}

// The next speaker: the second, then (only when the round has a trio) the third.
export function nextSpeakerBlock(dating: Dating, hasTrio: boolean): DatingBlock | undefined {
  if (dating.round === 0) return 'noRound';
  if (dating.phase === Dating_Phase.FIRST_SHARING) return undefined;
  if (dating.phase === Dating_Phase.SECOND_SHARING) return hasTrio ? undefined : 'everyoneShared';
  if (dating.phase === Dating_Phase.THIRD_SHARING) return 'everyoneShared';
  return 'nobodySharing';
}

export function endDateBlock(dating: Dating): DatingBlock | undefined {
  if (dating.round === 0) return 'noRound';
  if (dating.phase === Dating_Phase.DONE) return 'over';
  return undefined;
}
