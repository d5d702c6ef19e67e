import type { TsType } from './ts-type.js';

/**
 * The result shape (sdk-core's `ResultShape`: `string`, `number`, `0|1`, `object`, each
 * with `[]` per array level) a generated type stands for; undefined for `unknown`, which
 * has nothing to check.
 */
export function resultShape(type: TsType): string | undefined {
  switch (type.kind) {
    case 'name':
      return type.text === 'string' || type.text === 'number' || type.text === 'boolean'
        ? type.text
        : undefined;
    case 'union':
      return type.members.join('|') === '0|1' ? '0|1' : undefined;
    case 'record':
      return 'object';
    case 'array': {
      const element = resultShape(type.element);
      return `${element ?? 'unknown'}[]`;
    }
  }
}
