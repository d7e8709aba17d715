import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// Precompression of the lazy SurveyJS chunk costs seconds per build and buys little behind a
		// local reverse proxy (a build measured 17 s without it, 22 s with it).
		adapter: adapter({ precompress: false }),
		typescript: {
			// Type-check the tooling around the app too.
			config: (tsconfig) => {
				tsconfig.include.push(
					'../bench/**/*.ts',
					'../scripts/**/*.js',
					'../scripts/**/*.ts',
					'../bin/**/*.js',
					'../playwright.config.ts',
					'../drizzle.config.ts'
				);
			}
		},
		// A missed escape must not be able to run script: only our own scripts, each page's inline
		// start-up script by nonce, nothing from other origins, and no framing. SurveyJS and the
		// charts set inline style attributes, so styles stay 'unsafe-inline' (SvelteKit then adds no
		// style nonce, which would switch 'unsafe-inline' off).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		csrf: {
			// SvelteKit's built-in origin check for form posts; kept explicit so nobody turns it off.
			trustedOrigins: []
		}
	}
};

export default config;
