import { useEffect, useMemo, useState } from 'react';
import {
  type FieldBackground,
  type FieldFit,
  type FieldGeometry,
  fieldViewBox,
  type PathFrame,
  receptiveFieldSvg,
} from '../../shared/insight';
import { type Text, useText } from '../i18n/useText';
import './insight.css';

const dims = ([h, w]: readonly number[]) => `${h}×${w}`;

/** "conv5x5_3x3a, 3×3 window: sees 3×3 input pixels". */
export function frameText(f: PathFrame, t: Text['t']): string {
  const jump = f.jump[0] === 1 && f.jump[1] === 1 ? '' : t('panels.field.frameJump', { jump: dims(f.jump) });
  if (f.kind === 'Input') return t('panels.field.frameInput', { name: f.name });
  // A merge or an activation widens nothing: it sees what its widest input sees.
  if (!f.kernel) return t('panels.field.frameSees', { name: f.name, size: dims(f.size), jump });
  return t('panels.field.frameWindow', { name: f.name, kernel: dims(f.kernel), size: dims(f.size), jump });
}

/** One field as a picture, at `frame` of its path; a click picks the output position under it. */
export function FieldPicture({
  geometry,
  frame,
  background,
  label,
  onPick,
  testId,
  fit = 'image',
}: {
  geometry: FieldGeometry;
  frame: number;
  background?: FieldBackground;
  label: string;
  onPick?: (position: [number, number]) => void;
  testId?: string;
  fit?: FieldFit;
}) {
  const { t } = useText();
  const k = Math.min(frame, geometry.path.length - 1);
  const svg = useMemo(
    () => receptiveFieldSvg(geometry, { frame: k, fit, ...(background ? { background } : {}) }),
    [geometry, k, background, fit],
  );
  const box = useMemo(() => fieldViewBox(geometry, fit), [geometry, fit]);
  const shown = geometry.path[k]!;
  const pick = (e: React.MouseEvent<HTMLImageElement>) => {
    if (!onPick) return;
    // The picture fills the element with the view box's aspect ratio: a linear map back to pixels.
    const r = e.currentTarget.getBoundingClientRect();
    const y = box.top + ((e.clientY - r.top) / r.height) * box.height;
    const x = box.left + ((e.clientX - r.left) / r.width) * box.width;
    const start = [0, 1].map(
      (a) => geometry.region[a === 0 ? 'top' : 'left'] - geometry.position[a]! * geometry.jump[a]!,
    );
    onPick([
      Math.round((y - start[0]! - geometry.size[0] / 2) / geometry.jump[0]),
      Math.round((x - start[1]! - geometry.size[1] / 2) / geometry.jump[1]),
    ]);
  };
  const r = shown.region;
  return (
    <figure className="field-figure" data-testid={testId}>
      <img
        className="field-picture"
        style={{ aspectRatio: `${box.width} / ${box.height}` }}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
        alt={`${label}: ${frameText(shown, t)}`}
        data-frame={k}
        data-region={`${r.top},${r.left},${r.height},${r.width}`}
        onClick={pick}
        tabIndex={onPick ? 0 : undefined}
        onKeyDown={(e) => {
          // Arrow keys move the output position one step, for those who do not point.
          const move = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
          if (!onPick || !move) return;
          e.preventDefault();
          onPick([geometry.position[0] + move[0]!, geometry.position[1] + move[1]!]);
        }}
      />
      <figcaption>
        <strong>{label}</strong>
        <span data-testid={testId ? `${testId}-text` : undefined}>{frameText(shown, t)}</span>
      </figcaption>
    </figure>
  );
}

/**
 * Play / step controls over a shared frame index: nothing moves until asked. Play advances
 * once a second and stops at the end.
 */
export function useFrames(length: number, resetKey: unknown) {
  const [frame, setFrame] = useState(length - 1);
  const [playing, setPlaying] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new field (resetKey) starts at its full size again.
  useEffect(() => {
    setFrame(length - 1);
    setPlaying(false);
  }, [length, resetKey]);
  useEffect(() => {
    if (!playing) return;
    if (frame >= length - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setFrame((f) => f + 1), 1000);
    return () => clearTimeout(timer);
  }, [playing, frame, length]);
  return {
    frame,
    playing,
    play: () => {
      if (frame >= length - 1) setFrame(0);
      setPlaying(true);
    },
    pause: () => setPlaying(false),
    step: (by: 1 | -1) => {
      setPlaying(false);
      setFrame((f) => Math.max(0, Math.min(length - 1, f + by)));
    },
  };
}

export function FrameControls({ frames, length }: { frames: ReturnType<typeof useFrames>; length: number }) {
  const { t } = useText();
  return (
    <fieldset className="field-controls" aria-label={t('panels.field.steps')}>
      <button
        type="button"
        onClick={() => frames.step(-1)}
        disabled={frames.frame === 0}
        aria-label={t('panels.field.previous')}
      >
        ◀
      </button>
      {frames.playing ? (
        <button type="button" onClick={frames.pause}>
          {t('panels.field.pause')}
        </button>
      ) : (
        <button type="button" onClick={frames.play} disabled={length < 2}>
          {t('panels.field.play')}
        </button>
      )}
      <button
        type="button"
        onClick={() => frames.step(1)}
        disabled={frames.frame >= length - 1}
        aria-label={t('panels.field.next')}
      >
        ▶
      </button>
      <span className="muted" data-testid="field-step">
        {t('panels.field.layerOf', { index: frames.frame + 1, count: length })}
      </span>
    </fieldset>
  );
}
