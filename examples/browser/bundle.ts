// Bundles main.ts for the browser with esbuild (the bundler under tsup). `alias` lets the
// tests point the package names at the workspace sources instead of the built packages.

/** The part of esbuild's API this needs. */
export interface Esbuild {
  build(
    options: Record<string, unknown>,
  ): Promise<{ outputFiles?: { text: string }[] | undefined }>;
}

export async function bundlePage(
  esbuild: Esbuild,
  alias: Record<string, string> = {},
): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [new URL('./main.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    alias,
    logLevel: 'warning',
  });
  const text = result.outputFiles?.[0]?.text;
  if (text === undefined) throw new Error('esbuild produced no output for main.ts');
  return text;
}
