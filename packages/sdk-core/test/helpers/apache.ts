import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

export interface ApacheDigestUser {
  username: string;
  password: string;
  realm: string;
}

export interface ApacheDigestOptions {
  users: readonly ApacheDigestUser[];
  qop?: 'auth';
  /** Appended to httpd.conf (tests of the helper itself). */
  extraConfig?: string;
}

export interface ApacheDigest {
  /** `http://127.0.0.1:<port>`; protected files live under `/protected/`. */
  url: string;
  /** Realm of `/protected` (every user must share it). */
  realm: string;
  /** The whole error log so far (Apache explains every rejection there). */
  errorLog(): Promise<string>;
  stop(): Promise<void>;
}

const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
/** Seconds a nonce of `/short/` lives (AuthDigestNonceLifetime). */
export const SHORT_NONCE_LIFETIME_S = 2;
/** What `GET /protected/file.txt` returns. */
export const PROTECTED_TEXT = 'signet digest test file\n';

/**
 * Starts Debian's Apache httpd with `mod_auth_digest` on a free 127.0.0.1 port, from a
 * config written into a fresh temp dir (nothing outside it is read or written besides
 * the module files). `/protected/` needs Digest (MD5, qop=auth, nonce-count checking on);
 * the password file is built here in htdigest format. Rejects with Apache's error log
 * when Apache does not come up.
 */
export async function startApacheDigest(options: ApacheDigestOptions): Promise<ApacheDigest> {
  const realm = options.users[0]?.realm;
  if (realm === undefined || options.users.some((user) => user.realm !== realm)) {
    throw new Error('startApacheDigest: give at least one user, all in the same realm');
  }
  if (!existsSync(APACHE)) throw new Error(`startApacheDigest: ${APACHE} is not installed`);
  const dir = await mkdtemp(path.join(tmpdir(), 'signet-apache-'));
  const port = await freePort();
  const log = path.join(dir, 'error.log');
  await mkdir(path.join(dir, 'htdocs/protected'), { recursive: true });
  await mkdir(path.join(dir, 'htdocs/short'), { recursive: true });
  await writeFile(path.join(dir, 'htdocs/protected/file.txt'), PROTECTED_TEXT);
  await writeFile(path.join(dir, 'htdocs/short/file.txt'), PROTECTED_TEXT);
  await writeFile(path.join(dir, 'mime.types'), 'text/plain txt\n');
  await writeFile(
    path.join(dir, 'htdigest'),
    options.users
      .map((user) => {
        const ha1 = createHash('md5')
          .update(`${user.username}:${user.realm}:${user.password}`)
          .digest('hex');
        return `${user.username}:${user.realm}:${ha1}\n`;
      })
      .join(''),
  );
  await writeFile(
    path.join(dir, 'httpd.conf'),
    config(dir, port, realm, options.qop ?? 'auth') + (options.extraConfig ?? ''),
  );
  // Apache started as root drops to `User`, which must be able to read the temp dir.
  await chmod(dir, 0o755);

  const child = spawn(APACHE, ['-f', path.join(dir, 'httpd.conf'), '-DFOREGROUND'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const errorLog = async () => readFile(log, 'utf8').catch(() => '');
  const stop = async () => {
    await kill(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, child, 10_000);
  } catch (error) {
    const logText = await errorLog();
    await stop();
    throw new Error(
      `Apache did not start: ${(error as Error).message}\n--- output ---\n${output}\n--- error.log ---\n${logText}`,
    );
  }
  return { url: `http://127.0.0.1:${port}`, realm, errorLog, stop };
}

function config(dir: string, port: number, realm: string, qop: string): string {
  const user = process.getuid?.() === 0 ? 'nobody' : userInfo().username;
  const group = process.getuid?.() === 0 ? 'nogroup' : `#${process.getgid?.() ?? 0}`;
  const modules = [
    ['mpm_event_module', 'mod_mpm_event.so'],
    ['authn_core_module', 'mod_authn_core.so'],
    ['authn_file_module', 'mod_authn_file.so'],
    ['authz_core_module', 'mod_authz_core.so'],
    ['authz_user_module', 'mod_authz_user.so'],
    ['auth_digest_module', 'mod_auth_digest.so'],
    ['mime_module', 'mod_mime.so'],
    ['dir_module', 'mod_dir.so'],
    ['alias_module', 'mod_alias.so'],
  ];
  return `ServerRoot "${dir}"
PidFile "${dir}/httpd.pid"
ErrorLog "${dir}/error.log"
LogLevel warn auth_digest:info
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
User ${user}
Group ${group}
Mutex file:${dir}
DefaultRuntimeDir "${dir}"
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MaxRequestWorkers 16
MinSpareThreads 1
MaxSpareThreads 16
${modules.map(([name, file]) => `LoadModule ${name} ${MODULES}/${file}`).join('\n')}
TypesConfig "${dir}/mime.types"
DocumentRoot "${dir}/htdocs"
<Directory "${dir}/htdocs">
  Require all granted
</Directory>
<Location /protected>
  AuthType Digest
  AuthName "${realm}"
  AuthDigestDomain /protected/
  AuthDigestProvider file
  AuthUserFile "${dir}/htdigest"
  AuthDigestQop ${qop}
  AuthDigestNcCheck On
  Require valid-user
</Location>
# Same realm, nonces that expire after two seconds: Apache answers with stale=true.
<Location /short>
  AuthType Digest
  AuthName "${realm}"
  AuthDigestProvider file
  AuthUserFile "${dir}/htdigest"
  AuthDigestQop ${qop}
  AuthDigestNonceLifetime ${SHORT_NONCE_LIFETIME_S}
  Require valid-user
</Location>
`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`apache2 exited with ${child.exitCode ?? child.signalCode}`);
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`port ${port} did not open within ${timeoutMs} ms`);
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
