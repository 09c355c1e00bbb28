/**
 * What code a result came from: the model version, the package version and the git commit of
 * this checkout (with whether tracked files were changed). Written into every manifest and
 * provenance record, and printed by each command's --version, so a researcher can name the code
 * behind a file in a paper or a bug report.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODEL_VERSION } from '../sim/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    return null; // not a git checkout (an unpacked release), or git not installed
  }
}

export interface GitState {
  /** Full commit hash, or null outside a git checkout. */
  gitCommit: string | null;
  /** Whether tracked files differ from the commit (null when unknown). */
  gitDirty: boolean | null;
}

/** The checkout's state, asked of git once per command (--version's text and the manifest both read it). */
export function gitState(): GitState {
  if (!known) {
    const status = git(['status', '--porcelain', '--untracked-files=no']);
    known = { gitCommit: git(['rev-parse', 'HEAD']), gitDirty: status === null ? null : status.length > 0 };
  }
  return known;
}
let known: GitState | undefined;

/** The short commit ("3a0d38f"), or "unknown" outside a git checkout: for reports' headers. */
export function shortCommit(): string {
  return gitState().gitCommit?.slice(0, 7) ?? 'unknown';
}

/** "model 0.10.0 · yiwu-digital-trade-sandbox 0.1.0 · git 3a0d38f (with uncommitted changes) · Node v20.20.2": what --version prints. */
export function versionText(): string {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { name: string; version: string };
  const { gitCommit, gitDirty } = gitState();
  const commit = gitCommit ? `git ${gitCommit.slice(0, 7)}${gitDirty ? ' (with uncommitted changes)' : ''}` : 'not a git checkout';
  return `model ${MODEL_VERSION} · ${pkg.name} ${pkg.version} · ${commit} · Node ${process.version}`;
}

/** Commander's --version option text (its flags and help line), shared by the commands. */
export const VERSION_FLAGS = '-V, --version';
export const VERSION_HELP = 'print the model version and the code\'s git commit, and exit';
