import { type DragEvent, useMemo, useRef, useState } from 'react';
import type { ApiResponse, FeatureImage, FeatureLayer } from '../../shared/api';
import { errorText } from '../../shared/api';
import { getApi } from '../api/transport';
import { useText } from '../i18n/useText';
import { ImageCanvas } from './ImageCanvas';
import { decodeFloats, encodeBase64, mapTiles, pixelsToRgba } from './pixels';

type Maps = ApiResponse<'featureActivations'>;

const shapeText = (shape: number[]) => shape.join('×');
/** Inception-v3's widest layers have 2048 channels: more canvases than anyone reads, and slow to draw. */
const maxMaps = 512;

/**
 * A layer's activation maps for one input: a sample of the run's dataset (by index) or an image
 * the user picks or drops. Clicking a map picks its channel for maximisation.
 */
export function ActivationSection({
  runId,
  layers,
  datasetCount,
  datasetMessage,
  onPickChannel,
}: {
  runId: string;
  layers: FeatureLayer[];
  datasetCount: number | null;
  datasetMessage: string | null;
  onPickChannel(layer: string, channel: number): void;
}) {
  const { t, int, decimal, language } = useText();
  const spatial = layers.filter((l) => l.spatial);
  const [layer, setLayer] = useState(spatial[0]?.name ?? '');
  const [source, setSource] = useState<'dataset' | 'file'>(datasetCount ? 'dataset' : 'file');
  const [index, setIndex] = useState('0');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [maps, setMaps] = useState<Maps | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  const tiles = useMemo(
    () => (maps ? mapTiles(decodeFloats(maps.base64), maps.height, maps.width, maps.channels).slice(0, maxMaps) : []),
    [maps],
  );
  const inputImage = useMemo(() => (maps ? pixelsToRgba(maps.input) : null), [maps]);

  const show = async (image: FeatureImage) => {
    setBusy(true);
    setProblem(null);
    try {
      setMaps(await getApi().invoke('featureActivations', { runId, layer, image }));
    } catch (err) {
      setMaps(null);
      setProblem(errorText(err, language));
    } finally {
      setBusy(false);
    }
  };
  const request = (): FeatureImage | null => {
    if (source === 'file') return file ? { kind: 'file', ...file } : null;
    const n = Number(index);
    if (!Number.isInteger(n) || n < 0) {
      setProblem(
        datasetCount ? t('panels.features.badIndexUpTo', { last: datasetCount - 1 }) : t('panels.features.badIndex'),
      );
      return null;
    }
    return { kind: 'dataset', index: n };
  };
  const takeFile = async (f: File | undefined) => {
    if (!f) return;
    const chosen = { name: f.name, base64: encodeBase64(new Uint8Array(await f.arrayBuffer())) };
    setFile(chosen);
    setSource('file');
    await show({ kind: 'file', ...chosen });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void takeFile(e.dataTransfer.files[0]);
  };

  return (
    <section
      className="feature-section"
      aria-label={t('panels.features.maps')}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <h3>{t('panels.features.maps')}</h3>
      <div className="feature-controls">
        <label>
          {t('panels.features.layer')}{' '}
          <select value={layer} onChange={(e) => setLayer(e.target.value)} aria-label={t('panels.features.mapsLayer')}>
            {layers.map((l) => (
              <option key={l.name} value={l.name}>
                {l.name} · {l.kind} · {shapeText(l.outputShape)}
                {l.spatial ? '' : t('panels.features.noMaps')}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="radio"
            name="feature-input"
            checked={source === 'dataset'}
            disabled={!datasetCount}
            onChange={() => setSource('dataset')}
          />{' '}
          {t('panels.features.sample')}{' '}
          <input
            type="number"
            className="feature-number"
            aria-label={t('panels.features.sampleIndex')}
            min={0}
            max={datasetCount ? datasetCount - 1 : undefined}
            value={index}
            disabled={!datasetCount}
            onChange={(e) => {
              setIndex(e.target.value);
              setSource('dataset');
            }}
          />
          {datasetCount !== null && (
            <span className="muted small">{t('panels.features.of', { total: int(datasetCount) })}</span>
          )}
        </label>
        <label>
          <input type="radio" name="feature-input" checked={source === 'file'} onChange={() => setSource('file')} />{' '}
          {t('panels.features.imageFile')}
        </label>
        <button type="button" onClick={() => picker.current?.click()}>
          {file ? file.name : t('panels.features.chooseImage')}
        </button>
        <input
          ref={picker}
          type="file"
          accept="image/png,image/jpeg"
          hidden
          data-testid="feature-image-file"
          onChange={(e) => {
            void takeFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          className="primary"
          disabled={busy || !layer}
          onClick={() => {
            const image = request();
            if (image) void show(image);
          }}
        >
          {t('panels.features.showMaps')}
        </button>
      </div>
      {datasetMessage && <p className="muted small">{datasetMessage}</p>}
      <p className="muted small">{t('panels.features.dropHint')}</p>
      {problem && (
        <p className="field-error small" role="alert">
          {problem}
        </p>
      )}
      {busy && <p className="muted small">{t('panels.features.computing')}</p>}
      {maps && inputImage && (
        <div className="feature-maps" data-testid="activation-maps" data-layer={maps.layer}>
          <figure className="feature-input">
            <ImageCanvas image={inputImage} size={112} label={t('panels.features.inputImage')} />
            <figcaption className="small">
              {maps.label ? t('panels.features.inputLabel', { label: maps.label }) : t('panels.features.input')}
              <br />
              <span className="muted">
                {t('panels.features.mapCount', {
                  layer: maps.layer,
                  count: maps.channels,
                  shape: `${maps.height}×${maps.width}`,
                })}
                {maps.channels > maxMaps && t('panels.features.firstShown', { count: maxMaps })}
              </span>
            </figcaption>
          </figure>
          <div className="map-grid">
            {tiles.map((tile) => (
              <button
                key={tile.channel}
                type="button"
                className="map-tile"
                title={t('panels.features.channelTitle', {
                  channel: tile.channel,
                  min: decimal(tile.min.toPrecision(3)),
                  max: decimal(tile.max.toPrecision(3)),
                })}
                onClick={() => onPickChannel(maps.layer, tile.channel)}
              >
                <ImageCanvas
                  image={tile.image}
                  size={64}
                  label={t('panels.features.channel', { channel: tile.channel })}
                />
                <span className="small muted">{tile.channel}</span>
              </button>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
