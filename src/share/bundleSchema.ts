/**
 * A results bundle (engine/sweep/bundle.ts) read from an untrusted file or link: the format and version,
 * then the results by the engine's results schema (every field, and every run against the sweep's own plan),
 * then the verdicts, which must be the ones the runs give. Version 1 bundles still open, read as the
 * version 2 bundle that says the same with health unknown (engine/sweep/resultsUpgrade.ts).
 */
import * as v from 'valibot';
import { describeValue } from '../engine/config/text';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleVerdict, type ResultsBundle } from '../engine/sweep/bundle';
import { readResults } from '../engine/sweep/resultsSchema';
import { upgradeResultsV1 } from '../engine/sweep/resultsUpgrade';
import { summariseSweep, verdictsOf, VERDICTS } from '../engine/sweep/summary';
import { explainIssue, fieldSentence, strictRecord, textSchema } from '../engine/config/field';

/** A results title ("Lecture preset, 2026-11-26 10:02"), shown as a heading. */
export const MAX_TITLE_CHARS = 200;
/** A verdict's reason: a few sentences. */
const MAX_REASON_CHARS = 4_000;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const verdictsSchema = v.array(
  strictRecord({
    method: textSchema('Method key', 1_000),
    verdict: v.picklist(VERDICTS, fieldSentence('Verdict', `one of ${VERDICTS.join(', ')}`)),
    reason: textSchema('Reason', MAX_REASON_CHARS),
  }),
  fieldSentence('Verdicts', 'a list'),
);

const title = textSchema('Title', MAX_TITLE_CHARS);
/** The bundle's own fields; the results and verdicts are read on their own afterwards. */
const ENVELOPES = {
  1: strictRecord({ format: v.literal(BUNDLE_FORMAT), version: v.literal(1), title, results: v.unknown() }),
  2: strictRecord({ format: v.literal(BUNDLE_FORMAT), version: v.literal(2), title, verdicts: v.unknown(), results: v.unknown() }),
};

/** The bundle's verdicts must be the ones its runs give; the recomputed ones (with their reasons) are kept. */
function checkVerdicts(found: v.InferOutput<typeof verdictsSchema>, expected: BundleVerdict[]): string | null {
  if (found.length !== expected.length) return `verdicts lists ${found.length} methods; the results have ${expected.length}.`;
  for (const [i, f] of found.entries()) {
    const e = expected[i];
    if (f.method !== e.method || f.verdict !== e.verdict) return `verdicts[${i}] does not follow from the runs: they give ${describeValue(e.method)} the verdict “${e.verdict}”, the file says ${describeValue(f.method)} “${f.verdict}”.`;
  }
  return null;
}

/** The bundle `input` holds, or a message naming the first field that is wrong and why; `what` names the whole ("The file"). */
export function readBundle(input: unknown, what: string): { bundle: ResultsBundle } | { error: string } {
  if (!isRecord(input)) return { error: `${what} must be an object; found ${describeValue(input)}.` };
  if (input.format !== BUNDLE_FORMAT) return { error: `format must be “${BUNDLE_FORMAT}”: this is not a ROAR Lab results file (found ${describeValue(input.format)}).` };
  const version = input.version;
  if (version !== 1 && version !== BUNDLE_VERSION) return { error: `version is ${describeValue(version)}; this page reads versions 1 and ${BUNDLE_VERSION} of results.` };
  const top = v.safeParse(ENVELOPES[version], input, { abortEarly: true });
  if (!top.success) return { error: explainIssue(top.issues[0], what).replace(`${what}.`, '') };
  const read = readResults(version === 1 ? upgradeResultsV1(input.results) : input.results, 'results');
  if ('error' in read) return read;
  const verdicts = verdictsOf(summariseSweep(read.results));
  if (version === BUNDLE_VERSION) {
    const found = v.safeParse(verdictsSchema, input.verdicts, { abortEarly: true });
    if (!found.success) return { error: explainIssue(found.issues[0], 'verdicts') };
    const problem = checkVerdicts(found.output, verdicts);
    if (problem) return { error: problem };
  }
  return { bundle: { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, title: top.output.title, verdicts, results: read.results } };
}
