// Paths and inputs the WASM tests share: the package built by `make wasm`
// (REUSELENS_PACKAGE_DIR overrides where), the native CLI, and ../shared.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const packageDir = path.resolve(process.env.REUSELENS_PACKAGE_DIR ?? path.join(repoRoot, 'dist/reuselens'));
export const cli = path.join(repoRoot, 'build/native/reuselens');
export const seedsDir = path.resolve(repoRoot, '../shared/seeds');
export const panDir = path.resolve(repoRoot, '../shared/pan13-train');

/** The seed articles by number ('000'...'004'): {file, text}. */
export function loadSeeds() {
  return Object.fromEntries(readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))
    .map((f) => [f.slice(0, 3), { file: path.join(seedsDir, f), text: readFileSync(path.join(seedsDir, f), 'utf8') }]));
}

/** Imports a module of the package, with a clear error when it was not built. */
export async function importPackage(file) {
  const entry = path.join(packageDir, file);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build the package first (make wasm)`);
  return import(pathToFileURL(entry).href);
}
