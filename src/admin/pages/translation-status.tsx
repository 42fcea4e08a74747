import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Badge, Box, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

type State = 'missing' | 'outdated' | 'up-to-date';
interface Item {
  documentId: string;
  title: string;
  status: State;
  translation: { title: string; updatedAt: string | null } | null;
}
interface Locale {
  code: string;
  name: string;
  isDefault: boolean;
}

const BADGE: Record<State, 'danger' | 'warning' | 'success'> = { missing: 'danger', outdated: 'warning', 'up-to-date': 'success' };
const LABEL: Record<State, string> = { missing: 'status.missing', outdated: 'status.outdated', 'up-to-date': 'status.upToDate' };

/** For translators: per language, which articles have no translation and which are out of date. */
export const TranslationStatusPage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [locales, setLocales] = useState<Locale[]>([]);
  const [locale, setLocale] = useState<string>('');
  const [items, setItems] = useState<Item[]>([]);
  const t = (id: string, defaultMessage: string) => formatMessage({ id: `novinar.translations.${id}`, defaultMessage });

  useEffect(() => {
    get<Locale[]>('/i18n/locales').then(({ data }) => {
      const others = data.filter((entry) => !entry.isDefault);
      setLocales(others);
      if (others[0]) setLocale(others[0].code);
    });
  }, [get]);

  useEffect(() => {
    if (!locale) return;
    get<{ data: Item[] }>('/novinar/translations/status', { params: { locale, pageSize: 100 } }).then(({ data }) => setItems(data.data));
  }, [get, locale]);

  return (
    <Page.Main>
      <Page.Title>{t('title', 'Translation status')}</Page.Title>
      <Layouts.Header
        title={t('title', 'Translation status')}
        subtitle={t('subtitle', 'For each article: which languages exist, which are missing and which are out of date.')}
      />
      <Layouts.Content>
        <Flex paddingBottom={4}>
          <Box width="240px">
            <SingleSelect aria-label={t('locale', 'Language')} value={locale} onChange={(value: string | number) => setLocale(String(value))}>
              {locales.map((entry) => (
                <SingleSelectOption key={entry.code} value={entry.code}>
                  {entry.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        </Flex>
        {items.length === 0 ? (
          <Typography>{t('empty', 'Nothing to translate.')}</Typography>
        ) : (
          <Table colCount={2} rowCount={items.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('column.article', 'Article (Bulgarian original)')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('column.status', 'Status')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {items.map((item) => (
                <Tr key={item.documentId}>
                  <Td>
                    <a href={`/admin/content-manager/collection-types/api::article.article/${item.documentId}?plugins[i18n][locale]=${locale}`}>{item.title}</a>
                  </Td>
                  <Td>
                    <Badge variant={BADGE[item.status]}>{t(LABEL[item.status], item.status)}</Badge>
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
