import { PIXELS } from '../defaults';

/** Masking works on one 28×28 image at a time: anything else is a caller's bug, named in the message. */
export function checkImageLength(what: string, length: number): void {
  if (length !== PIXELS) throw new RangeError(`${what} has ${length} values; expected ${PIXELS}.`);
}
