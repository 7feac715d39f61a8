import { useState } from 'react';
import { useText } from '../i18n/useText';
import { FieldPanel } from '../insight/FieldPanel';
import { Inspector } from '../inspector/Inspector';
import { LessonPanel } from '../lesson/LessonPanel';
import { TrainingPanel } from '../training/TrainingPanel';
import { SavingsPanel } from './SavingsPanel';

const tabs = ['inspector', 'savings', 'field', 'train', 'lesson'] as const;

/** The right-hand column: the selected layer's settings, or what factorizing it would save. */
export function SidePanel() {
  const { t } = useText();
  const [tab, setTab] = useState<(typeof tabs)[number]>('inspector');
  return (
    <div className="side-panel">
      <div className="tabs" role="tablist" aria-label={t('sidePanel.label')}>
        {tabs.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
            {t(`sidePanel.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'inspector' ? (
        <Inspector />
      ) : tab === 'savings' ? (
        <SavingsPanel />
      ) : tab === 'field' ? (
        <FieldPanel />
      ) : tab === 'train' ? (
        <TrainingPanel />
      ) : (
        <LessonPanel />
      )}
    </div>
  );
}
