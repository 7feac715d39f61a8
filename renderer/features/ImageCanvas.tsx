import { useEffect, useRef } from 'react';
import type { Rgba } from './pixels';

/** A small image drawn pixel for pixel and shown `size` CSS pixels wide, without smoothing. */
export function ImageCanvas({ image, size, label }: { image: Rgba; size: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    context.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
  }, [image]);
  const height = Math.round((size * image.height) / image.width);
  return (
    <canvas
      ref={ref}
      className="feature-canvas"
      width={image.width}
      height={image.height}
      style={{ width: size, height }}
      role="img"
      aria-label={label}
      title={label}
    />
  );
}
