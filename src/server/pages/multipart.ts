/**
 * A small multipart/form-data reader for the public sign-on form: the whole body is already in memory (the
 * content-type parser caps it), so this only splits it. At most one file part with content is accepted; its
 * declared name and type are kept for nothing but the caller's curiosity (the logo check reads the bytes).
 */

/** One uploaded file. */
export interface UploadedFile {
  field: string;
  filename: string;
  bytes: Buffer;
}

/** The text fields and the single file of a form. */
export interface MultipartForm {
  fields: Record<string, string>;
  file: UploadedFile | null;
}

/** Why a body could not be read. */
export class MultipartError extends Error {}

/** The boundary named in a `multipart/form-data` content type, else null. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m ? ((m[1] ?? m[2]) as string) : null;
}

function headerParam(header: string, name: string): string | null {
  const m = new RegExp(`;\\s*${name}="([^"]*)"`, 'i').exec(header);
  return m ? (m[1] as string) : null;
}

/** Splits a multipart body; throws MultipartError for a malformed body or more than one file. */
export function parseMultipart(body: Buffer, boundary: string, maxFields = 30): MultipartForm {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  let start = body.indexOf(delimiter);
  if (start < 0) throw new MultipartError('no boundary in the body');
  let count = 0;
  for (;;) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const partStart = afterDelimiter + 2; // CRLF after the delimiter
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), partStart);
    if (next < 0) throw new MultipartError('the body ends inside a part');
    const part = body.subarray(partStart, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new MultipartError('a part has no headers');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
    const name = headerParam(disposition, 'name');
    if (name === null) throw new MultipartError('a part has no name');
    if (++count > maxFields) throw new MultipartError('too many fields');
    const filename = headerParam(disposition, 'filename');
    if (filename !== null) {
      // A file input left empty still sends a part with an empty name and no bytes.
      if (filename !== '' || content.length > 0) {
        if (file) throw new MultipartError('only one file may be sent');
        file = { field: name, filename, bytes: Buffer.from(content) };
      }
    } else {
      fields[name] = content.toString('utf8');
    }
    start = next + 2;
  }
  return { fields, file };
}
