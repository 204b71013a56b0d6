/**
 * Imports run one way (issue 11): engine ← share ← state ← ui, with worker, cli and node beside them. Read
 * from the sources with TypeScript's own import scanner, so a new file that crosses a layer fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const SRC = resolve(__dirname);

/** What each folder's production code may import, besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  engine: [],
  share: ['engine'],
  // The headless Lab owns the worker client and the checkpoint store the worker writes.
  state: ['engine', 'share', 'worker'],
  ui: ['engine', 'share', 'state'],
  worker: ['engine'],
  node: ['engine'],
  cli: ['engine', 'share', 'node'],
  // Test support: generators and oracles for the tests, never for the product.
  testing: ['engine', 'share'],
  // main.tsx only mounts.
  '': ['state', 'ui'],
};
/** Tests may also load MNIST from disk and use the test support. */
const TEST_EXTRA = ['node', 'testing'];
/** Packages the engine must not touch: it is pure TS + tfjs, with no React and no DOM (comlink, in engine/parallel, only needs a message port). */
const NOT_IN_ENGINE = ['react', 'react-dom', 'zustand', 'recharts', 'idb-keyval'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The top folder of src/ a path is in; '' for src/ itself. */
const layer = (path: string): string => {
  const parts = relative(SRC, path).split(/[\\/]/);
  return parts.length > 1 ? parts[0] : '';
};

const FILES = sources(SRC).map((path) => ({
  path,
  name: relative(SRC, path),
  isTest: /\.(test|spec)\.tsx?$/.test(path),
  imports: ts.preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles.map((f) => f.fileName),
}));

describe('architecture', () => {
  test('the scanner sees the imports (a check that reads nothing cannot fail)', () => {
    expect(FILES.length).toBeGreaterThan(100);
    const lab = FILES.find((f) => f.name === join('state', 'Lab.ts'));
    expect(lab?.imports.some((i) => i.startsWith('../engine/'))).toBe(true);
  });

  test('every import runs the allowed way: engine ← share ← state ← ui; worker, cli, node beside', () => {
    const wrong: string[] = [];
    for (const f of FILES) {
      const from = layer(f.path);
      const allowed = new Set([from, ...(ALLOWED[from] ?? []), ...(f.isTest ? TEST_EXTRA : [])]);
      for (const spec of f.imports.filter((i) => i.startsWith('.'))) {
        const to = layer(resolve(dirname(f.path), spec));
        if (!allowed.has(to)) wrong.push(`${f.name} imports ${spec} (${from || 'src'} → ${to || 'src'})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('every folder is in the table, so a new one has to say where it stands', () => {
    expect([...new Set(FILES.map((f) => layer(f.path)))].filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  test('the engine uses no UI, storage or messaging package', () => {
    const wrong = FILES.filter((f) => layer(f.path) === 'engine').flatMap((f) =>
      f.imports.filter((i) => NOT_IN_ENGINE.some((p) => i === p || i.startsWith(`${p}/`))).map((i) => `${f.name} imports ${i}`),
    );
    expect(wrong).toEqual([]);
  });
});
