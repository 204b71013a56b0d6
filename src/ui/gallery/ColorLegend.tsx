import { formatValue, scaleGradient, type MapScale } from '../colorMaps';

/** The colour bar of one row's map with the numbers at its ends (and 0 in the middle of a signed scale). */
export function ColorLegend({ scale }: { scale: MapScale }) {
  const lo = formatValue(scale.lo);
  const hi = formatValue(scale.hi);
  return (
    <div className="gallery-legend" role="img" aria-label={`Colour scale from ${lo} to ${hi}`}>
      <span className="gallery-legend-bar" style={{ background: scaleGradient(scale.signed) }} />
      <span className="gallery-legend-ticks" aria-hidden="true">
        <span>{lo}</span>
        {scale.signed ? <span>0</span> : null}
        <span>{hi}</span>
      </span>
    </div>
  );
}
