import { useState } from 'react';
import { FieldPanel } from '../insight/FieldPanel';
import { Inspector } from '../inspector/Inspector';
import { LessonPanel } from '../lesson/LessonPanel';
import { TrainingPanel } from '../training/TrainingPanel';
import { SavingsPanel } from './SavingsPanel';

const tabs = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'savings', label: 'Savings' },
  { id: 'field', label: 'Field' },
  { id: 'train', label: 'Train' },
  { id: 'lesson', label: 'Lesson' },
] as const;

/** The right-hand column: the selected layer's settings, or what factorizing it would save. */
export function SidePanel() {
  const [tab, setTab] = useState<(typeof tabs)[number]['id']>('inspector');
  return (
    <div className="side-panel">
      <div className="tabs" role="tablist" aria-label="Side panel">
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
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
