import { analyzeGraph, formatSI, type Totals } from '../analysis';
import { catalogues, type Language, translator } from '../i18n';
import type { Template } from './index';

const totalsById = new Map<string, Totals>();

/** The template's counts, from its own analysis: analysed once, on first use (VGG takes a few ms). */
function totalsOf(template: Template): Totals {
  let totals = totalsById.get(template.id);
  if (!totals) {
    totals = analyzeGraph(template.build()).totals;
    totalsById.set(template.id, totals);
  }
  return totals;
}

/** A template's name, and its description with the counts its own analysis gives, in one language. */
export function templateText(template: Template, language: Language): { label: string; description: string } {
  const text = translator('templates', language);
  const label = text.t(`${template.id}.label`);
  if (!catalogues[language].templates[template.id].description.includes('{{'))
    return { label, description: text.t(`${template.id}.description`) };
  const totals = totalsOf(template);
  const description = text.t(`${template.id}.description`, {
    params: text.int(totals.params),
    trainable: text.int(totals.trainableParams),
    nonTrainable: text.int(totals.nonTrainableParams),
    macs: text.decimal(formatSI(totals.macs)),
  });
  return { label, description };
}
