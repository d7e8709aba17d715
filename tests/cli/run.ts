/** Runs the real `klyngeradar` entry point, as a user would, and captures what it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const bin = join(root, 'bin', 'klyngeradar.js');

export interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** An environment without the developer's own settings leaking into the test. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value === undefined) continue;
		if (/^(DATABASE_URL|KLYNGERADAR_|PORT$|HOST$|ORIGIN$|SMTP_|LOG_LEVEL$)/.test(key)) continue;
		env[key] = value;
	}
	return { ...env, ...extra };
}

export function klyngeradar(
	args: string[],
	options: { env?: Record<string, string>; input?: string } = {}
): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [bin, ...args], {
			env: cleanEnv(options.env),
			cwd: root
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
		child.stdin.end(options.input ?? '');
	});
}

/** Starts a long-running command (serve) and resolves once its output matches `ready`. */
export function start(
	args: string[],
	ready: RegExp,
	env: Record<string, string>,
	timeoutMs = 240_000
): Promise<{ child: ChildProcess; output: () => string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [bin, ...args], { env: cleanEnv(env), cwd: root });
		let output = '';
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`not ready after ${timeoutMs} ms:\n${output}`));
		}, timeoutMs);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			if (ready.test(output)) {
				clearTimeout(timer);
				resolve({ child, output: () => output });
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`exited with ${code} before it was ready:\n${output}`));
		});
	});
}

export function stop(child: ChildProcess): Promise<number | null> {
	return new Promise((resolve) => {
		child.removeAllListeners('exit');
		child.on('exit', (code) => resolve(code));
		child.kill('SIGTERM');
	});
}

export function tempDir(prefix = 'klyngeradar-cli-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

/** A new temporary folder with a seeded data dir in it (`db/`), the demo data too if asked. */
export async function seededDataDir(options: { demo?: boolean } = {}): Promise<{
	dir: string;
	dataDir: string;
}> {
	const dir = tempDir();
	const dataDir = join(dir, 'db');
	const seeded = await klyngeradar([
		'--data-dir',
		dataDir,
		'db',
		'seed',
		...(options.demo ? ['--demo'] : [])
	]);
	if (seeded.code !== 0) throw new Error(`db seed failed: ${seeded.stderr}`);
	return { dir, dataDir };
}
