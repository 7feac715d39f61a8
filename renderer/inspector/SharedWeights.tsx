import type { LayerNode } from '../../shared/graph/types';
import { useText } from '../i18n/useText';
import { useDocumentStore } from '../store/documentStore';

/**
 * A layer applied more than once (imported from Keras): the call that uses another's weights
 * names it and can be unlinked (one undoable edit; the counts then grow by its weights); the
 * owner lists the calls that use its weights.
 */
export function SharedWeights({ node }: { node: LayerNode }) {
  const { t } = useText();
  const nodes = useDocumentStore((s) => s.graph.nodes);
  const apply = useDocumentStore((s) => s.apply);
  const owner = node.sharesWeightsWith;
  if (owner !== undefined) {
    const ownerName = nodes.find((n) => n.id === owner)?.name ?? owner;
    return (
      <p className="shared-weights" data-testid="inspector-shared-weights">
        {t('sharedWeights.label')} <strong>{ownerName}</strong>
        <button
          type="button"
          title={t('sharedWeights.unlinkTitle')}
          onClick={() => apply([{ type: 'unshareWeights', ids: [node.id] }])}
        >
          {t('sharedWeights.unlink')}
        </button>
      </p>
    );
  }
  const users = nodes.filter((n) => n.sharesWeightsWith === node.id);
  if (users.length === 0) return null;
  return (
    <p className="shared-weights muted" data-testid="inspector-shared-weights">
      {t('sharedWeights.usedBy', { count: users.length, names: users.map((n) => n.name).join(', ') })}
    </p>
  );
}
