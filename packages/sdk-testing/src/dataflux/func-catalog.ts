import type { DataFluxFunc, DataFluxFuncDefinition } from './options.js';

/** One function as the server's `biz_main_func` table holds it, with its handler. */
export interface CatalogFunc {
  handler: DataFluxFunc;
  /** The row `GET /api/v1/func/:funcId` answers (`funcModel.getWithCheck`). */
  row: Record<string, unknown>;
  /** The entry `GET /api/v1/func-list` answers (`asFuncDoc`). */
  doc: Record<string, unknown>;
}

/**
 * The functions of an emulator, by id (`scriptSet__script.func`), described as the server
 * describes them: what a definition leaves out is the database's default (`null`,
 * `category` `general`, `defOrder` 0, `definition` `name()`).
 */
export class FuncCatalog {
  readonly #funcs = new Map<string, CatalogFunc>();

  constructor(
    funcs: Readonly<Record<string, DataFluxFunc | DataFluxFuncDefinition>>,
    createdAt: number,
  ) {
    const time = new Date(createdAt).toISOString();
    let seq = 0;
    for (const [id, entry] of Object.entries(funcs)) {
      const definition: DataFluxFuncDefinition =
        typeof entry === 'function' ? { handler: entry } : entry;
      if (typeof definition?.handler !== 'function') {
        throw new TypeError(`createDataFluxEmulator: funcs["${id}"] needs a handler function`);
      }
      this.#funcs.set(id, describe(id, definition, ++seq, time));
    }
  }

  get(id: string): CatalogFunc | undefined {
    return this.#funcs.get(id);
  }

  /**
   * `func-list`: the functions not hidden (`extraConfig.isHidden`), filtered as the
   * server's SQL does. `id`, `category`, `integration`, `scriptId`, `scriptSetId` are
   * comma lists matched exactly; `name` and `title` are `LIKE %x%` (`name` compared
   * case-sensitively, `title` not: the columns' collations); `tags` must all be present;
   * `_fuzzySearch` is `LIKE` on id, title or description.
   */
  list(query: Record<string, unknown>): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const { row, doc } of this.#funcs.values()) {
      const extra = row.extraConfigJSON as Record<string, unknown> | null;
      if (extra !== null && extra.isHidden !== undefined && extra.isHidden !== null) continue;
      if (matches(row, query)) out.push(doc);
    }
    return out;
  }
}

function matches(row: Record<string, unknown>, query: Record<string, unknown>): boolean {
  const text = (key: string) => given(query[key]);
  for (const [key, column] of [
    ['id', 'id'],
    ['category', 'category'],
    ['integration', 'integration'],
    ['scriptId', 'scriptId'],
    ['scriptSetId', 'scriptSetId'],
  ] as const) {
    const list = commaList(text(key));
    if (list !== undefined && !list.includes(row[column] as string)) return false;
  }
  const name = text('name');
  if (name !== undefined && !like(row.name, name, false)) return false;
  const title = text('title');
  if (title !== undefined && !like(row.title, title, true)) return false;
  const tags = commaList(text('tags'));
  if (tags !== undefined) {
    const held = Array.isArray(row.tagsJSON) ? (row.tagsJSON as unknown[]) : [];
    if (!tags.every((tag) => held.includes(tag))) return false;
  }
  const fuzzy = text('_fuzzySearch');
  if (
    fuzzy !== undefined &&
    !(
      like(row.id, fuzzy, false) ||
      like(row.title, fuzzy, true) ||
      like(row.description, fuzzy, true)
    )
  ) {
    return false;
  }
  return true;
}

/** A filter value, or undefined when the server ignores it (absent or empty: `isNothing`). */
export function given(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value;
}

/** `toolkit.convertObject(…, 'commaArray')`. */
export function commaList(value: string | undefined): string[] | undefined {
  return value?.replace(/\s*,\s*/g, ',').split(',');
}

/** SQL `column LIKE '%value%'`: `%` and `_` in the value are wildcards too; NULL never matches. */
export function like(column: unknown, value: string, caseInsensitive: boolean): boolean {
  if (typeof column !== 'string') return false;
  const pattern = value
    .split('')
    .map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(pattern, caseInsensitive ? 'is' : 's').test(column);
}

function describe(id: string, d: DataFluxFuncDefinition, seq: number, time: string): CatalogFunc {
  const dot = id.lastIndexOf('.');
  const scriptId = dot === -1 ? id : id.slice(0, dot);
  const name = dot === -1 ? id : id.slice(dot + 1);
  const sep = scriptId.indexOf('__');
  const scriptSetId = sep === -1 ? scriptId : scriptId.slice(0, sep);
  const row: Record<string, unknown> = {
    seq,
    id,
    scriptSetId,
    scriptId,
    name,
    title: d.title ?? null,
    description: d.description ?? null,
    definition: d.definition ?? `${name}()`,
    argsJSON: d.args ?? null,
    kwargsJSON: d.kwargs ?? null,
    extraConfigJSON: d.extraConfig ?? null,
    category: d.category ?? 'general',
    integration: d.integration ?? null,
    tagsJSON: d.tags ?? null,
    defOrder: 0,
    createTime: time,
    updateTime: time,
  };
  const doc: Record<string, unknown> = {
    url: `/api/v1/func/${id}`,
    id,
    name,
    title: row.title,
    description: row.description,
    definition: row.definition,
    argsJSON: row.argsJSON,
    kwargsJSON: row.kwargsJSON,
    extraConfigJSON: row.extraConfigJSON,
    category: row.category,
    integration: row.integration,
    tagsJSON: row.tagsJSON,
    scriptId,
    scriptTitle: d.scriptTitle ?? null,
    scriptDescription: d.scriptDescription ?? null,
    scriptSetId,
    scriptSetTitle: d.scriptSetTitle ?? null,
    scriptSetDescription: d.scriptSetDescription ?? null,
  };
  return { handler: d.handler, row, doc };
}
