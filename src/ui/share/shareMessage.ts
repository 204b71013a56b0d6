/** The one line under the share bar: what just happened, and whether it went wrong. */
export interface ShareMessage {
  tone: 'ok' | 'notice' | 'error';
  text: string;
  /** Offer the results file in its place (a link that would be too long). */
  offerFile?: boolean;
}

/** A stranger's file name, short enough for a sentence. */
export const shortName = (name: string): string => (name.length > 60 ? `${name.slice(0, 57)}…` : name);
