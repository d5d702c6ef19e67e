/**
 * TSDoc comments from text taken from definition files. Titles and descriptions are
 * free text (often Chinese, sometimes several lines): each line is trimmed at its end.
 * {@link docComment} escapes `*\/` in every line it writes, whatever built the line (a
 * data type name from a server goes into notes too), so no text closes a comment early.
 */

/** Lines of one paragraph, cleaned; empty when the text is blank. */
export function docLines(text: string | undefined): string[] {
  if (text === undefined) return [];
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/).map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines.at(-1)! === '') lines.pop();
  return lines;
}

/**
 * A doc comment of paragraphs (each a list of lines), or `''` when there is nothing to
 * say. One line fits in `/** … *\/`; more get the block form with blank ` *` separators.
 * The result ends with a newline when not empty.
 */
export function docComment(indent: string, paragraphs: readonly string[][]): string {
  const kept = paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.map((line) => line.replace(/\*\//g, '*\\/')));
  if (kept.length === 0) return '';
  if (kept.length === 1 && kept[0]!.length === 1) return `${indent}/** ${kept[0]![0]} */\n`;
  const body = kept
    .map((lines) => lines.map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`)))
    .map((lines) => lines.join('\n'))
    .join(`\n${indent} *\n`);
  return `${indent}/**\n${body}\n${indent} */\n`;
}
