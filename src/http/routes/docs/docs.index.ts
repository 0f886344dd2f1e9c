/**
 * The interactive API reference at `/docs`: Swagger UI, served from this gateway (no CDN, so it
 * works offline and leaks nothing), reading `/openapi.json`. The vendored files come from the
 * runtime (`deps.docsAsset`): node_modules on Node, the assets binding on Workers.
 */
import { Hono } from 'hono';
import { GatewayError } from '../../../core/errors.ts';
import type { AppEnv } from '../../context.ts';

export const DOCS_ASSET_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'] as const;

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Pontis gateway — API reference</title>
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: false,
  tryItOutEnabled: true,
  displayRequestDuration: true,
});
`;

export const docsRouter = new Hono<AppEnv>()
  .get('/docs', (c) => c.html(PAGE, 200, { 'Content-Security-Policy': CSP }))
  .get('/docs/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
  .get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    const asset =
      (DOCS_ASSET_FILES as readonly string[]).includes(file) && c.get('deps').docsAsset
        ? await c.get('deps').docsAsset?.(file)
        : undefined;
    if (!asset) throw new GatewayError('not_found', 'No such documentation asset.');
    return asset;
  });
