import { analyzeGraph } from '../../shared/analysis';
import { createProjectFile, serializeProject } from '../../shared/graph/projectFile';
import { getTemplate, templates } from '../../shared/templates';
import { defineCommand } from './command';
import { CliError, ExitCode } from './io';
import { writeOrExplain } from './output';
import { renderTable } from './table';
import { cliText } from './text';

/** Lists the templates, or writes one as a project file (so the other commands can read it). */
export const templateCommand = defineCommand({
  name: 'template',
  positionals: ['[ID]'],
  synopsis: '[ID] [--out FILE]',
  options: { out: { type: 'string', value: 'FILE', text: 'outTemplate' } },
  async run({ values, positionals: [id] }, io) {
    const { t, int } = cliText(io);
    if (id === undefined) {
      const rows = templates.map((template) => {
        const { params, macs } = analyzeGraph(template.build()).totals;
        const kind = template.category === 'network' ? t('template.network') : t('template.module');
        return [template.id, kind, int(params), int(macs), template.label];
      });
      const header = (['id', 'kind', 'params', 'macs', 'name'] as const).map((k) => t(`template.${k}`));
      io.out(renderTable(header, rows, [false, false, true, true, false]));
      return ExitCode.ok;
    }
    const template = getTemplate(id);
    if (!template) {
      throw new CliError(`No template "${id}". Known: ${templates.map((t) => t.id).join(', ')}.`);
    }
    const text = serializeProject(createProjectFile(id, template.build()));
    if (!values.out) {
      io.out(text);
      return ExitCode.ok;
    }
    await writeOrExplain(values.out, text);
    io.err(t('wrote', { file: values.out }));
    return ExitCode.ok;
  },
});
