import contentDisposition from 'content-disposition';

/** A file download: the right type, length and a file name that survives any browser. */
export function fileResponse(file: {
	filename: string;
	mediaType: string;
	body: Buffer;
}): Response {
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.body.length),
			'content-disposition': contentDisposition(file.filename),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
}
