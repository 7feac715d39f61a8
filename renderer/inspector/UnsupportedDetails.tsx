import { placeholderReason } from '../../shared/analysis';
import type { LayerNode } from '../../shared/graph/types';
import { catalogues } from '../../shared/i18n';
import { useText } from '../i18n/useText';

/**
 * What the importer kept of a layer Netwright cannot represent: its Keras class, why it was
 * not converted, and its settings as read, so the designer can rebuild it from the palette.
 */
export function UnsupportedDetails({ node }: { node: LayerNode }) {
  const { language } = useText();
  const { kerasClass, config } = node.params as { kerasClass?: unknown; config?: unknown };
  if (typeof kerasClass !== 'string') return null;
  const words = catalogues[language].importReasons.details;
  const reason = placeholderReason(node.params, language);
  return (
    <section aria-label={words.label} className="unsupported-details">
      <dl>
        <dt>{words.kerasClass}</dt>
        <dd data-testid="inspector-keras-class">{kerasClass}</dd>
        {reason !== undefined && (
          <>
            <dt>{words.notImported}</dt>
            <dd>{reason}</dd>
          </>
        )}
      </dl>
      {config !== undefined && (
        <>
          <h3>{words.settings}</h3>
          <pre className="unsupported-config">{JSON.stringify(config, null, 2)}</pre>
        </>
      )}
    </section>
  );
}
