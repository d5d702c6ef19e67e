/**
 * Where the examples point. The demo fills this from the emulators it starts; run a
 * script on its own and it reads the environment instead, so the same code talks to a
 * real JitAi app or DataFlux Func:
 *
 *   SIGNET_JITAI_URL=https://host/api/org/app SIGNET_ACCESS_KEY=… SIGNET_ACCESS_SECRET=… \
 *     node jitai-signed-call.ts
 */
export interface ExampleConfig {
  jitai: { baseUrl: string; accessKey: string; accessSecret: string; bearerToken: string };
  dataflux: {
    baseUrl: string;
    akId: string;
    akSecret: string;
    /** Sync API ids and credentials of the per-endpoint auth examples. */
    fixedField: { apiId: string; name: string; value: string };
    basic: { apiId: string; username: string; password: string };
    digest: { apiId: string; username: string; password: string };
  };
}

/** A line of the transcript. */
export type Log = (line: string) => void;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ExampleConfig {
  return {
    jitai: {
      baseUrl: env.SIGNET_JITAI_URL ?? '',
      accessKey: env.SIGNET_ACCESS_KEY ?? '',
      accessSecret: env.SIGNET_ACCESS_SECRET ?? '',
      bearerToken: env.SIGNET_TOKEN ?? '',
    },
    dataflux: {
      baseUrl: env.SIGNET_DATAFLUX_URL ?? '',
      akId: env.SIGNET_AK_ID ?? '',
      akSecret: env.SIGNET_AK_SECRET ?? '',
      fixedField: {
        apiId: env.SIGNET_FIXED_API ?? '',
        name: env.SIGNET_FIXED_NAME ?? 'x-auth-token',
        value: env.SIGNET_FIXED_VALUE ?? '',
      },
      basic: {
        apiId: env.SIGNET_BASIC_API ?? '',
        username: env.SIGNET_USER ?? '',
        password: env.SIGNET_PASSWORD ?? '',
      },
      digest: {
        apiId: env.SIGNET_DIGEST_API ?? '',
        username: env.SIGNET_USER ?? '',
        password: env.SIGNET_PASSWORD ?? '',
      },
    },
  };
}

/** Runs `run` on its own when the file is executed directly. */
export async function standalone(
  meta: ImportMeta,
  run: (config: ExampleConfig, log: Log) => Promise<void>,
): Promise<void> {
  if (process.argv[1] && meta.filename === process.argv[1]) {
    await run(configFromEnv(), (line) => console.log(line));
  }
}

/** JSON for the transcript, bigints written as the exact integers they are. */
export function show(value: unknown): string {
  const digits: string[] = [];
  const text = JSON.stringify(value, (_key, v) =>
    typeof v === 'bigint' ? `\u0000${digits.push(String(v)) - 1}\u0000` : v,
  );
  return text.replace(/"\\u0000(\d+)\\u0000"/g, (_, i: string) => digits[Number(i)]!);
}
