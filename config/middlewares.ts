import { constants as zlibConstants } from 'zlib';
import type { Core } from '@strapi/strapi';

const middlewaresConfig = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  {
    // First of all: a repeated public read whose answer the response cache holds is answered
    // here with the headers the stack gave it, without the rest of the stack (no access log line).
    name: 'global::cache-front',
    config: { maxBytes: env.int('RESPONSE_CACHE_FRONT_MAX_MB', 32) * 1024 * 1024, brotliQuality: env.int('BROTLI_QUALITY', 4) },
  },
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  {
    // koa-compress: gzip and brotli for compressible types (JSON, XML, feeds; images are left
    // alone), chosen by Accept-Encoding, with Vary: Accept-Encoding on every answer. Outside the
    // response cache, so cached hits are compressed too; their weak ETags stay valid for every
    // encoding (RFC 9110 8.8.1). Brotli at quality 4: dynamic answers, level 11 costs ~10x the CPU.
    name: 'strapi::compression',
    config: {
      threshold: env.int('COMPRESSION_THRESHOLD', 1024),
      br: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: env.int('BROTLI_QUALITY', 4) } },
      deflate: false,
    },
  },
  'global::api-request-guard',
  'strapi::query',
  'global::request-body-guard',
  {
    name: 'strapi::body',
    config: {
      // Comments and articles are text: a JSON body over this is refused with 413.
      jsonLimit: env('BODY_JSON_LIMIT', '256kb'),
      formLimit: env('BODY_FORM_LIMIT', '256kb'),
      textLimit: env('BODY_TEXT_LIMIT', '256kb'),
      formidable: { maxFileSize: env.int('UPLOAD_MAX_FILE_SIZE', 20 * 1024 * 1024) },
    },
  },
  'strapi::session',
  'global::response-cache',
  'global::graphql-document-guard',
  'strapi::favicon',
  'strapi::public',
];

export default middlewaresConfig;
