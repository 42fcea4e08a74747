import type { Core } from '@strapi/strapi';

const apiConfig = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Api => ({
  rest: {
    defaultLimit: env.int('API_DEFAULT_LIMIT', 25),
    maxLimit: env.int('API_MAX_LIMIT', 100),
    withCount: true,
    // Unknown query keys are a 400 on core routes; our custom routes validate their own.
    strictParams: true,
  },
  documents: {
    strictParams: true,
  },
});

export default apiConfig;
