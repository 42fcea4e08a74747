/**
 * The desk: the admin home's widgets for a newsroom. Each reads its admin endpoint
 * (GET /novinar/desk/<widget>, src/desk/desk-routes.ts), which answers for the signed-in user's
 * role and locales; the list is a glance, the link goes to the full page.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Widget, useFetchClient } from '@strapi/strapi/admin';
import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';

type Load<T> = { state: 'loading' } | { state: 'error' } | { state: 'ready'; data: T };

interface ScheduledItem {
  documentId: string;
  locale: string;
  title: string;
  goLiveAt: string;
}
interface PublishedItem {
  documentId: string;
  locale: string;
  title: string;
  publicationDate: string | null;
  publishedAt: string | null;
  comments: number;
}
interface DraftItem {
  documentId: string;
  locale: string;
  title: string;
  updatedAt: string | null;
}
interface TranslationItem {
  documentId: string;
  locale: string;
  title: string;
  status: 'missing' | 'outdated';
}
interface PendingComments {
  total: number;
  items: Array<{
    documentId: string;
    authorName: string;
    body: string;
    createdAt: string | null;
    article: { documentId: string; locale: string; title: string | null };
  }>;
}

const ARTICLE = 'api::article.article';
const editUrl = (documentId: string, locale: string) => `/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=${locale}`;

function useDesk<T>(widget: string): Load<T> {
  const { get } = useFetchClient();
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    get<{ data: T }>(`/novinar/desk/${widget}`).then(
      ({ data }) => live && setLoad({ state: 'ready', data: data.data }),
      () => live && setLoad({ state: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [get, widget]);
  return load;
}

function useDeskText() {
  const { formatMessage, formatDate } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: `novinar.desk.${id}`, defaultMessage }, values);
  // Newsroom time: Sofia, whatever the browser's zone (BULGARIAN.md, "Dates").
  const when = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Sofia' }) : '');
  return { t, when };
}

/** Loading, error and "nothing here" states, else the rows. */
function DeskList<T>({ load, empty, items, row }: { load: Load<T>; empty: string; items: (data: T) => unknown[]; row: (item: never) => ReactNode }) {
  const { t } = useDeskText();
  if (load.state === 'loading') return <Widget.Loading />;
  if (load.state === 'error') return <Widget.Error>{t('error', 'The data could not be loaded.')}</Widget.Error>;
  const list = items(load.data);
  if (list.length === 0) return <Widget.NoData>{empty}</Widget.NoData>;
  return (
    <Flex tag="ul" direction="column" alignItems="stretch" gap={3}>
      {list.map((item, index) => (
        <li key={index}>{row(item as never)}</li>
      ))}
    </Flex>
  );
}

function Row({ title, href, detail, badge }: { title: string; href: string; detail?: string; badge?: ReactNode }) {
  const { t } = useDeskText();
  return (
    <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
      <Box flex="1" minWidth={0}>
        <Link href={href} isExternal={false}>
          <Typography ellipsis>{title || t('untitled', '(untitled)')}</Typography>
        </Link>
        {detail ? (
          <Typography tag="p" variant="pi" textColor="neutral600">
            {detail}
          </Typography>
        ) : null}
      </Box>
      {badge}
    </Flex>
  );
}

const LocaleBadge = ({ locale }: { locale: string }) => <Badge>{locale}</Badge>;

export const ScheduledWidget = () => {
  const { t, when } = useDeskText();
  const load = useDesk<ScheduledItem[]>('scheduled');
  return (
    <DeskList
      load={load}
      empty={t('scheduled.empty', 'No stories scheduled for later.')}
      items={(data) => data}
      row={(item: ScheduledItem) => (
        <Row
          title={item.title}
          href={editUrl(item.documentId, item.locale)}
          detail={t('scheduled.goLive', 'Goes live {when}', { when: when(item.goLiveAt) })}
          badge={<LocaleBadge locale={item.locale} />}
        />
      )}
    />
  );
};

export const DraftsWidget = () => {
  const { t, when } = useDeskText();
  const load = useDesk<DraftItem[]>('drafts');
  return (
    <DeskList
      load={load}
      empty={t('drafts.empty', 'You have no unpublished drafts.')}
      items={(data) => data}
      row={(item: DraftItem) => (
        <Row
          title={item.title}
          href={editUrl(item.documentId, item.locale)}
          detail={t('drafts.edited', 'Edited {when}', { when: when(item.updatedAt) })}
          badge={<LocaleBadge locale={item.locale} />}
        />
      )}
    />
  );
};

export const TranslationsWidget = () => {
  const { formatMessage } = useIntl();
  const { t } = useDeskText();
  const load = useDesk<TranslationItem[]>('translations');
  const status = (value: TranslationItem['status']) => formatMessage({ id: `novinar.translations.status.${value}`, defaultMessage: value });
  return (
    <DeskList
      load={load}
      empty={t('translations.empty', 'All translations are up to date.')}
      items={(data) => data}
      row={(item: TranslationItem) => (
        <Row
          title={item.title}
          href={editUrl(item.documentId, item.locale)}
          badge={
            <Flex gap={1}>
              <Badge variant={item.status === 'missing' ? 'danger' : 'warning'}>{status(item.status)}</Badge>
              <LocaleBadge locale={item.locale} />
            </Flex>
          }
        />
      )}
    />
  );
};

export const CommentsWidget = () => {
  const { t } = useDeskText();
  const load = useDesk<PendingComments>('comments');
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {load.state === 'ready' && load.data.total > 0 ? (
        <Typography fontWeight="bold">{t('comments.pending', '{count} comments pending', { count: load.data.total })}</Typography>
      ) : null}
      <DeskList
        load={load}
        empty={t('comments.empty', 'No comments are waiting.')}
        items={(data) => data.items}
        row={(item: PendingComments['items'][number]) => (
          <Row
            title={`${item.authorName}: ${item.body}`}
            href="/admin/novinar/moderation"
            detail={item.article.title ?? undefined}
            badge={<LocaleBadge locale={item.article.locale} />}
          />
        )}
      />
    </Flex>
  );
};

export const PublishedWidget = () => {
  const { t, when } = useDeskText();
  const load = useDesk<PublishedItem[]>('published');
  return (
    <DeskList
      load={load}
      empty={t('published.empty', 'No stories published yet.')}
      items={(data) => data}
      row={(item: PublishedItem) => (
        <Row
          title={item.title}
          href={editUrl(item.documentId, item.locale)}
          detail={`${when(item.publicationDate ?? item.publishedAt)} · ${t('published.comments', '{count} comments', { count: item.comments })}`}
          badge={<LocaleBadge locale={item.locale} />}
        />
      )}
    />
  );
};
