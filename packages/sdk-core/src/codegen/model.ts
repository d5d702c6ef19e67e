/**
 * Input model of the JitAi client generator: what `services/<Svc>/e.json` files and
 * `getAuthDetails()` answers have in common, reduced to what the generated types need.
 */

/** One argument of a service function (`functionList[].args[]`). */
export interface CodegenArg {
  /** The key of this argument in the call's args object. */
  name: string;
  title?: string;
  /** JitAi (JitORM) data type: `Stext`, `Numeric`, `JitList`… (see `mapJitaiType`). */
  dataType: string;
  /** Element configuration of list types: `{ dataType: 'Stext' }` types a JitList as `string[]`. */
  variableConfig?: unknown;
  /** JitAi's `generic` (element type of a JitList, model of a RowData…). */
  generic?: string;
}

/** One function of a service (`functionList[]`). */
export interface CodegenFunction {
  name: string;
  title?: string;
  desc?: string;
  args: CodegenArg[];
  /** JitAi data type of the result; missing means the result is typed `unknown`. */
  returnType?: string;
  /** Declared `ignoreSign: true`: the platform skips its signature check (bearer-style APIs). */
  ignoreSign?: boolean;
  loginRequired?: boolean;
}

/** One service element (`services.OrderSvc`). */
export interface CodegenService {
  /** Full element name, as the API path uses it: `services.OrderSvc`. */
  fullName: string;
  title?: string;
  functionList: CodegenFunction[];
  /** Where the definition came from (a file name), for error messages. */
  source?: string;
}

/** One definition file of an app folder (`services/OrderSvc/e.json`) and its text. */
export interface DefinitionFile {
  path: string;
  text: string;
}
