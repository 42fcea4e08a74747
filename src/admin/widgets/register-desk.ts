/**
 * Registers the desk's widgets on the admin home, ahead of Strapi's own. `permissions` only
 * decides whether a widget is offered; what it lists is decided by its endpoint
 * (src/domain/desk/desk-access.ts): a translator's widgets cover their locales only.
 */
import type { StrapiApp, WidgetArgs } from '@strapi/strapi/admin';
import { CheckCircle, Clock, Discuss, Earth, Pencil } from '@strapi/icons';

const ARTICLE = 'api::article.article';
const COMMENT = 'api::comment.comment';
const CM = 'plugin::content-manager.explorer';

const title = (widget: string, defaultMessage: string) => ({ id: `novinar.desk.${widget}.title`, defaultMessage });

const DESK: WidgetArgs[] = [
  {
    id: 'desk-scheduled',
    icon: Clock,
    title: title('scheduled', 'Scheduled (embargo)'),
    component: async () => (await import('./desk-widgets')).ScheduledWidget,
    permissions: [{ action: `${CM}.read`, subject: ARTICLE }],
  },
  {
    id: 'desk-drafts',
    icon: Pencil,
    title: title('drafts', 'My drafts'),
    component: async () => (await import('./desk-widgets')).DraftsWidget,
    permissions: [{ action: `${CM}.update`, subject: ARTICLE }],
  },
  {
    id: 'desk-translations',
    icon: Earth,
    title: title('translations', 'To translate'),
    link: { label: { id: 'novinar.desk.translations.link', defaultMessage: 'All translations' }, href: '/novinar/translations' },
    component: async () => (await import('./desk-widgets')).TranslationsWidget,
    permissions: [{ action: `${CM}.update`, subject: ARTICLE }],
  },
  {
    id: 'desk-comments',
    icon: Discuss,
    title: title('comments', 'Comments to moderate'),
    link: { label: { id: 'novinar.desk.comments.link', defaultMessage: 'Go to moderation' }, href: '/novinar/moderation' },
    component: async () => (await import('./desk-widgets')).CommentsWidget,
    permissions: [{ action: `${CM}.update`, subject: COMMENT }],
  },
  {
    id: 'desk-published',
    icon: CheckCircle,
    title: title('published', 'Latest published'),
    component: async () => (await import('./desk-widgets')).PublishedWidget,
    permissions: [{ action: `${CM}.read`, subject: ARTICLE }],
  },
];

export function registerDesk(app: StrapiApp): void {
  app.widgets.register((widgets) => [...DESK.map((widget) => ({ ...widget, pluginId: 'novinar' })), ...widgets]);
}
