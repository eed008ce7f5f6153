import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { Dating_Phase } from '../src/gen/campana/v1/dating_enums';
import { DatingSchema } from '../src/gen/campana/v1/dating_pb';
import { endDateBlock, newDateBlock, nextSpeakerBlock, startSharingBlock } from '../src/activities/dating/guards';

const at = (round: number, phase: Dating_Phase) => create(DatingSchema, { round, phase });

describe('speed dating guards (mirroring server/domain/activities/dating/dating.cc)', () => {
  it('pairs only two or more connected people', () => {
    expect(newDateBlock(1)).toBe('tooFew');
    expect(newDateBlock(2)).toBeUndefined();
  });

  it('starts the sharing once, during the meeting', () => {
    expect(startSharingBlock(at(0, Dating_Phase.NONE))).toBe('noRound');
    expect(startSharingBlock(at(1, Dating_Phase.MEETING))).toBeUndefined();
    expect(startSharingBlock(at(1, Dating_Phase.FIRST_SHARING))).toBe('sharingStarted');
    expect(startSharingBlock(at(1, Dating_Phase.DONE))).toBe('over');
  });

  it('moves to a third speaker only when the round has a trio', () => {
    expect(nextSpeakerBlock(at(1, Dating_Phase.MEETING), true)).toBe('nobodySharing');
    expect(nextSpeakerBlock(at(1, Dating_Phase.FIRST_SHARING), false)).toBeUndefined();
    expect(nextSpeakerBlock(at(1, Dating_Phase.SECOND_SHARING), false)).toBe('everyoneShared');
    expect(nextSpeakerBlock(at(1, Dating_Phase.SECOND_SHARING), true)).toBeUndefined();
    expect(nextSpeakerBlock(at(1, Dating_Phase.THIRD_SHARING), true)).toBe('everyoneShared');
  });

  it('ends a date that is on', () => {
    expect(endDateBlock(at(0, Dating_Phase.NONE))).toBe('noRound');
    expect(endDateBlock(at(1, Dating_Phase.SECOND_SHARING))).toBeUndefined();
    expect(endDateBlock(at(1, Dating_Phase.DONE))).toBe('over');
  });
});
