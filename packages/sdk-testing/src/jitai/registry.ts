import { SignetConfigError, SignetDecodeError } from '@signet/sdk-core';
import type {
  JitaiFunctionDefinition,
  JitaiServiceDefinition,
  JitaiServiceFunction,
} from './options.js';

/** A function the emulated app knows, by implementation, definition or both. */
export interface ResolvedFunction {
  api: string;
  element: string;
  name: string;
  elementTitle: string;
  definition: JitaiFunctionDefinition | undefined;
  implementation: JitaiServiceFunction | undefined;
}

/** The services of the emulated app: implementations and `e.json` definitions. */
export class JitaiRegistry {
  readonly #services: Readonly<Record<string, Readonly<Record<string, JitaiServiceFunction>>>>;
  readonly #definitions = new Map<string, JitaiServiceDefinition>();

  constructor(
    services: Readonly<Record<string, Readonly<Record<string, JitaiServiceFunction>>>>,
    definitions: readonly JitaiServiceDefinition[],
  ) {
    this.#services = services;
    for (const definition of definitions) {
      if (typeof definition.fullName !== 'string' || !Array.isArray(definition.functionList)) {
        throw new SignetConfigError('definitions: each needs a fullName and a functionList');
      }
      this.#definitions.set(definition.fullName, definition);
    }
  }

  /** The function `element.name`, or why there is none. */
  resolve(element: string, name: string): ResolvedFunction | 'no-element' | 'no-function' {
    const implementations = Object.hasOwn(this.#services, element)
      ? this.#services[element]
      : undefined;
    const definition = this.#definitions.get(element);
    if (implementations === undefined && definition === undefined) return 'no-element';
    const fnDefinition = definition?.functionList.find((fn) => fn.name === name);
    const implementation =
      implementations !== undefined && Object.hasOwn(implementations, name)
        ? implementations[name]
        : undefined;
    if (fnDefinition === undefined && implementation === undefined) return 'no-function';
    return {
      api: `${element}.${name}`,
      element,
      name,
      elementTitle: definition?.title ?? element,
      definition: fnDefinition,
      implementation,
    };
  }

  /**
   * The authorization details of a key (`getDetails`): its APIs grouped by service, in the
   * order of `apis`, each function described from its definition when there is one.
   */
  details(apis: readonly string[]): unknown[] {
    const services = new Map<
      string,
      { title: string; fullName: string; functionList: unknown[] }
    >();
    for (const api of apis) {
      const dot = api.lastIndexOf('.');
      if (dot <= 0) continue;
      const fullName = api.slice(0, dot);
      const name = api.slice(dot + 1);
      const definition = this.#definitions.get(fullName);
      let service = services.get(fullName);
      if (service === undefined) {
        service = { title: definition?.title ?? fullName, fullName, functionList: [] };
        services.set(fullName, service);
      }
      const fn = definition?.functionList.find((f) => f.name === name);
      const entry: Record<string, unknown> = {
        name,
        title: fn?.title ?? name,
        args: (fn?.args ?? []).map((arg) => ({
          name: arg.name,
          title: arg.title ?? arg.name,
          dataType: arg.dataType,
        })),
      };
      if (fn?.returnType !== undefined) entry.returnType = fn.returnType;
      if (fn?.desc !== undefined) entry.desc = fn.desc;
      service.functionList.push(entry);
    }
    return [...services.values()];
  }
}

/**
 * A service definition from the text of its `services/<Svc>/e.json`.
 *
 * @example
 * ```ts
 * jitaiDefinitionFromEJson('services.OrderSvc', readFileSync('services/OrderSvc/e.json', 'utf8'))
 * ```
 */
export function jitaiDefinitionFromEJson(
  fullName: string,
  eJsonText: string,
): JitaiServiceDefinition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(eJsonText);
  } catch (error) {
    throw new SignetDecodeError(`e.json of ${fullName} is not valid JSON`, { cause: error });
  }
  const functionList = (parsed as { functionList?: unknown } | null)?.functionList;
  if (!Array.isArray(functionList)) {
    throw new SignetDecodeError(`e.json of ${fullName} has no functionList`);
  }
  const title = (parsed as { title?: unknown }).title;
  const definition: JitaiServiceDefinition = { fullName, functionList };
  if (typeof title === 'string') definition.title = title;
  return definition;
}
