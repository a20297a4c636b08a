// Starts the built Sen server (SEN_BUILD_DIR, default `build`, relative to the project root).
import http from 'node:http';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// adapter-node 6 no longer reads ORIGIN at run time: without a proxy header it takes every request
// for https://<host>, so SvelteKit's CSRF check rejects form posts on http://localhost. Unless the
// operator configured proxy headers, stamp each request with the public origin's protocol and host
// (overwriting whatever a client sent) and tell the adapter to read them.
process.env.ORIGIN ??= process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
// Uploaded lists (imports) may be up to 5 MB and an upload up to 5 files of FILES_MAX_MB each (Sen
// refuses a larger file itself, with a message); adapter-node refuses bodies over 512 KB by default.
const filesMaxMb = Number(process.env.FILES_MAX_MB) || 10;
process.env.BODY_SIZE_LIMIT ??= `${Math.max(6, 5 * filesMaxMb + 1)}M`;
const origin = URL.parse(process.env.ORIGIN); // null for a bad PORT/PUBLIC_URL: the config check reports it
if (origin && !process.env.PROTOCOL_HEADER && !process.env.HOST_HEADER) {
	process.env.PROTOCOL_HEADER = 'x-sen-origin-proto';
	process.env.HOST_HEADER = 'x-sen-origin-host';
	const emit = http.Server.prototype.emit;
	http.Server.prototype.emit = function (event, req, ...rest) {
		if (event === 'request') {
			req.headers['x-sen-origin-proto'] = origin.protocol.slice(0, -1);
			req.headers['x-sen-origin-host'] = origin.host;
		}
		return emit.call(this, event, req, ...rest);
	};
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
await import(pathToFileURL(resolve(root, process.env.SEN_BUILD_DIR ?? 'build', 'index.js')).href);
