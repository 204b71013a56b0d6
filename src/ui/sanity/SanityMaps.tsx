import { useMemo } from 'react';
import type { SanityOutcome } from '../../engine/sanity/sanityJob';
import { mapScale } from '../colorMaps';
import { PixelCanvas } from '../gallery/PixelCanvas';
import { heatmapColours } from '../gallery/pixelImages';
import { ScrollRegion } from '../ScrollRegion';
import { stageWords } from './stageWords';

/** One |map| in the gallery's colours, scaled to its own range, as the randomisation figures show them. */
function AbsMap({ map, label }: { map: number[]; label: string }) {
  const colours = useMemo(() => {
    const abs = map.map(Math.abs);
    return heatmapColours(abs, mapScale(abs, false));
  }, [map]);
  return <PixelCanvas colours={colours} scale={3} label={label} />;
}

/** A method's maps of the first test images at every cascading stage: a row per image, a column per network. */
export function SanityMaps({ outcome, methodKey }: { outcome: SanityOutcome; methodKey: string }) {
  const { checks } = outcome;
  const m = checks.methods.find((x) => x.key === methodKey) ?? checks.methods[0];
  const columns = checks.stages.map((s, i) => ({ s, i })).filter(({ s }) => s.kind !== 'independent');
  if (checks.galleryImages.length === 0) return <p className="muted">This file holds no maps: <code>roar sanity --gallery 4</code> writes them.</p>;
  return (
    <ScrollRegion label="Maps at each stage (scrolls sideways)">
      <table className="gallery-table sanity-maps" data-testid="sanity-maps">
        <thead>
          <tr>
            <th scope="col">Test image</th>
            {columns.map(({ s }) => (
              <th key={s.id} scope="col">
                {stageWords(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {checks.galleryImages.map((image, g) => (
            <tr key={image}>
              <th scope="row">#{image}</th>
              {columns.map(({ s, i }) => (
                <td key={s.id}>
                  <AbsMap map={m.gallery[i][g]} label={`|map| of test image ${image}, ${stageWords(s)}`} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
