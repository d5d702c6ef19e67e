/**
 * The few TypeScript type shapes the generator writes, kept as nodes rather than text so
 * the printer can lay a too-long line out exactly as biome (and prettier) would.
 */
export type TsType =
  /** A keyword or a name: `string`, `number`, `unknown`. Never breaks. */
  | { kind: 'name'; text: string }
  /** A union of literals: `0 | 1`. */
  | { kind: 'union'; members: string[] }
  /** `Record<string, value>`. */
  | { kind: 'record'; value: string }
  | { kind: 'array'; element: TsType };

export const tsName = (text: string): TsType => ({ kind: 'name', text });
export const tsArray = (element: TsType): TsType => ({ kind: 'array', element });

/** The type on one line. */
export function printFlat(type: TsType): string {
  switch (type.kind) {
    case 'name':
      return type.text;
    case 'union':
      return type.members.join(' | ');
    case 'record':
      return `Record<string, ${type.value}>`;
    case 'array':
      return type.element.kind === 'union'
        ? `(${printFlat(type.element)})[]`
        : `${printFlat(type.element)}[]`;
  }
}

/** Whether the formatter can break the type over several lines. */
export function canBreak(type: TsType): boolean {
  if (type.kind === 'array') return canBreak(type.element);
  return type.kind !== 'name';
}

/** The text up to the first place the type can break (all of it when it cannot). */
export function printHead(type: TsType): string {
  switch (type.kind) {
    case 'name':
    case 'union':
      return printFlat(type);
    case 'record':
      return 'Record<';
    case 'array':
      if (type.element.kind === 'union') return '(';
      return canBreak(type.element) ? printHead(type.element) : printFlat(type);
  }
}

/**
 * The type with its outermost group broken, as the formatter prints it when the line is
 * too long. `indent` is the indentation of the line the type starts on. A union starts
 * with a line break (`prop:` then `| 0` and `| 1` on their own lines).
 */
export function printBroken(type: TsType, indent: string): string {
  const inner = `${indent}  `;
  switch (type.kind) {
    case 'name':
      return type.text;
    case 'union':
      return type.members.map((member) => `\n${inner}| ${member}`).join('');
    case 'record':
      return `Record<\n${inner}string,\n${inner}${type.value}\n${indent}>`;
    case 'array':
      if (type.element.kind === 'union') {
        return `(${printBroken(type.element, indent)}\n${indent})[]`;
      }
      return `${printBroken(type.element, indent)}[]`;
  }
}
