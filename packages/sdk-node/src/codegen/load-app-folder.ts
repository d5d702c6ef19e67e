import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SignetConfigError } from '@signet/sdk-core';

/** One service definition file and its text (what sdk-core's generator takes). */
export interface ServiceDefinitionFile {
  path: string;
  text: string;
}

/**
 * Reads every `services/<Svc>/e.json` of a JitAi app folder, sorted by service folder.
 * `dir` may be the app root (holding `services/`) or the `services/` folder itself.
 * Folders without an `e.json` (`__pycache__`…) are skipped.
 *
 * @example
 * ```ts
 * const files = await loadAppServices('examples/codegen/app')
 * const source = generateFromDefinitions(files)
 * ```
 */
export async function loadAppServices(dir: string): Promise<ServiceDefinitionFile[]> {
  const servicesDir = await findServicesDir(dir);
  const entries = await readdir(servicesDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
    .map((entry) => entry.name)
    .sort();
  const files: ServiceDefinitionFile[] = [];
  for (const name of names) {
    const path = join(servicesDir, name, 'e.json');
    if (!(await isFile(path))) continue;
    files.push({ path, text: await readFile(path, 'utf8') });
  }
  if (files.length === 0) {
    throw new SignetConfigError(
      `${servicesDir}: no service definitions found (expected services/<Svc>/e.json files)`,
    );
  }
  return files;
}

async function findServicesDir(dir: string): Promise<string> {
  if (typeof dir !== 'string' || dir === '') {
    throw new SignetConfigError('the app folder must be a non-empty path');
  }
  if (!(await isDirectory(dir))) {
    throw new SignetConfigError(
      `${dir}: no such folder (give a JitAi app folder or its services/)`,
    );
  }
  const nested = join(dir, 'services');
  if (basename(dir) !== 'services' && (await isDirectory(nested))) return nested;
  return dir;
}

/**
 * Writes a generated module, creating its folder. The text goes to a temporary file
 * first and is renamed into place, so an interrupted run never leaves half a client.
 */
export async function writeGeneratedClient(outFile: string, source: string): Promise<void> {
  if (typeof outFile !== 'string' || outFile === '') {
    throw new SignetConfigError('the output file must be a non-empty path');
  }
  await mkdir(dirname(outFile), { recursive: true });
  const temporary = `${outFile}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, source, 'utf8');
    await rename(temporary, outFile);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}
