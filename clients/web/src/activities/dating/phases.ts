import { Dating_Phase } from '../../gen/campana/v1/dating_enums';

// The phases in which someone speaks (one speaker per unit at a time), in order.
export const sharingPhases = [Dating_Phase.FIRST_SHARING, Dating_Phase.SECOND_SHARING, Dating_Phase.THIRD_SHARING];

export function isSharing(phase: Dating_Phase): boolean {
  return sharingPhases.includes(phase);
}
