import { canBreak, printBroken, printFlat, printHead, type TsType } from './ts-type.js';

/**
 * Line layouts of the generated module. Each one reproduces what `biome format` (with the
 * repository's settings: 2 spaces, single quotes, 100 columns) prints for that construct,
 * so a generated file is already formatted and regenerating it never produces a diff.
 */
export const LINE_WIDTH = 100;

/** Columns a string takes, counting East Asian wide characters twice (as formatters do). */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

const fits = (line: string): boolean => textWidth(line) <= LINE_WIDTH;

/** `  key: Type;` inside an interface. */
export function propertyLine(indent: string, key: string, type: TsType): string {
  const line = `${indent}${key}: ${printFlat(type)};`;
  if (fits(line) || !canBreak(type)) return line;
  if (type.kind === 'union') return `${indent}${key}:${printBroken(type, indent)};`;
  return `${indent}${key}: ${printBroken(type, indent)};`;
}

/** `export type Name = Type;` */
export function typeAliasLine(name: string, type: TsType): string {
  const start = `export type ${name} =`;
  const line = `${start} ${printFlat(type)};`;
  if (fits(line)) return line;
  if (type.kind === 'union') return `${start}${printBroken(type, '')};`;
  if (canBreak(type) && fits(`${start} ${printHead(type)}`)) {
    return `${start} ${printBroken(type, '')};`;
  }
  return `${start}\n  ${printFlat(type)};`;
}

/** `  name(args: Args): Promise<Result>;` inside an interface. */
export function methodLine(indent: string, name: string, param: string, result: string): string {
  const line = `${indent}${name}(${param}): Promise<${result}>;`;
  if (fits(line)) return line;
  return `${indent}${name}(\n${indent}  ${param},\n${indent}): Promise<${result}>;`;
}

/** `export const name = ['a', 'b'] as const;` */
export function constTupleLine(name: string, items: readonly string[]): string {
  const line = `export const ${name} = [${items.join(', ')}] as const;`;
  if (fits(line)) return line;
  return `export const ${name} = [\n${items.map((item) => `  ${item},\n`).join('')}] as const;`;
}

/**
 * `export const name = { key: value, … } as const;` with one entry per line (the
 * formatter keeps an object expanded when its first entry starts a line); an entry too
 * long for the line breaks after the colon, as the formatter breaks it.
 */
export function constObjectLines(name: string, entries: readonly [string, string][]): string {
  if (entries.length === 0) return `export const ${name} = {} as const;`;
  const lines = entries.map(([key, value]) => {
    const line = `  ${key}: ${value},`;
    return fits(line) ? line : `  ${key}:\n    ${value},`;
  });
  return `export const ${name} = {\n${lines.join('\n')}\n} as const;`;
}
