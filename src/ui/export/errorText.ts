/** What went wrong, in the words of the thrown error, for the line under an export button. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
