import { useEffect, useState } from 'react';
import type { LayerNode } from '../../shared/graph/types';
import { useDocumentStore } from '../store/documentStore';

/** Names become compiled layer names, so they must stay unique and non-empty. */
export function RenameField({ node }: { node: LayerNode }) {
  const apply = useDocumentStore((s) => s.apply);
  const graph = useDocumentStore((s) => s.graph);
  const [text, setText] = useState(node.name);
  useEffect(() => setText(node.name), [node.name]);
  const clash = text !== node.name && graph.nodes.some((n) => n.name === text);
  const error =
    text.trim() === '' ? 'A name is required.' : clash ? `Another layer is already called '${text}'.` : null;
  const commit = () => {
    if (!error && text !== node.name) apply([{ type: 'rename', id: node.id, name: text }]);
  };
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor="layer-name">Name</label>
      <input
        id="layer-name"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
