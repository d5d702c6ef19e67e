// Types of run.mjs (plain JavaScript, so that `pnpm vectors` runs without a build step).

/** The count of one vector file. */
export interface VectorFileResult {
  file: string;
  passed: number;
  failed: number;
  failures: { name: string; message: string }[];
}

/** What a run over a vector directory counted. */
export interface VectorTotals {
  passed: number;
  failed: number;
  files: VectorFileResult[];
}

/** Runs every vector file under `dir` through `api` (sdk-core's public names). */
export function runVectors(
  dir: string,
  api: Record<string, unknown>,
  log?: (line: string) => void,
): Promise<VectorTotals>;
