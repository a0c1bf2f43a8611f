/**
 * The cockpit's HTTP server (node:http, bound to 127.0.0.1 by the caller): the page and bundle, SLDS assets from the
 * installed design system package, the session script, and the JSON endpoints that the stubs call.
 *
 * - `GET /`, `GET /<file>`: files of the public folder (index.html, app.js)
 * - `GET /slds/<path>`: SLDS assets (styles, icons, fonts, images)
 * - `GET /resource/<name>`: a static resource of the package directories, `@salesforce/resourceUrl/<name>`; an archive
 *   resource (a folder in source format) serves its files as `/resource/<name>/<path>`
 * - `GET /sfc/servlet.shepherd/document/download/<id>`: a deck that saveDeck saved, as the download URL it returns
 * - `GET /lightning/...`: Lightning Experience page URLs, redirected to the matching cockpit route
 * - `GET /session.js`: the cockpit user and export, for `@salesforce/user/*` and `@salesforce/customPermission/*`
 * - `GET /api/cockpit/accounts`: every scored account, riskiest first, for the shell's account list
 * - `POST /api/apex/<Class>.<method>`: calls an Apex method of the adapter with the JSON body as parameters. The
 *   body may be 1 MB, or 15 MB for QbrBuilderController.saveDeck, because its deck of up to 10 MB comes as base64.
 * - `POST /api/ui-api/getRecord`: an Account of the export with the requested fields, for getRecord
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import path from 'node:path';
import { ApexError } from './apexErrors';
import { lightningPathToHash } from './app/lwc/x/app/routes';
import { UiApiError } from './records';
import { findStaticResources } from './staticResources';
import type { StaticResource } from './staticResources';

/** Largest request body accepted, in bytes; Apex parameters are small. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Largest request body of saveDeck, in bytes: a deck of 10 MB is 13.4 MB as base64 (4 characters per 3 bytes), and
 * the rest leaves room for the other parameters.
 */
export const MAX_DECK_BODY_BYTES = 15 * 1024 * 1024;

/** Apex methods whose parameters may be larger than MAX_BODY_BYTES, with their limit. */
const BODY_LIMITS: Readonly<Record<string, number>> = { 'QbrBuilderController.saveDeck': MAX_DECK_BODY_BYTES };

/** Path of the download URL of a saved file, followed by its ContentDocument Id. */
const DOWNLOAD_PATH = '/sfc/servlet.shepherd/document/download/';

/** Media type of a .pptx file. */
const PPTX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Data and Apex adapter that the server uses once scoring is done. */
export interface CockpitApp {
  /** Calls an Apex method; rejects with ApexError for failures the method reports. */
  invokeApex(name: string, params: unknown): Promise<unknown>;
  /** Returns the UI API record; throws UiApiError. */
  getRecord(request: Record<string, unknown>): unknown;
  /** The session values the page needs before the bundle runs. */
  session(): unknown;
  /** Rows of the account list. */
  accountRows(): unknown[];
  /** Returns the file of a saved deck and its name, or null when the Id names no deck the user may read. */
  deckDownload(documentId: string): { file: string; fileName: string } | null;
}

/** Options of the server. */
export interface CockpitServerOptions {
  publicDir: string;
  sldsAssetsDir: string;
  /** Returns the app once it is ready; null while the cockpit is still building and scoring. */
  app: () => CockpitApp | null;
  /** Package directories whose static resources `/resource/<name>` serves; none when left out. */
  packageDirs?: string[];
  /** Receives one line per API call and per failure. */
  log?: (line: string) => void;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
};

const ALLOWED_HOST = /^(?:127\.0\.0\.1|localhost)(?::\d+)?$/i;

/** A request failed before reaching a handler; the status and message go back as JSON. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store'
  });
  response.end(text);
}

function apexErrorBody(message: string, exceptionType = ''): Record<string, unknown> {
  return { message, exceptionType, isUserDefinedException: false, stackTrace: '' };
}

/** Decodes a URL path segment; null when its escapes are malformed. */
function decodedOrNull(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Resolves a URL path inside a folder, or null when it would leave the folder. */
function resolveInside(baseDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) {
    return null;
  }
  const file = path.resolve(baseDir, `.${path.posix.normalize(`/${decoded}`)}`);
  const relative = path.relative(baseDir, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? null : file;
}

function serveFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string | null,
  maxAge: number,
  contentType?: string
): void {
  let size: number;
  let etag: string;
  try {
    const stats = file === null ? null : statSync(file);
    if (stats === null || !stats.isFile()) {
      throw new Error('not a file');
    }
    size = stats.size;
    etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  } catch {
    sendJson(response, 404, { message: `${request.url ?? ''} was not found.` });
    return;
  }
  const cacheControl = maxAge > 0 ? `max-age=${maxAge}` : 'no-cache';
  // The bundle is several megabytes; a page load after a navigation revalidates it instead of downloading it again.
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { ETag: etag, 'Cache-Control': cacheControl });
    response.end();
    return;
  }
  response.writeHead(200, {
    'Content-Type':
      contentType || (CONTENT_TYPES[path.extname(file as string).toLowerCase()] ?? 'application/octet-stream'),
    'Content-Length': size,
    'Cache-Control': cacheControl,
    ETag: etag
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file as string)
    .on('error', () => response.destroy())
    .pipe(response);
}

function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new HttpError(413, `The request body is larger than ${maxBytes} bytes; send fewer parameters.`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Reads a JSON object body; POST requests must declare JSON, so a page on another site cannot post here. */
async function readJsonObject(
  request: IncomingMessage,
  maxBytes: number = MAX_BODY_BYTES
): Promise<Record<string, unknown>> {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    throw new HttpError(415, `Send the body as application/json; the request had Content-Type "${contentType}".`);
  }
  const text = await readBody(request, maxBytes);
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new HttpError(
      400,
      `The request body is not valid JSON (${(error as Error).message}). Send the parameters as a JSON object.`
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(
      400,
      'The request body must be a JSON object of parameters by name, for example {"accountId": "001..."}.'
    );
  }
  return parsed as Record<string, unknown>;
}

/**
 * Creates the cockpit server; the caller listens on 127.0.0.1.
 * @param options Folders to serve, the app, and where to log.
 */
export function createCockpitServer(options: CockpitServerOptions): Server {
  const log = options.log ?? ((): void => undefined);

  async function handleApex(
    request: IncomingMessage,
    response: ServerResponse,
    app: CockpitApp,
    name: string
  ): Promise<void> {
    let params: Record<string, unknown>;
    try {
      params = await readJsonObject(request, BODY_LIMITS[name] ?? MAX_BODY_BYTES);
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 400;
      sendJson(response, status, apexErrorBody((error as Error).message));
      return;
    }
    try {
      sendJson(response, 200, (await app.invokeApex(name, params)) ?? null);
    } catch (error) {
      if (error instanceof ApexError) {
        sendJson(response, error.status, apexErrorBody(error.message, error.exceptionType));
        return;
      }
      log(`Apex method ${name} failed in the cockpit: ${(error as Error).stack ?? String(error)}`);
      sendJson(
        response,
        500,
        apexErrorBody(
          `Apex method ${name} failed in the offline cockpit: ${(error as Error).message}. This is a fault of the ` +
            'cockpit server, not of the package; the terminal shows the details.',
          'CockpitServerError'
        )
      );
    }
  }

  async function handleGetRecord(request: IncomingMessage, response: ServerResponse, app: CockpitApp): Promise<void> {
    try {
      sendJson(response, 200, app.getRecord(await readJsonObject(request)));
    } catch (error) {
      if (error instanceof UiApiError) {
        sendJson(response, error.status, error.body);
      } else if (error instanceof HttpError) {
        sendJson(response, error.status, [{ errorCode: 'BAD_REQUEST', message: error.message }]);
      } else {
        throw error;
      }
    }
  }

  let staticResources: Map<string, StaticResource> | null = null;

  /** Serves `/resource/<name>` and, for an archive resource, `/resource/<name>/<path>`. */
  function serveResource(request: IncomingMessage, response: ServerResponse, resourcePath: string): void {
    staticResources ??= findStaticResources(options.packageDirs ?? []);
    const slash = resourcePath.indexOf('/');
    const name = decodedOrNull(slash < 0 ? resourcePath : resourcePath.slice(0, slash)) ?? '';
    const rest = slash < 0 ? '' : resourcePath.slice(slash + 1);
    const resource = staticResources.get(name);
    if (resource === undefined) {
      sendJson(response, 404, {
        message: `Static resource ${name} was not found in the package directories; check its .resource-meta.xml file.`
      });
    } else if (resource.isFolder) {
      serveFile(request, response, rest === '' ? null : resolveInside(resource.location, rest), 0);
    } else {
      serveFile(request, response, rest === '' ? resource.location : null, 0, resource.contentType);
    }
  }

  function serveDeck(request: IncomingMessage, response: ServerResponse, app: CockpitApp, documentId: string): void {
    const deck = app.deckDownload(documentId);
    if (deck === null) {
      sendJson(response, 404, {
        message: `File ${documentId} was not found, or you cannot read business reviews. Export the deck again.`
      });
      return;
    }
    const asciiName = deck.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(deck.fileName)}`
    );
    serveFile(request, response, deck.file, 0, PPTX_MEDIA_TYPE);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    // A page on another site can reach 127.0.0.1 through a DNS name that points there; only local names get in.
    if (!ALLOWED_HOST.test(request.headers.host ?? '')) {
      sendJson(response, 403, {
        message: `Host "${request.headers.host ?? ''}" is not served; open http://127.0.0.1.`
      });
      return;
    }
    const isApi = url.pathname.startsWith('/api/');

    if (isApi || url.pathname === '/session.js') {
      const app = options.app();
      if (app === null) {
        sendJson(response, 503, { message: 'The cockpit is still building and scoring; reload in a few seconds.' });
        return;
      }
      const apexMatch = /^\/api\/apex\/([^/]+)$/.exec(url.pathname);
      if (apexMatch) {
        if (method !== 'POST') {
          response.setHeader('Allow', 'POST');
          sendJson(response, 405, apexErrorBody(`Call Apex methods with POST, not ${method}.`));
          return;
        }
        await handleApex(request, response, app, decodeURIComponent(apexMatch[1]));
        return;
      }
      if (url.pathname === '/api/ui-api/getRecord' && method === 'POST') {
        await handleGetRecord(request, response, app);
        return;
      }
      if (url.pathname === '/api/cockpit/accounts' && method === 'GET') {
        sendJson(response, 200, { rows: app.accountRows() });
        return;
      }
      if (url.pathname === '/session.js' && (method === 'GET' || method === 'HEAD')) {
        const script = `window.cockpitSession = ${JSON.stringify(app.session())};\n`;
        response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.js'], 'Cache-Control': 'no-store' });
        response.end(method === 'HEAD' ? undefined : script);
        return;
      }
      sendJson(response, 404, { message: `${method} ${url.pathname} is not an endpoint of the cockpit server.` });
      return;
    }

    if (method !== 'GET' && method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendJson(response, 405, { message: `${method} is not allowed on ${url.pathname}; files are read with GET.` });
      return;
    }
    if (url.pathname.startsWith('/slds/')) {
      serveFile(request, response, resolveInside(options.sldsAssetsDir, url.pathname.slice('/slds/'.length)), 3600);
      return;
    }
    if (url.pathname.startsWith('/resource/')) {
      serveResource(request, response, url.pathname.slice('/resource/'.length));
      return;
    }
    if (url.pathname.startsWith(DOWNLOAD_PATH)) {
      const app = options.app();
      if (app === null) {
        sendJson(response, 503, { message: 'The cockpit is still building and scoring; reload in a few seconds.' });
        return;
      }
      serveDeck(request, response, app, decodedOrNull(url.pathname.slice(DOWNLOAD_PATH.length)) ?? '');
      return;
    }
    const hash = lightningPathToHash(url.pathname);
    if (hash !== null) {
      response.writeHead(302, { Location: `/${hash}`, 'Cache-Control': 'no-store' });
      response.end();
      return;
    }
    const relative = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    serveFile(request, response, resolveInside(options.publicDir, relative), 0);
  }

  return createServer((request, response) => {
    const started = Date.now();
    route(request, response)
      .catch((error: unknown) => {
        log(`${request.method} ${request.url} failed: ${(error as Error).stack ?? String(error)}`);
        if (!response.headersSent) {
          sendJson(response, 500, {
            message: `The cockpit server failed on ${request.url}: ${(error as Error).message}`
          });
        } else {
          response.destroy();
        }
      })
      .finally(() => {
        if (request.url?.startsWith('/api/')) {
          log(`${request.method} ${request.url} ${response.statusCode} ${Date.now() - started} ms`);
        }
      });
  });
}
