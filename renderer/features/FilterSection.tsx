import { useEffect, useMemo, useState } from 'react';
import type { ApiResponse } from '../../shared/api';
import { errorMessage } from '../../shared/issues';
import { getApi } from '../api/transport';
import { ImageCanvas } from './ImageCanvas';
import { decodeFloats, filterTiles } from './pixels';

/** The first convolution's filters as image tiles. */
export function FilterSection({ runId }: { runId: string }) {
  const [kernel, setKernel] = useState<ApiResponse<'featureFilters'> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setKernel(null);
    setProblem(null);
    getApi()
      .invoke('featureFilters', { runId })
      .then(setKernel, (err) => setProblem(errorMessage(err)));
  }, [runId]);
  const tiles = useMemo(
    () => (kernel ? filterTiles({ ...kernel, values: decodeFloats(kernel.base64) }) : []),
    [kernel],
  );
  return (
    <section className="feature-section" aria-label="First convolution filters">
      <h3>First convolution filters</h3>
      {problem && <p className="field-error small">{problem}</p>}
      {!kernel && !problem && <p className="muted small">Reading the filters…</p>}
      {kernel && (
        <>
          <p className="muted small">
            {kernel.layer}: {kernel.outChannels} filters of {kernel.kernelHeight}×{kernel.kernelWidth}×
            {kernel.inChannels}
            {kernel.inChannels === 3
              ? ', shown as RGB'
              : `, one grey tile per input channel${kernel.inChannels > 8 ? ' (the first 8)' : ''}`}
            . Each filter is scaled on its own: mid-grey is 0, its largest weight is full colour.
          </p>
          <div className="filter-tiles" data-testid="filter-tiles">
            {tiles.map((t) => (
              <ImageCanvas
                key={`${t.filter}-${t.input}`}
                image={t.image}
                size={40}
                label={`filter ${t.filter}${t.input === null ? '' : `, input channel ${t.input}`}`}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
