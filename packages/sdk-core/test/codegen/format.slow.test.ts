import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateServiceModule } from '../../src/codegen/emit.js';
import { generateFromDataFlux, generateFromDefinitions } from '../../src/codegen/generate.js';
import { dataFluxSweep } from './dataflux-sweep.js';
import { APP, readApp } from './fixture-app.js';
import { sweepModules } from './sweep.js';
import { biomeFormat, tempProject } from './tools.js';

describe('generated modules are already formatted (biome format changes nothing)', () => {
  let project: ReturnType<typeof tempProject>;
  beforeAll(() => {
    project = tempProject('signet-codegen-format-');
  });
  afterAll(() => project.remove());

  test('the fixture app and every width sweep module', () => {
    const dir = join(project.dir, 'ok');
    const modules = sweepModules().map((services) => generateServiceModule(services));
    modules.push(generateFromDefinitions(readApp(APP), { header: 'Header line\n\nafter a blank' }));
    modules.push(generateFromDataFlux(dataFluxSweep(), { header: 'DataFlux width sweep' }));
    mkdirSync(dir);
    for (const [i, source] of modules.entries()) writeFileSync(join(dir, `m${i}.ts`), source);

    const result = biomeFormat(dir);
    expect(result.error).toBeUndefined();
    expect(`${result.stdout}${result.stderr}`).toContain(`Checked ${modules.length} files`);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  test('control: biome does flag a misformatted module in this setup', () => {
    const dir = join(project.dir, 'bad');
    mkdirSync(dir);
    const source = generateFromDefinitions(readApp(APP));
    writeFileSync(
      join(dir, 'm.ts'),
      source.replace('(args: OrderSvcQueryArgs)', '(args:OrderSvcQueryArgs)'),
    );
    expect(biomeFormat(dir).status).not.toBe(0);
  });
});
