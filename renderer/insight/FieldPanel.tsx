import { useMemo, useState } from 'react';
import { errorText } from '../../shared/api';
import { type FieldBackground, fieldGeometry, receptiveFieldSvg } from '../../shared/insight';
import { getFiles } from '../api/transport';
import { svgToPng } from '../export/svgToPng';
import { useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { useAnalysis } from '../store/useAnalysis';
import { readDroppedImage } from './droppedImage';
import { FieldPicture, FrameControls, useFrames } from './FieldView';

const dims = ([h, w]: readonly number[]) => `${h}×${w}`;

/**
 * The Field tab: what the selected layer sees of the input, over a built-in picture, the input
 * grid or a picture the user drops; click the picture to move the output position (to a border,
 * where padding shows); step or play through the layers that grew the window.
 */
export function FieldPanel() {
  const { t, decimal, language } = useText();
  const selection = useDocumentStore((s) => s.selection);
  const graph = useDocumentStore((s) => s.graph);
  const docName = useDocumentStore((s) => s.name);
  const analysis = useAnalysis();
  const notify = useUiStore((s) => s.notify);
  const id = selection.length === 1 ? selection[0]! : null;
  // The picked position belongs to the layer it was picked on.
  const [pick, setPick] = useState<{ id: string; position: [number, number] } | null>(null);
  const position = pick && pick.id === id ? pick.position : undefined;
  const [background, setBackground] = useState<FieldBackground>({ kind: 'sample' });
  const [picture, setPicture] = useState<{ name: string; href: string } | null>(null);
  const [dropProblem, setDropProblem] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const [closeUp, setCloseUp] = useState(false);
  const fit = closeUp ? 'field' : 'image';
  const result = useMemo(
    () => (id && !id.startsWith('group:') ? fieldGeometry(graph, analysis, id, position) : null),
    [graph, analysis, id, position],
  );
  const geometry = result?.ok ? result : null;
  const frames = useFrames(geometry?.path.length ?? 1, `${id}`);

  const take = async (file: File | undefined) => {
    if (!file) return;
    const read = await readDroppedImage(file, language);
    if (!read.ok) {
      setDropProblem(read.message);
      return;
    }
    setDropProblem(null);
    setPicture({ name: file.name, href: read.href });
    setBackground({ kind: 'image', href: read.href });
  };

  const save = async (ext: 'svg' | 'png') => {
    if (!geometry) return;
    try {
      const svg = receptiveFieldSvg(geometry, { frame: frames.frame, background, fit });
      const sized = svg.replace('<svg ', '<svg width="800" height="800" ');
      const blob = ext === 'png' ? await svgToPng(sized) : new Blob([svg], { type: 'image/svg+xml' });
      const node = analysis.nodes[geometry.nodeId]?.name ?? 'layer';
      await getFiles().exportFile(`${docName}-${node}-field.${ext}`, ext, blob);
    } catch (err) {
      notify(t('panels.field.exportFailed', { reason: errorText(err, language) }), 'error');
    }
  };

  return (
    <section
      className="field-panel"
      aria-label={t('panels.field.label')}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void take(e.dataTransfer.files[0]);
      }}
    >
      <h2>{t('panels.field.heading')}</h2>
      {!result && <p className="muted">{t('panels.field.selectHint')}</p>}
      {result && !result.ok && (
        <p className="field-error" role="alert" data-testid="field-problem">
          {result.message}
        </p>
      )}
      {geometry && (
        <>
          <FieldPicture
            geometry={geometry}
            frame={frames.frame}
            background={background}
            label={analysis.nodes[geometry.nodeId]?.name ?? ''}
            onPick={(p) => id && setPick({ id, position: p })}
            fit={fit}
            testId="field-view"
          />
          <FrameControls frames={frames} length={geometry.path.length} />
          <dl className="field-facts" data-testid="field-facts">
            <dt>{t('panels.field.size')}</dt>
            <dd>{t('panels.field.sizeValue', { size: dims(geometry.size) })}</dd>
            <dt>{t('panels.field.jump')}</dt>
            <dd>{t('panels.field.jumpValue', { jump: dims(geometry.jump) })}</dd>
            <dt>{t('panels.field.position')}</dt>
            <dd>
              {t('panels.field.positionValue', {
                row: geometry.position[0],
                column: geometry.position[1],
                output: dims(geometry.output),
              })}
            </dd>
            <dt>{t('panels.field.centre')}</dt>
            <dd>
              {t('panels.field.centreValue', {
                row: decimal(String(geometry.centre[0])),
                column: decimal(String(geometry.centre[1])),
              })}
            </dd>
            <dt>{t('panels.field.border')}</dt>
            <dd data-testid="field-padding">
              {geometry.padding.length === 0
                ? t('panels.field.allOnImage')
                : t('panels.field.partOnImage', {
                    inside: geometry.inside
                      ? dims([geometry.inside.height, geometry.inside.width])
                      : t('panels.field.none'),
                  })}
            </dd>
          </dl>
          <div className="button-row wrap">
            <label>
              {t('panels.field.over')}{' '}
              <select
                value={background.kind}
                onChange={(e) => {
                  const kind = e.target.value as FieldBackground['kind'];
                  setBackground(
                    kind === 'image' && picture
                      ? { kind, href: picture.href }
                      : kind === 'grid'
                        ? { kind: 'grid' }
                        : { kind: 'sample' },
                  );
                }}
              >
                <option value="sample">{t('panels.field.sample')}</option>
                <option value="grid">{t('panels.field.grid')}</option>
                {picture && <option value="image">{picture.name}</option>}
              </select>
            </label>
            <label>
              <input type="checkbox" checked={closeUp} onChange={(e) => setCloseUp(e.target.checked)} />{' '}
              {t('panels.field.closeUp')}
            </label>
            <button type="button" onClick={() => void save('svg')}>
              {t('panels.field.exportSvg')}
            </button>
            <button type="button" onClick={() => void save('png')}>
              {t('panels.field.exportPng')}
            </button>
          </div>
          <label className={`field-drop${over ? ' over' : ''}`}>
            {t('panels.field.drop')}
            <input
              type="file"
              accept="image/*"
              data-testid="field-file"
              onChange={(e) => {
                void take(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <span className="muted"> {t('panels.field.stretched', { size: dims(geometry.image) })}</span>
          </label>
          {dropProblem && (
            <p className="field-error" role="alert" data-testid="field-drop-problem">
              {dropProblem}
            </p>
          )}
        </>
      )}
    </section>
  );
}
