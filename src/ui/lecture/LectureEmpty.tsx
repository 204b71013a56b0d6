import type { ReactNode } from 'react';

/** What to do instead of an empty panel, when there is no sweep or no gallery yet. */
export function LectureEmpty({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="lecture-empty" data-testid={testId}>
      <h3>{title}</h3>
      <p>{children}</p>
    </section>
  );
}
