/**
 * The bounds every shared link and results file must respect. Links and bundles come from strangers, so each
 * bound is there to keep a hostile or damaged input from freezing or filling the page, while leaving room for
 * every sweep the lab can run.
 */

/**
 * The longest link "Copy link with results" produces, and the longest results hash the page reads.
 * RFC 9110 §4.1 asks software to support URIs of at least 8,000 octets; beyond that, chat tools, mail
 * clients and proxies start to cut links off, so a longer link is offered as a results file instead.
 */
export const MAX_LINK_CHARS = 8_000;

/**
 * The most a results payload may expand to when inflated, and the largest results file the page opens.
 * A sweep of 10,000 runs (far beyond the paper preset's 180) takes about 3.5 MB as JSON; past 5 MB the input is
 * not ours (a deflate bomb expands a 8,000-character hash to ~6 MB) and is refused before it is parsed.
 */
export const MAX_RESULTS_BYTES = 5 * 1024 * 1024;

/** Methods in one sweep: the catalog's 14, plus room for the same method with different parameters. */
export const MAX_METHODS = 32;

/** Thresholds in one sweep: one per whole percent is more than any sweep needs. */
export const MAX_THRESHOLDS = 101;

/** The methods list in a link (`methods=…`): 32 methods with all their parameters fit comfortably. */
export const MAX_METHODS_TEXT = 4_000;

/** A results title ("Lecture preset, 2026-11-26 10:02"), shown as a heading. */
export const MAX_TITLE_CHARS = 200;

/** Free-text provenance (user agent, backend details, dates): user agents run to a few hundred characters. */
export const MAX_TEXT_CHARS = 1_000;

/** How much of a stranger's value a message quotes: enough to recognise it, never a wall of text. */
export const QUOTE_CHARS = 40;
