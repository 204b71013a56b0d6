import { useMemo, useRef, type PointerEvent } from 'react';
import { useCommands, useGallery } from '../labContext';
import { toMnistDigit } from './mnistDigit';
import { digitColours } from './pixelImages';
import { PixelCanvas } from './PixelCanvas';

/** The pad's own resolution: fine enough that the 20×20 downsampling averages real strokes. */
const PAD = 280;
/** About MNIST's stroke width once a digit of normal size is scaled into the 20×20 box. */
const STROKE = 22;

/**
 * A canvas to draw a digit on with a mouse, a finger or a pen (pointer events cover all three), and the
 * 28×28 digit the model will see. The digit is recomputed when a stroke ends.
 */
export function DrawPad({ error }: { error?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const drawn = useGallery((s) => s.form.drawn);
  const lab = useCommands();
  const preview = useMemo(() => (drawn ? digitColours(drawn) : null), [drawn]);

  const context = () => ref.current?.getContext('2d', { willReadFrequently: true }) ?? null;
  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * PAD, y: ((e.clientY - r.top) / r.height) * PAD };
  };
  const strokeTo = (to: { x: number; y: number }) => {
    const ctx = context();
    const from = last.current;
    if (!ctx || !from) return;
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = STROKE;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    last.current = to;
  };
  const endStroke = () => {
    const ctx = context();
    if (!ctx || !last.current) return;
    last.current = null;
    const rgba = ctx.getImageData(0, 0, PAD, PAD).data;
    // White ink on a transparent pad: the alpha channel is the amount of ink.
    const ink = Float32Array.from({ length: PAD * PAD }, (_, i) => rgba[i * 4 + 3] / 255);
    lab.setGalleryField('drawn', toMnistDigit(ink, PAD, PAD));
  };
  const clear = () => {
    context()?.clearRect(0, 0, PAD, PAD);
    lab.setGalleryField('drawn', null);
  };

  return (
    <div className="gallery-draw">
      <canvas
        ref={ref}
        width={PAD}
        height={PAD}
        className="gallery-pad"
        data-testid="gallery-draw-pad"
        aria-label="Drawing pad: draw one digit with the mouse, a finger or a pen"
        onPointerDown={(e) => {
          e.preventDefault();
          e.currentTarget.setPointerCapture(e.pointerId);
          last.current = at(e);
          // A tap leaves a dot.
          strokeTo({ x: last.current.x + 0.01, y: last.current.y });
        }}
        onPointerMove={(e) => strokeTo(at(e))}
        onPointerUp={endStroke}
        onPointerCancel={endStroke}
      />
      <div className="gallery-draw-side">
        <span className="gallery-caption">What the model sees (28×28)</span>
        {preview ? (
          <PixelCanvas colours={preview} scale={3} label="Your digit at 28×28, scaled and centred like MNIST" />
        ) : (
          <div className="gallery-preview-empty" aria-hidden="true" />
        )}
        <button type="button" onClick={clear}>
          Clear
        </button>
        {error ? (
          <small className="error" role="alert">
            {error}
          </small>
        ) : (
          <small className="muted">Scaled into a 20×20 box and centred by its centre of mass, as MNIST was made.</small>
        )}
      </div>
    </div>
  );
}
