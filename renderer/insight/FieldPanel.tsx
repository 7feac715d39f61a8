import { useMemo, useState } from 'react';
import { type FieldBackground, fieldGeometry, receptiveFieldSvg } from '../../shared/insight';
import { errorMessage } from '../../shared/issues';
import { getFiles } from '../api/transport';
import { svgToPng } from '../export/svgToPng';
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
    const read = await readDroppedImage(file);
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
      notify(`Could not export: ${errorMessage(err)}`, 'error');
    }
  };

  return (
    <section
      className="field-panel"
      aria-label="Receptive field"
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
      <h2>Receptive field</h2>
      {!result && <p className="muted">Select a layer to see the part of the input one of its outputs sees.</p>}
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
            <dt>size</dt>
            <dd>{dims(geometry.size)} input pixels</dd>
            <dt>jump</dt>
            <dd>{dims(geometry.jump)} pixels between neighbouring outputs</dd>
            <dt>position</dt>
            <dd>
              output {geometry.position[0]}, {geometry.position[1]} of {dims(geometry.output)} (click the picture to
              move it)
            </dd>
            <dt>centre</dt>
            <dd>
              pixel {geometry.centre[0]}, {geometry.centre[1]}
            </dd>
            <dt>border</dt>
            <dd data-testid="field-padding">
              {geometry.padding.length === 0
                ? 'all on the image'
                : `${geometry.inside ? dims([geometry.inside.height, geometry.inside.width]) : 'none'} on the image; the hatched rest is padding (zeros)`}
            </dd>
          </dl>
          <div className="button-row wrap">
            <label>
              Over{' '}
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
                <option value="sample">the sample picture</option>
                <option value="grid">the input grid</option>
                {picture && <option value="image">{picture.name}</option>}
              </select>
            </label>
            <label>
              <input type="checkbox" checked={closeUp} onChange={(e) => setCloseUp(e.target.checked)} /> Close up
            </label>
            <button type="button" onClick={() => void save('svg')}>
              Export SVG
            </button>
            <button type="button" onClick={() => void save('png')}>
              Export PNG
            </button>
          </div>
          <label className={`field-drop${over ? ' over' : ''}`}>
            Drop a picture here, or choose one:
            <input
              type="file"
              accept="image/*"
              data-testid="field-file"
              onChange={(e) => {
                void take(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <span className="muted">
              {' '}
              It is stretched to the network's {dims(geometry.image)} input, as the network sees it.
            </span>
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
