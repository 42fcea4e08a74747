import type { StrapiApp } from '@strapi/strapi/admin';
import { Discuss, Earth } from '@strapi/icons';
import bg from './translations/bg.json';
import { registerDesk } from './widgets/register-desk';
import { bulgarianLocaleColumn } from './locale-list-cell';
import { fieldLabelMessages } from '../bootstrap/admin-layouts';

/** The key under which @strapi/admin remembers the interface language of this browser. */
const LANGUAGE_KEY = 'strapi-admin-language';
/** …and the state of its guided tour (tours, steps, `enabled`). */
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';

export default {
  config: {
    // Bulgarian is offered (and is the default for a browser without a stored choice, below);
    // strings missing from bg.json fall back to English.
    locales: ['bg'],
    // Our field labels (the same table the layouts are applied from), then bg.json.
    translations: { bg: { ...fieldLabelMessages(), ...bg } },
  },
  register(app: StrapiApp) {
    // The newsroom writes in Bulgarian: start there; the profile page still switches languages.
    if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_KEY, 'bg');
    }
    // The guided tour teaches building a site with Strapi (schemas, API tokens), not the
    // newsroom's work, and its popover covers the article list: off until someone turns it on
    // again (Profile → „Рестартирай ръководството“). A stored state is kept as it is.
    if (typeof window !== 'undefined' && !window.localStorage.getItem(GUIDED_TOUR_KEY)) {
      window.localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ enabled: false }));
    }
    registerDesk(app);
    app.addMenuLink({
      to: 'novinar/moderation',
      icon: Discuss,
      intlLabel: { id: 'novinar.moderation.menu', defaultMessage: 'Comment moderation' },
      permissions: [{ action: 'plugin::content-manager.explorer.update', subject: 'api::comment.comment' }],
      Component: async () => ({ default: (await import('./pages/comment-moderation')).CommentModerationPage }),
    });
    app.addMenuLink({
      to: 'novinar/translations',
      icon: Earth,
      intlLabel: { id: 'novinar.translations.menu', defaultMessage: 'Translation status' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::article.article' }],
      Component: async () => ({ default: (await import('./pages/translation-status')).TranslationStatusPage }),
    });
  },
  bootstrap(app: StrapiApp) {
    // Registered after the plugins' own hooks, so it sees (and rewrites) i18n's column.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', bulgarianLocaleColumn);
  },
};
