import { useState } from 'react';
import { useCommands, useSweep } from '../labContext';

/** The most links one class gets: a lecture hall, not a cluster (the CLI takes up to 1,000 shards). */
const MAX_STUDENTS = 200;

/**
 * "Split across the class": the sweep as n links, `shard=i/n`, one per student. Each tab runs its part and offers
 * its results file; the lecturer drops the files here, and the chart grows as they arrive.
 */
export function ClassSplit() {
  const lab = useCommands();
  const merged = useSweep((s) => s.merged);
  const [text, setText] = useState('4');
  const [links, setLinks] = useState<string[] | null>(null);
  const n = Number(text);
  const valid = Number.isInteger(n) && n >= 2 && n <= MAX_STUDENTS;
  return (
    <div className="class-split" data-testid="class-split">
      <div className="share-actions">
        <label className="inline">
          Students{' '}
          <input type="number" min={2} max={MAX_STUDENTS} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={valid ? undefined : true} aria-describedby="class-split-help" style={{ width: '5em' }} />
        </label>
        <button type="button" disabled={!valid} onClick={() => setLinks(lab.classLinks(n))}>
          Split across the class
        </button>
        <small id="class-split-help" className={valid ? 'muted' : 'error'}>
          {valid ? 'One link per student; each runs its part of this sweep. Drop their results files here to merge them.' : `Students: a whole number from 2 to ${MAX_STUDENTS}.`}
        </small>
      </div>
      {merged ? (
        <p className="muted" data-testid="merged-shards">
          Shards in: {merged.have.join(', ')} of {merged.count}
          {merged.have.length < merged.count ? ` · waiting for ${Array.from({ length: merged.count }, (_, i) => i + 1).filter((i) => !merged.have.includes(i)).join(', ')}` : ' · all in'}
        </p>
      ) : null}
      {links ? (
        <ol className="class-links" data-testid="class-links">
          {links.map((l) => (
            <li key={l}>
              <input readOnly value={l} aria-label={`Link for student ${l.slice(l.lastIndexOf('=') + 1)}`} onFocus={(e) => e.currentTarget.select()} />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
