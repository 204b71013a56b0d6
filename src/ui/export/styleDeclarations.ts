/**
 * Which computed styles an exported SVG element must carry to look the same outside the page. Recharts
 * sets most paint as attributes, but fonts (and anything the page's CSS changes) come from the cascade,
 * which a standalone file no longer has. Writing only what differs from the parent (or, for the root,
 * from the SVG initial value) keeps the file small: inheritance restores the rest.
 */
export const INLINED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'visibility',
] as const;

export type InlinedProperty = (typeof INLINED_PROPERTIES)[number];
export type StyleLookup = (property: InlinedProperty) => string;

/** Initial values as getComputedStyle reports them; font family and size have none worth trusting, so the root always writes them. */
const INITIAL: Partial<Record<InlinedProperty, string>> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-dasharray': 'none',
  'stroke-opacity': '1',
  opacity: '1',
  'font-weight': '400',
  'font-style': 'normal',
  visibility: 'visible',
};

/** `opacity` is the one listed property that does not inherit. */
const inherits = (p: InlinedProperty): boolean => p !== 'opacity';

/** A `style` attribute value for an element, given its computed style and its parent's (null for the root). */
export function styleDeclarations(own: StyleLookup, parent: StyleLookup | null): string {
  return INLINED_PROPERTIES.filter((p) => {
    const value = own(p);
    if (value === '') return false;
    if (parent && inherits(p)) return value !== parent(p);
    return value !== INITIAL[p];
  })
    .map((p) => `${p}: ${own(p)}`)
    .join('; ');
}
