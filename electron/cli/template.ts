import { createProjectFile, serializeProject } from '../../shared/graph/projectFile';
import { getTemplate, templates } from '../../shared/templates';
import { writeFileAtomic } from '../services/files';
import { parseCommandArgs } from './args';
import { CliError, type CliIo, ExitCode } from './io';

export const templateUsage = 'Usage: npx netwright template [ID] [--out FILE]';

/** Lists the templates, or writes one as a project file (so the other commands can read it). */
export async function templateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { out: { type: 'string' }, help: { type: 'boolean' } },
    templateUsage,
  );
  if (values.help) {
    io.out(
      `${templateUsage}\n\nWithout ID, lists the templates. With ID, prints the project file, or writes it to --out.`,
    );
    return ExitCode.ok;
  }
  if (positionals.length === 0) {
    for (const t of templates) io.out(`${t.id.padEnd(28)} ${t.category.padEnd(8)} ${t.label}`);
    return ExitCode.ok;
  }
  if (positionals.length > 1) throw new CliError(`Expected one template ID.\n${templateUsage}`);
  const id = positionals[0]!;
  const template = getTemplate(id);
  if (!template) {
    throw new CliError(`No template "${id}". Known: ${templates.map((t) => t.id).join(', ')}.`);
  }
  const text = serializeProject(createProjectFile(id, template.build()));
  if (!values.out) {
    io.out(text);
    return ExitCode.ok;
  }
  try {
    await writeFileAtomic(values.out, text);
  } catch (err) {
    throw new CliError(`Cannot write ${values.out}: ${(err as { code?: string }).code ?? String(err)}.`);
  }
  io.err(`Wrote ${values.out}`);
  return ExitCode.ok;
}
