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
 * The most a link's results may expand to when inflated. What fits 8,000 characters of a link is at most
 * ~150 KB of results JSON; 256 KB leaves room and stops a 7,000-character deflate bomb before it can hold the
 * tab for a second (it would expand to ~6 MB).
 */
export const MAX_LINK_RESULTS_BYTES = 256 * 1024;

/**
 * The largest results file the page opens. A sweep of 10,000 runs (far beyond the Paper preset's 525) with
 * its loss curves takes a few MB as JSON; past 5 MB the input is not ours and is refused before it is parsed.
 */
export const MAX_RESULTS_BYTES = 5 * 1024 * 1024;
