import { useCallback, useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Badge, Box, Button, Checkbox, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

type Status = 'pending' | 'approved' | 'rejected' | 'spam';
interface CommentRow {
  documentId: string;
  authorName: string;
  body: string;
  createdAt: string;
  moderationStatus: Status;
  articleDocumentId: string;
  locale: string;
}
interface ArticleRow {
  documentId: string;
  title: string;
}

const CM = '/content-manager/collection-types';
const STATUSES: Status[] = ['pending', 'approved', 'rejected', 'spam'];
const BADGE: Record<Status, 'secondary' | 'success' | 'danger' | 'warning'> = {
  pending: 'secondary',
  approved: 'success',
  rejected: 'danger',
  spam: 'warning',
};

/**
 * The comment queue: pending comments first (oldest first, as they arrived), with the article
 * each belongs to; approve, reject or mark spam one by one or for a selection. Uses the
 * Content Manager's own API, so the Moderator role's permissions apply.
 */
export const CommentModerationPage = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [filter, setFilter] = useState<Status | 'all'>('pending');
  const [rows, setRows] = useState<CommentRow[]>([]);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  // Cast: react-intl's values type is narrower than the plain record the messages take.
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: `novinar.moderation.${id}`, defaultMessage }, values as never);

  const load = useCallback(async () => {
    const params: Record<string, unknown> = { page: 1, pageSize: 100, sort: filter === 'pending' ? 'createdAt:ASC' : 'createdAt:DESC' };
    if (filter !== 'all') params.filters = { $and: [{ moderationStatus: { $eq: filter } }] };
    const { data } = await get<{ results: CommentRow[] }>(`${CM}/api::comment.comment`, { params });
    setRows(data.results);
    setSelected(new Set());
    const byLocale = new Map<string, string[]>();
    for (const row of data.results) byLocale.set(row.locale, [...(byLocale.get(row.locale) ?? []), row.articleDocumentId]);
    const found: Record<string, string> = {};
    for (const [locale, ids] of byLocale) {
      const articles = await get<{ results: ArticleRow[] }>(`${CM}/api::article.article`, {
        params: { locale, pageSize: 100, filters: { $and: [{ documentId: { $in: [...new Set(ids)] } }] } },
      });
      for (const article of articles.data.results) found[article.documentId] = article.title;
    }
    setTitles(found);
  }, [filter, get]);

  useEffect(() => {
    load().catch(() => toggleNotification({ type: 'danger', message: t('error', 'The comments could not be updated.') }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  const moderate = async (ids: string[], status: Status) => {
    setBusy(true);
    try {
      for (const id of ids) await put(`${CM}/api::comment.comment/${id}`, { moderationStatus: status });
      toggleNotification({
        type: 'success',
        message: t('updated', '{count, plural, one {# comment updated} other {# comments updated}}', { count: ids.length }),
      });
      await load();
    } catch {
      toggleNotification({ type: 'danger', message: t('error', 'The comments could not be updated.') });
    } finally {
      setBusy(false);
    }
  };

  const allSelected = rows.length > 0 && selected.size === rows.length;
  const actions = useMemo(
    () => [
      { status: 'approved' as const, label: t('action.approve', 'Approve'), variant: 'success-light' as const },
      { status: 'rejected' as const, label: t('action.reject', 'Reject'), variant: 'danger-light' as const },
      { status: 'spam' as const, label: t('action.spam', 'Mark as spam'), variant: 'tertiary' as const },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [formatMessage],
  );

  return (
    <Page.Main>
      <Page.Title>{t('title', 'Comment moderation')}</Page.Title>
      <Layouts.Header
        title={t('title', 'Comment moderation')}
        subtitle={t('subtitle', 'Pending comments first. Approve, reject or mark as spam, one by one or in bulk.')}
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          <Box width="240px">
            <SingleSelect aria-label={t('status', 'Status')} value={filter} onChange={(value: string | number) => setFilter(value as Status | 'all')}>
              {[...STATUSES, 'all' as const].map((status) => (
                <SingleSelectOption key={status} value={status}>
                  {t(`status.${status}`, status)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          {selected.size > 0 && (
            <Flex gap={2}>
              <Typography variant="omega">
                {t('selected', '{count, plural, one {# comment selected} other {# comments selected}}', { count: selected.size })}
              </Typography>
              {actions.map((action) => (
                <Button key={action.status} variant={action.variant} disabled={busy} onClick={() => moderate([...selected], action.status)}>
                  {action.label}
                </Button>
              ))}
            </Flex>
          )}
        </Flex>
        {rows.length === 0 ? (
          <Typography>{t('empty', 'No comments here.')}</Typography>
        ) : (
          <Table colCount={6} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Checkbox
                    aria-label={t('action.selectAll', 'Select all')}
                    checked={allSelected}
                    onCheckedChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.documentId)))}
                  />
                </Th>
                <Th>
                  <Typography variant="sigma">{t('column.comment', 'Comment')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('column.author', 'Author')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('column.article', 'Article')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('column.date', 'Date')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('status', 'Status')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((row) => (
                <Tr key={row.documentId}>
                  <Td>
                    <Checkbox
                      aria-label={row.documentId}
                      checked={selected.has(row.documentId)}
                      onCheckedChange={() => {
                        const next = new Set(selected);
                        if (next.has(row.documentId)) next.delete(row.documentId);
                        else next.add(row.documentId);
                        setSelected(next);
                      }}
                    />
                  </Td>
                  <Td style={{ whiteSpace: 'normal', maxWidth: '32rem' }}>
                    {/* Plain text: React escapes it, markup in comments is never interpreted. */}
                    <Typography>{row.body}</Typography>
                    <Flex gap={1} paddingTop={1}>
                      {actions
                        .filter((action) => action.status !== row.moderationStatus)
                        .map((action) => (
                          <Button
                            key={action.status}
                            size="S"
                            variant={action.variant}
                            disabled={busy}
                            onClick={() => moderate([row.documentId], action.status)}
                          >
                            {action.label}
                          </Button>
                        ))}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography>{row.authorName}</Typography>
                  </Td>
                  <Td>
                    <a href={`/admin/content-manager/collection-types/api::article.article/${row.articleDocumentId}?plugins[i18n][locale]=${row.locale}`}>
                      {titles[row.articleDocumentId] ?? row.articleDocumentId} ({row.locale})
                    </a>
                  </Td>
                  <Td>
                    <Typography>{formatDate(row.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</Typography>
                  </Td>
                  <Td>
                    <Badge variant={BADGE[row.moderationStatus]}>{t(`status.${row.moderationStatus}`, row.moderationStatus)}</Badge>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
