// Dev secrets (session secret, Meilisearch master key) generated once and kept under DATA_DIR.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface DevSecrets {
  sessionSecret: string;
  meiliMasterKey: string;
}

export function loadDevSecrets(dataDir: string): DevSecrets {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const random = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  const secrets = { sessionSecret: random(), meiliMasterKey: random() };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
