import { useDocumentStore } from '../store/documentStore';

/** A Concatenate's channel order is its input order: shown and editable here. */
export function InputOrder({ nodeId }: { nodeId: string }) {
  const graph = useDocumentStore((s) => s.graph);
  const apply = useDocumentStore((s) => s.apply);
  const inputs = graph.edges.filter((e) => e.target === nodeId).sort((a, b) => a.targetIndex - b.targetIndex);
  const name = (id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;
  const move = (from: number, to: number) => {
    const order = inputs.map((e) => e.id);
    const [edge] = order.splice(from, 1);
    order.splice(to, 0, edge!);
    apply([{ type: 'reorderInputs', target: nodeId, edgeIds: order }]);
  };
  return (
    <section aria-label="Input order" className="input-order">
      <h3>Inputs, in order</h3>
      {inputs.length === 0 && (
        <p className="muted small">Connect layers to this one; their order sets the channel order.</p>
      )}
      <ol>
        {inputs.map((e, i) => (
          <li key={e.id}>
            <span>{name(e.source)}</span>
            <button
              type="button"
              disabled={i === 0}
              onClick={() => move(i, i - 1)}
              aria-label={`Move ${name(e.source)} up`}
            >
              ↑
            </button>
            <button
              type="button"
              disabled={i === inputs.length - 1}
              onClick={() => move(i, i + 1)}
              aria-label={`Move ${name(e.source)} down`}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
