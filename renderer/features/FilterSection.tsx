import { useEffect, useMemo, useState } from 'react';
import type { ApiResponse } from '../../shared/api';
import { errorText } from '../../shared/api';
import { getApi } from '../api/transport';
import { useText } from '../i18n/useText';
import { ImageCanvas } from './ImageCanvas';
import { decodeFloats, filterTiles } from './pixels';

/** The first convolution's filters as image tiles. */
export function FilterSection({ runId }: { runId: string }) {
  const { t, language } = useText();
  const [kernel, setKernel] = useState<ApiResponse<'featureFilters'> | null>(null);
  /** What failed, shown in the window's language as it is now. */
  const [failure, setFailure] = useState<{ err: unknown } | null>(null);
  const problem = failure && errorText(failure.err, language);
  useEffect(() => {
    setKernel(null);
    setFailure(null);
    getApi()
      .invoke('featureFilters', { runId })
      .then(setKernel, (err) => setFailure({ err }));
  }, [runId]);
  const tiles = useMemo(
    () => (kernel ? filterTiles({ ...kernel, values: decodeFloats(kernel.base64) }) : []),
    [kernel],
  );
  return (
    <section className="feature-section" aria-label={t('panels.features.filters')}>
      <h3>{t('panels.features.filters')}</h3>
      {problem && <p className="field-error small">{problem}</p>}
      {!kernel && !problem && <p className="muted small">{t('panels.features.readingFilters')}</p>}
      {kernel && (
        <>
          <p className="muted small">
            {t('panels.features.filterShape', {
              layer: kernel.layer,
              count: kernel.outChannels,
              shape: `${kernel.kernelHeight}×${kernel.kernelWidth}×${kernel.inChannels}`,
            })}
            {kernel.inChannels === 3
              ? t('panels.features.asRgb')
              : `${t('panels.features.greyTiles')}${kernel.inChannels > 8 ? t('panels.features.firstEight') : ''}`}
            {t('panels.features.filterScale')}
          </p>
          <div className="filter-tiles" data-testid="filter-tiles">
            {tiles.map((tile) => (
              <ImageCanvas
                key={`${tile.filter}-${tile.input}`}
                image={tile.image}
                size={40}
                label={
                  tile.input === null
                    ? t('panels.features.filterLabel', { filter: tile.filter })
                    : t('panels.features.filterInputLabel', { filter: tile.filter, input: tile.input })
                }
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
