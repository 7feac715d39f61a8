import { useState } from 'react';
import type { LayerNode, Shape } from '../../shared/graph/types';
import { catalogues } from '../../shared/i18n';
import { useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';

const shapeText = (shape: readonly number[]) => shape.join('×');

/** "8×8×4", "8, 8, 4" or "8x8x4" → [8, 8, 4]; null when it is not 1 to 4 positive whole numbers. */
function parseShape(text: string): number[] | null {
  const parts = text.trim().split(/\s*[×x,]\s*|\s+/);
  const dims = parts.map(Number);
  return dims.length >= 1 && dims.length <= 4 && dims.every((d) => Number.isInteger(d) && d > 0) ? dims : null;
}

/**
 * The output shape an unsupported layer is analysed with, so the rest of the network is
 * counted: prefilled with its input's shape, which is right for element-wise layers.
 */
export function PlaceholderShape({ node, inputShape }: { node: LayerNode; inputShape: Shape | undefined }) {
  const apply = useDocumentStore((s) => s.apply);
  const words = catalogues[useText().language].importReasons.details.shape;
  const stated = node.params.outputShape;
  const initial = Array.isArray(stated) ? shapeText(stated as number[]) : inputShape ? shapeText(inputShape) : '';
  const [text, setText] = useState(initial);
  const parsed = parseShape(text);
  const set = (outputShape: unknown) =>
    apply([{ type: 'setParams', id: node.id, params: { ...node.params, outputShape } }]);
  return (
    <section aria-label={words.label} className="placeholder-shape-section">
      <p className="muted small">
        {stated === 'input' ? words.keepsInput : Array.isArray(stated) ? words.given : words.unknown}
      </p>
      <div className="placeholder-shape">
        <label>
          {words.output}{' '}
          <input
            value={text}
            aria-invalid={parsed ? undefined : true}
            onChange={(e) => setText(e.target.value)}
            placeholder={words.hint}
            size={10}
          />
        </label>
        <button type="button" disabled={!parsed} onClick={() => set(parsed)}>
          {words.set}
        </button>
      </div>
      {!parsed && text !== '' && <div className="field-error">{words.invalid}</div>}
    </section>
  );
}
