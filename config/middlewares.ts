import type { Core } from '@strapi/strapi';

const middlewaresConfig = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
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
