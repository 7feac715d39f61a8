import type { LayerNode } from '../../shared/graph/types';

/**
 * What the importer kept of a layer Netwright cannot represent: its Keras class, why it was
 * not converted, and its settings as read, so the designer can rebuild it from the palette.
 */
export function UnsupportedDetails({ node }: { node: LayerNode }) {
  const { kerasClass, reason, config } = node.params as { kerasClass?: unknown; reason?: unknown; config?: unknown };
  if (typeof kerasClass !== 'string') return null;
  return (
    <section aria-label="Imported layer" className="unsupported-details">
      <dl>
        <dt>Keras class</dt>
        <dd data-testid="inspector-keras-class">{kerasClass}</dd>
        {typeof reason === 'string' && (
          <>
            <dt>Not imported</dt>
            <dd>{reason}</dd>
          </>
        )}
      </dl>
      {config !== undefined && (
        <>
          <h3>Settings in the file</h3>
          <pre className="unsupported-config">{JSON.stringify(config, null, 2)}</pre>
        </>
      )}
    </section>
  );
}
